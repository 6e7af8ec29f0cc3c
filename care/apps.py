from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "care"
    verbose_name = "Children in care, unaccompanied children and permanence"
