from django.apps import AppConfig


class RetentionConfig(AppConfig):
    """How long a child's record is kept, legal holds, and anonymising records whose time is up."""

    name = "retention"
    verbose_name = "Retention of records"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules(
            "retention"
        )  # each app's <app>/retention.py declares its facts (retention.facts)
