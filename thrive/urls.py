from django.contrib import admin
from django.urls import include, path

from people.views import home

urlpatterns = [
    path("", home, name="home"),
    path("people/", include("people.urls")),
    path("access/", include("access.urls")),
    path("performance/", include("performance.urls")),
    path("django-admin/", admin.site.urls),
]
