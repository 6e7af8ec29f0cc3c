from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = "Access and audit"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from thrive.middleware import mark_seen

        user_logged_in.connect(mark_seen, dispatch_uid="thrive.mark_seen")
