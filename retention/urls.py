from django.urls import path

from . import views

app_name = "retention"
urlpatterns = [
    path("", views.reviews, name="reviews"),
    path("holds/", views.holds, name="holds"),
    path("holds/<int:pk>/lift/", views.lift_hold, name="lift_hold"),
    path("log/", views.log, name="log"),
]
