from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and identity"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Each app's contributions to a child's record: people.timeline, people.casework, people.alerts.
        autodiscover_modules("timeline", "casework", "alerts")
