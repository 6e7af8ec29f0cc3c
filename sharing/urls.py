"""Pages for matching partner records and checking duplicates. Each pattern's access class is noted for the
access-class table (the partner-agency API has its own URLs, in sharing/api)."""

from django.urls import path

from .linkage import views

app_name = "sharing"
urlpatterns = [
    # access class: front-door worker (members of a front-door team; managers and administrators too)
    path("partner-records/", views.queue, name="queue"),
    # access class: front-door worker (identity only of each candidate, audited)
    path("partner-records/<int:pk>/", views.review, name="review"),
    # access class: manager (managers and administrators, who may merge records)
    path("data-quality/duplicates/", views.duplicates, name="duplicates"),
    # access class: manager (identity only of both records, audited)
    path("data-quality/duplicates/<int:pk>/", views.duplicate, name="duplicate"),
]
