"""The URLconf. Every pattern has an access class (access.classes): the apps' views are stamped by their
decorators; Django admin's are declared here, and the partner-agency API's by sharing.api.urls (API: an
agency's key with the scope each call needs; its OpenAPI description public). tests/test_url_access.py fails
on
any undeclared pattern."""

from django.contrib import admin
from django.urls import include, path

from access.classes import AccessClass, declare_urls
from ops.health import healthz
from people.manager_views import caseload_list, worker_caseload
from people.views import due_work, home
from sharing.api.urls import urls as partner_api_urls

from .views import glossary

urlpatterns = [
    path("", home, name="home"),
    path("work/", due_work, name="work"),
    path("work/caseloads/", caseload_list, name="caseloads"),
    path("work/caseloads/<int:user_id>/", worker_caseload, name="worker_caseload"),
    path("glossary/", glossary, name="glossary"),
    path("people/", include("people.urls")),
    path("front-door/", include("frontdoor.urls")),
    path("family-help/", include("familyhelp.urls")),
    path("child-protection/", include("protection.urls")),
    path("proceedings/", include("proceedings.urls")),
    path("care/", include("care.urls")),
    path("leaving-care/", include("leavers.urls")),
    path("recording/", include("recording.urls")),
    path("access/two-factor/", include("access.two_factor_urls")),
    path("private-fostering/", include("privatefostering.urls")),
    path("education/", include("education.urls")),
    path("access/", include("access.urls")),
    path("performance/", include("performance.urls")),
    path("returns/", include("returns.urls")),
    path("", include("sharing.urls")),
    path("api/v1/", partner_api_urls()),
    path(
        "django-admin/",
        declare_urls(admin.site.urls, AccessClass.ADMIN, login=AccessClass.PUBLIC, logout=AccessClass.PUBLIC),
    ),
    path("retention/", include("retention.urls")),
    path("healthz", healthz, name="healthz"),
]
