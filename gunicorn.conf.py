"""gunicorn's settings for Thrive (`gunicorn -c gunicorn.conf.py thrive.wsgi`); each one says why.

Sized for the 2-core server a council is likely to start with; THRIVE_WORKERS and THRIVE_THREADS
change it without editing this file. Measured under load in docs/performance.md.
"""

import multiprocessing
import os

# Where to listen. Behind the council's TLS proxy: a local port. `make prod` and the tests give a
# certificate (THRIVE_TLS_CERT/KEY) so gunicorn speaks HTTPS itself, as prod settings require.
bind = os.environ.get("THRIVE_BIND", "127.0.0.1:8000")
certfile = os.environ.get("THRIVE_TLS_CERT") or None
keyfile = os.environ.get("THRIVE_TLS_KEY") or None

# Processes and threads. Pages spend much of their time waiting on PostgreSQL, so each worker runs
# threads ("gthread"): 2 x cores + 1 workers (gunicorn's own rule of thumb) with 4 threads each give
# 20 requests in progress at once on 2 cores, for about 5 x 130 MB of memory. A slow page (a PDF
# report, a return's download) holds one thread, not a whole worker.
worker_class = "gthread"
workers = int(os.environ.get("THRIVE_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("THRIVE_THREADS", 4))
# Connections wait here when every thread is busy, rather than being refused (load is queued, not lost).
backlog = 2048

# Time. The slowest legitimate request (the CIN census of a large council, downloaded) takes under
# a minute; 120 s ends a stuck request without cutting one short. Graceful restarts let running
# requests finish. Keep-alive outlasts the idle timeout of the proxy or client in front (nginx and
# cloud load balancers: 60 s): if the server closed an idle connection first, a request sent on it at
# that moment would fail ("connection closed without response"), as the load test showed with 5 s.
# Idle connections wait in the worker's poller, not in a thread.
timeout = 120
graceful_timeout = 30
keepalive = 75

# Workers are replaced after a few thousand requests (jittered so they do not all restart at once),
# which bounds any slow growth in memory.
max_requests = 2000
max_requests_jitter = 200

# Load Django once in the master and fork: faster start, shared memory. Django opens no database
# connection at import, so no connection is shared across processes.
preload_app = True
# Worker heartbeats in memory, not on disk (a container's overlay file system can stall them).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # nosec B108

# The proxy's X-Forwarded-For/-Proto are trusted only from here (the TLS proxy on the same host by
# default; a container sets FORWARDED_ALLOW_IPS to its network's proxy).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs on standard error, as JSON lines. The access log has no query string (search terms are in it),
# no client address and no user agent: method, path, status, size, time and the request id that
# RequestIdMiddleware put on the response (X-Request-ID), to find the request's other log lines.
accesslog = "-"
errorlog = "-"
access_log_format = (
    '{"time": "%(t)s", "logger": "gunicorn.access", "request_id": "%({x-request-id}o)s", '
    '"method": "%(m)s", "path": "%(U)s", "status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s}'
)
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ops.logs.ThriveJsonFormatter"}},
    "filters": {
        "request_id": {"()": "ops.requestid.RequestIdFilter"},
        "no_personal_data": {"()": "ops.logs.NoPersonalData"},
    },
    "handlers": {
        "error": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id", "no_personal_data"],
            "stream": "ext://sys.stderr",
        },
        # The access log line is already JSON (access_log_format): written as it is.
        "access": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stdout"},
    },
    "root": {"handlers": ["error"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["error"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}
logconfig_dict["formatters"]["plain"] = {"format": "%(message)s"}
proc_name = "thrive"
