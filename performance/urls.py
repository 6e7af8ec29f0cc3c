from django.urls import path

from . import views

app_name = "performance"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("indicators/", views.indicator_list, name="indicators"),
    path("indicators/<str:code>/", views.indicator_detail, name="indicator"),
    path("upload/", views.upload, name="upload"),
    path("compute/", views.compute, name="compute"),
    path("published/", views.published_list, name="published_list"),
    path("published/<int:pk>/", views.published_detail, name="published"),
    path("report/", views.report, name="report"),
    path("snapshots/", views.snapshot_list, name="snapshots"),
    path("snapshots/<int:pk>/", views.snapshot_detail, name="snapshot"),
]
