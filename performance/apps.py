from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "performance"
    verbose_name = "Performance dashboard"

    def ready(self):
        from django.core import checks
        from django.utils.module_loading import autodiscover_modules

        from . import registry

        checks.register(registry.check_registry)
        autodiscover_modules("indicators")  # each app's <app>/indicators.py registers its Computations
