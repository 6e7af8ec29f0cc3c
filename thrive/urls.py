from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("people.urls")),
    path("access/", include("access.urls")),
    path("django-admin/", admin.site.urls),
]
