from django.apps import AppConfig


class TimescalesConfig(AppConfig):
    name = "timescales"
    verbose_name = "Statutory timescales"

    def ready(self) -> None:
        from django.core import checks
        from django.db.models.signals import post_delete, post_save
        from django.utils.module_loading import autodiscover_modules

        from .models import ClosureDay, SchoolHoliday
        from .registry import check_overrides
        from .workdays import reset_default_calendar

        checks.register(check_overrides)
        # A new closure day or school holiday moves every due date counted across it.
        for model in (ClosureDay, SchoolHoliday):
            for signal in (post_save, post_delete):
                signal.connect(
                    reset_default_calendar, sender=model, dispatch_uid=f"timescales-{model.__name__}"
                )
        autodiscover_modules("due")  # each app's <app>/due.py registers its DueSources (timescales.due)
