"""JSON log lines without personal data, for a council's log collector.

Each line holds the time, level, logger, message and request id. What could carry a child's details
is kept out:
- the `request` Django attaches to its error records (its repr holds the query string, where search
  terms are) is dropped;
- an exception keeps its type and traceback (file, line, function) but not its message, which for a
  database error can quote the row (`Key (nhs_number)=(...) already exists`);
- Thrive's own log calls name records by id, never by name (see docs/operations.md).
"""

import logging
import traceback

from pythonjsonlogger.json import JsonFormatter

WITHHELD = "[message withheld: it may hold personal data]"


def redacted_traceback(exc_info) -> str:
    kind, error, tb = exc_info
    frames = "".join(traceback.format_tb(tb))
    return f"Traceback (most recent call last):\n{frames}{kind.__module__}.{kind.__qualname__}: {WITHHELD}"


class NoPersonalData(logging.Filter):
    def filter(self, record):
        for attribute in ("request", "args_repr"):
            record.__dict__.pop(attribute, None)
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = redacted_traceback(record.exc_info)
            record.exc_info = None
        return True


class ThriveJsonFormatter(JsonFormatter):
    """python-json-logger's formatter with Thrive's field names; the redacted traceback as `exc`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", False)
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s", *args, **kwargs)

    def add_fields(self, log_record, record, message_dict):
        super().add_fields(log_record, record, message_dict)
        if record.exc_text:
            log_record["exc"] = record.exc_text
        for key in ("request", "status_code", "exc_info", "taskName"):
            log_record.pop(key, None)


def logging_config(level: str = "INFO") -> dict:
    """Django's LOGGING for production: JSON on standard error, for gunicorn, systemd or the container."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "ops.requestid.RequestIdFilter"},
            "no_personal_data": {"()": "ops.logs.NoPersonalData"},
        },
        "formatters": {"json": {"()": "ops.logs.ThriveJsonFormatter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["request_id", "no_personal_data"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django": {"handlers": ["console"], "level": level, "propagate": False},
            # SQL and template debugging would print values: never in production.
            "django.db.backends": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            "django.template": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            "axes": {"handlers": ["console"], "level": "ERROR", "propagate": False},  # names the account
        },
    }
