from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "sharing"
    verbose_name = "Information sharing"

    def ready(self):
        from .api import outbox  # noqa: F401  connects the plan start and end notifications
