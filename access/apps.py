from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate

APPEND_ONLY_MIGRATION = ("access", "0006_audit_append_only")


def _restore_sqlite_triggers(using: str, **kwargs: Any) -> None:
    """SQLite drops a table's triggers when a migration rebuilds the table: put the audit's back after
    each migrate."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    from .triggers import install

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    if APPEND_ONLY_MIGRATION in MigrationRecorder(connection).applied_migrations():
        install(connection)


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = "Access and audit"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from thrive.middleware import mark_seen

        user_logged_in.connect(mark_seen, dispatch_uid="thrive.mark_seen")
        post_migrate.connect(_restore_sqlite_triggers, sender=self, dispatch_uid="access.sqlite_triggers")
