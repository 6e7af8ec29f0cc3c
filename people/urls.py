from django.urls import path

from . import drafts, views

app_name = "people"
urlpatterns = [
    path("", views.search, name="search"),
    path("<int:pk>/", views.record, name="record"),
    path("<int:pk>/break-glass/", views.break_glass, name="break_glass"),
    path("<int:pk>/history/", views.history, name="history"),
    path("<int:pk>/audit/", views.audit_log, name="audit"),
    path("<int:pk>/merge/", views.merge, name="merge"),
    path("merges/<int:pk>/undo/", views.undo, name="undo_merge"),
    path("drafts/", drafts.draft, name="draft"),
    path("drafts/discard/", drafts.discard_draft, name="discard_draft"),
]
