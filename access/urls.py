from django.urls import path

from . import disclosure_log, review, views
from .classes import AccessClass, declare

app_name = "access"
urlpatterns = [
    path("sign-in/", declare(AccessClass.PUBLIC, views.SignInView.as_view()), name="login"),
    path("sign-out/", declare(AccessClass.PUBLIC, views.SignOutView.as_view()), name="logout"),
    path("break-glass/", views.break_glass_list, name="break_glass_list"),
    path("break-glass/<int:pk>/", views.break_glass_review, name="break_glass_review"),
    path("audit/", review.home, name="audit"),
    path("audit/children/<int:pk>/", review.child, name="audit_child"),
    path("audit/users/<int:pk>/", review.user_activity, name="audit_user"),
    path("audit/lists/<int:pk>/", review.disclosure, name="audit_disclosure"),
    path("audit/patterns/", review.unusual_patterns, name="audit_patterns"),
    path("disclosures/", disclosure_log.search, name="disclosures"),
    path("disclosures/children/<int:pk>/", disclosure_log.child, name="disclosures_child"),
    path("disclosures/children/<int:pk>/<str:fmt>/", disclosure_log.export, name="disclosures_export"),
]
