"""Scheduled work, declared once: what runs, when (cron syntax, council time), and why.

Two ways to run it, from this one list:
- `python manage.py run_scheduler`: a long-running process (APScheduler) that starts each job's
  management command in its own process at its time; the compose file's `scheduler` service;
- `python manage.py run_scheduler --crontab`: the same jobs as crontab lines, for a council that
  runs Thrive on a server with cron.
Nothing here runs inside a web request. Due dates need no refresh job: they are computed from the
timescales registry whenever a page or worklist is read.
"""

from dataclasses import dataclass

TIME_ZONE = "Europe/London"


@dataclass(frozen=True)
class Job:
    name: str
    cron: str  # minute hour day-of-month month day-of-week
    command: tuple[str, ...]  # manage.py arguments
    why: str
    needs_env: str = ""  # runs only where this environment variable is set


JOBS = [
    Job(
        "backup",
        "30 0 * * *",
        ("backup_database",),
        "A pg_dump of the whole database (custom format) into THRIVE_BACKUP_DIR, kept for 35 days; "
        "WAL archiving for point-in-time recovery is set up on the server (docs/operations.md).",
        needs_env="THRIVE_BACKUP_DIR",
    ),
    Job(
        "retention_review",
        "0 1 * * *",
        ("retention_review",),
        "Lists the records whose retention period has ended, for a manager to confirm; changes nothing.",
    ),
    Job(
        "audit_chain",
        "30 1 * * *",
        ("verify_audit",),
        "Walks the audit log's hash chain and fails (exit code 1) at the first deleted, altered or inserted "
        "row; with THRIVE_AUDIT_ANCHOR set, checks and extends the anchors kept off the database server.",
    ),
    Job(
        "dashboard",
        "0 2 * * *",
        ("compute_latest_quarter",),
        "Recomputes the dashboard's figures for the last ended quarter, so late recording is counted.",
    ),
    Job(
        "sessions",
        "30 3 * * *",
        ("clearsessions",),
        "Deletes expired sign-in sessions (Django's own command).",
    ),
]


def crontab(manage: str = "/srv/thrive/.venv/bin/python /srv/thrive/manage.py") -> str:
    lines = [
        f"# Thrive's scheduled jobs (from ops/schedule.py). Times are {TIME_ZONE}.",
        f"CRON_TZ={TIME_ZONE}",
    ]
    for job in JOBS:
        lines.append(f"# {job.name}: {job.why}")
        guard = f'[ -n "${job.needs_env}" ] && ' if job.needs_env else ""
        lines.append(f"{job.cron} {guard}{manage} {' '.join(job.command)}")
    return "\n".join(lines) + "\n"
