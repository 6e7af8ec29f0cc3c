from django.apps import AppConfig


class LeaversConfig(AppConfig):
    name = "leavers"
    verbose_name = "Care leavers"
