from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "performance"
    verbose_name = "Performance dashboard"

    def ready(self):
        from django.core import checks

        from . import registry

        checks.register(registry.check_registry)
