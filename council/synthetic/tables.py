"""The Thrive tables as a whole: which they are, how to empty them, and a digest of their contents."""

import hashlib
from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.core.management.color import no_style
from django.db import connection
from django.db.models import Model

# Tables outside the Thrive apps that point at users: emptied with them, or they would dangle.
USER_LINKED_TABLES = ("django_admin_log", "django_session", "otp_totp_totpdevice")
# Columns the wall clock fills in, which a reproducible digest must leave out.
WALL_CLOCK_COLUMNS = {"last_login", "ran_at", "seconds"}  # sign-ins, and when and how long a return check ran


def is_historical(model: type[Model]) -> bool:
    """django-simple-history's shadow tables: an audit of edits, not data in their own right."""
    return hasattr(model, "instance_type")


def thrive_models(include_historical: bool = False) -> list[type[Model]]:
    models = []
    for app_label in settings.THRIVE_APPS:
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
            if include_historical or not is_historical(model):
                models.append(model)
    return models


def counts() -> dict[str, int]:
    """Rows in each Thrive table, for summaries of what a database holds (unmigrated tables left out)."""
    existing = set(connection.introspection.table_names())
    return {
        m._meta.label: m._base_manager.count()
        for m in thrive_models()
        if not m._meta.auto_created and m._meta.db_table in existing
    }


def flush_thrive_tables() -> None:
    """Delete every row of every Thrive table (and the user-linked tables), resetting id sequences.

    Runs inside the caller's transaction, so a failed regeneration leaves the old data in place;
    foreign keys are deferred to commit, so the order of deletion does not matter.
    """
    existing = set(connection.introspection.table_names())
    tables = [m._meta.db_table for m in thrive_models(include_historical=True)] + list(USER_LINKED_TABLES)
    tables = [t for t in tables if t in existing]  # a model whose migration is not applied yet has none
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=False)
    if connection.vendor == "postgresql":
        connection.check_constraints()  # TRUNCATE refuses tables with deferred checks still pending
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def reset_sequences() -> None:
    """After rows were inserted with explicit ids, point each id sequence past them (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), thrive_models(include_historical=True))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def digest_columns(model: type[Model]) -> list[str]:
    return [
        f.attname
        for f in model._meta.concrete_fields
        if not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
        and f.attname not in WALL_CLOCK_COLUMNS
    ]


def checksum(progress: Callable[[str, int], None] | None = None) -> str:
    """SHA-256 over every Thrive table's rows in id order, wall-clock columns left out."""
    digest = hashlib.sha256()
    for model in sorted(thrive_models(), key=lambda m: m._meta.db_table):
        columns = digest_columns(model)
        digest.update(f"{model._meta.db_table}({','.join(columns)})\n".encode())
        rows = 0
        for row in model._base_manager.order_by("pk").values_list(*columns).iterator(chunk_size=10_000):
            digest.update(("\x1f".join(map(str, row)) + "\n").encode())
            rows += 1
        if progress:
            progress(model._meta.label, rows)
    return digest.hexdigest()
