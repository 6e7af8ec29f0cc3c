"""Operations: the health check, request ids, JSON logs without personal data, the schedule, backups."""

import io
import json
import logging
import logging.config

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings

from ops import schedule
from ops.logs import WITHHELD, logging_config
from ops.requestid import new_request_id

pytestmark = pytest.mark.django_db


def test_health_answers_without_signing_in_and_names_nobody(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok" and body["migrations"] == "applied"
    assert set(body) == {"status", "database", "migrations", "database_ms"}
    assert "no-store" in response["Cache-Control"]


def test_health_is_public_and_get_only(client):
    from ops.health import healthz

    assert healthz.access_class == "public"
    assert client.post("/healthz").status_code == 405


@override_settings(MIDDLEWARE=["ops.requestid.RequestIdMiddleware"])
def test_every_response_carries_a_request_id(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert len(first["X-Request-ID"]) == 32 and first["X-Request-ID"] != second["X-Request-ID"]
    assert client.get("/healthz", HTTP_X_REQUEST_ID="proxy-abc-12345")["X-Request-ID"] == "proxy-abc-12345"


def test_a_request_id_from_outside_is_kept_only_if_it_looks_like_one():
    assert new_request_id("0123456789abcdef") == "0123456789abcdef"
    for hostile in ("x", "Smith; DROP", "a" * 65, "surname=Smith", None):
        assert new_request_id(hostile) != hostile


@pytest.fixture
def json_log():
    """Production's logging configuration, writing to a buffer."""
    stream = io.StringIO()
    config = logging_config("INFO")
    config["handlers"]["console"]["stream"] = stream
    logging.config.dictConfig(config)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logging.config.dictConfig({"version": 1, "disable_existing_loggers": False})


def test_logs_are_json_with_the_request_id_and_no_query_string(json_log, rf):
    from django.utils.log import log_response

    from ops.requestid import current

    request = rf.get("/people/", {"surname": "Okafor", "forename": "Maya"})
    token = current.set("abc123abc123")
    try:
        from django.http import HttpResponseNotFound

        log_response("Not Found: %s", request.path, response=HttpResponseNotFound(), request=request)
    finally:
        current.reset(token)
    [line] = json_log()
    assert (
        line["level"] == "WARNING"
        and line["request_id"] == "abc123abc123"
        and line["message"] == "Not Found: /people/"
    )
    assert "Okafor" not in json.dumps(line) and "request" not in line


def test_an_exception_is_logged_without_its_message(json_log):
    number = "94347" + "65919"  # built here, so the traceback's source line (code, kept) does not show it
    try:
        raise ValueError(f"Key (nhs_number)=({number}) already exists")
    except ValueError:
        logging.getLogger("django.request").exception("Internal Server Error: /people/1/")
    [line] = json_log()
    assert "9434765919" not in json.dumps(line)
    assert line["exc"].endswith(f"builtins.ValueError: {WITHHELD}") and "test_ops.py" in line["exc"]


def test_the_schedule_prints_as_crontab_lines(capsys):
    call_command("run_scheduler", "--crontab", "--manage", "/srv/thrive/bin/manage")
    out = capsys.readouterr().out
    assert "CRON_TZ=Europe/London" in out
    assert "0 1 * * * /srv/thrive/bin/manage retention_review" in out
    assert "0 2 * * * /srv/thrive/bin/manage compute_latest_quarter" in out
    assert '[ -n "$THRIVE_BACKUP_DIR" ] && ' in out
    assert "30 1 * * * /srv/thrive/bin/manage verify_audit" in out
    assert [job.name for job in schedule.JOBS] == [
        "backup",
        "retention_review",
        "audit_chain",
        "dashboard",
        "sessions",
    ]


def test_every_scheduled_job_is_a_real_command_with_a_valid_time():
    from apscheduler.triggers.cron import CronTrigger
    from django.core.management import get_commands

    for job in schedule.JOBS:
        assert job.command[0] in get_commands(), job.name
        CronTrigger.from_crontab(job.cron, timezone=schedule.TIME_ZONE)


def test_the_nightly_dashboard_computes_the_last_ended_quarter(capsys):
    call_command("compute_latest_quarter", "--on", "2025-04-01")
    assert capsys.readouterr().out.startswith("Q4 2024/25: ")


def test_a_backup_needs_postgresql_and_says_so(tmp_path, monkeypatch):
    monkeypatch.delenv("THRIVE_BACKUP_DIR", raising=False)
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL the restore drill backs up and restores for real")
    with pytest.raises(CommandError, match="DATABASE_URL must name a PostgreSQL database"):
        call_command("backup_database", "--out", str(tmp_path / "x.dump"))
    with pytest.raises(CommandError, match="Say where the dump goes"):
        call_command("backup_database")
