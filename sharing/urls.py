"""Pages for matching partner records, checking duplicates, and sharing a child's record with a partner
agency. Each view is stamped with its access class by its decorator (the partner-agency API has its own URLs,
in
sharing/api)."""

from django.urls import path

from .linkage import views
from .shares import views as shares

app_name = "sharing"
urlpatterns = [
    path("partner-records/", views.queue, name="queue"),
    path("partner-records/<int:pk>/", views.review, name="review"),
    path("data-quality/duplicates/", views.duplicates, name="duplicates"),
    path("data-quality/duplicates/<int:pk>/", views.duplicate, name="duplicate"),
    path("shares/people/<int:pk>/", shares.shares, name="shares"),
    path("shares/people/<int:pk>/new/", shares.new_share, name="new_share"),
    path("shares/<int:pk>/", shares.share, name="share"),
    path("shares/<int:pk>/review/", shares.review_share, name="review_share"),
    path("shares/<int:pk>/end/", shares.end_share, name="end_share"),
]
