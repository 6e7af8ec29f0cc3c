from django.urls import path

from . import two_factor

app_name = "two_factor"
urlpatterns = [
    path("set-up/", two_factor.setup, name="setup"),
    path("code/", two_factor.verify, name="verify"),
]
