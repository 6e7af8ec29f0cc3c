from django.urls import path

from . import views

app_name = "privatefostering"
urlpatterns = [
    path("<int:pk>/", views.record, name="record"),
    path("<int:pk>/arrangement/", views.arrangement, name="arrangement"),
    path("<int:pk>/visits/new/", views.visit, name="visit"),
]
