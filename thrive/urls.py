from django.contrib import admin
from django.urls import include, path

from people.views import due_work, home

urlpatterns = [
    path("", home, name="home"),
    path("work/", due_work, name="work"),
    path("people/", include("people.urls")),
    path("front-door/", include("frontdoor.urls")),
    path("family-help/", include("familyhelp.urls")),
    path("child-protection/", include("protection.urls")),
    path("proceedings/", include("proceedings.urls")),
    path("care/", include("care.urls")),
    path("leaving-care/", include("leavers.urls")),
    path("education/", include("education.urls")),
    path("access/", include("access.urls")),
    path("performance/", include("performance.urls")),
    path("returns/", include("returns.urls")),
    path("django-admin/", admin.site.urls),
]
