from django.urls import path

from . import manager_views, views

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
]
