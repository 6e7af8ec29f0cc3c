"""A request id for every request: in the response's X-Request-ID header, on every log line written while
the request is served, and in gunicorn's access log, so one request can be followed across all three.

A trusted proxy may send its own X-Request-ID; it is kept only if it looks like an id (letters, digits,
dashes, at most 64), so nothing a client types reaches the logs through it.
"""

import contextvars
import logging
import re
import uuid

HEADER = "X-Request-ID"
_VALID = re.compile(r"^[A-Za-z0-9-]{8,64}$")
current = contextvars.ContextVar("request_id", default="-")


def new_request_id(offered: str | None) -> str:
    return offered if offered and _VALID.match(offered) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = new_request_id(request.headers.get(HEADER))
        request.request_id = request_id
        token = current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record ("-" outside a request: scheduled jobs, start-up)."""

    def filter(self, record):
        record.request_id = current.get()
        return True
