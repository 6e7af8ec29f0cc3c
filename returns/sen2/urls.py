"""SEN2 URLs: the issues page (reading, analysts) and the download (export, analysts, audited)."""

from django.urls import path

from . import views

app_name = "sen2"
urlpatterns = [
    path("", views.index, name="index"),
    path("download/", views.download, name="download"),
]
