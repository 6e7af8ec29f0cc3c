from django.urls import path

from . import drafts, editing, manager_views, views

app_name = "people"
urlpatterns = [
    path("", views.search, name="search"),
    path("<int:pk>/", views.record, name="record"),
    path("<int:pk>/break-glass/", views.break_glass, name="break_glass"),
    path("<int:pk>/history/", views.history, name="history"),
    path("<int:pk>/chronology/", views.chronology, name="chronology"),
    path("<int:pk>/warnings/new/", views.add_flag, name="add_flag"),
    path("<int:pk>/reallocate/", manager_views.reallocate_child, name="reallocate"),
    path("warnings/<int:pk>/end/", views.end_flag, name="end_flag"),
    path("<int:pk>/audit/", views.audit_log, name="audit"),
    path("<int:pk>/merge/", views.merge, name="merge"),
    path("merges/<int:pk>/undo/", views.undo, name="undo_merge"),
    path("<int:pk>/identity/", editing.identity, name="edit_identity"),
    path("<int:pk>/addresses/new/", editing.add_address, name="add_address"),
    path("addresses/<int:pk>/end/", editing.end_address, name="end_address"),
    path("<int:pk>/family/new/", editing.add_relative, name="add_relative"),
    path("<int:pk>/family/end/", editing.end_relationship, name="end_relationship"),
    path("drafts/", drafts.draft, name="draft"),
    path("drafts/discard/", drafts.discard_draft, name="discard_draft"),
]
