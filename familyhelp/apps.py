from django.apps import AppConfig


class FamilyhelpConfig(AppConfig):
    name = "familyhelp"
    verbose_name = "Family Help"
