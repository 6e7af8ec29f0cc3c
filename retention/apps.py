from django.apps import AppConfig


class RetentionConfig(AppConfig):
    """How long a child's record is kept, legal holds, and anonymising records whose time is up."""

    name = "retention"
    verbose_name = "Retention of records"
