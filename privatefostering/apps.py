from django.apps import AppConfig


class PrivateFosteringConfig(AppConfig):
    name = "privatefostering"
    verbose_name = "Private fostering"
