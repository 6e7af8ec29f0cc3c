from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running Thrive for real: health check, request ids and JSON logs, scheduled jobs, backups."""

    name = "ops"
    verbose_name = "Operations"
