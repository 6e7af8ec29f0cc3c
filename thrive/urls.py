from django.contrib import admin
from django.urls import include, path

from people.views import due_work, home
from sharing.api.urls import urls as partner_api_urls

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
    path("access/", include("access.urls")),
    path("performance/", include("performance.urls")),
    path("returns/", include("returns.urls")),
    # access classes of the pages in sharing.urls are noted there (front-door worker, manager)
    path("", include("sharing.urls")),
    # access class: public API with token auth (partner agencies' API keys, scoped, rate-limited, audited);
    # its OpenAPI description, /api/v1/openapi.json, is public without a key
    path("api/v1/", partner_api_urls()),
    path("django-admin/", admin.site.urls),
]
