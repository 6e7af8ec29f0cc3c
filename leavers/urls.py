from django.urls import path

from . import views

app_name = "leavers"
urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("<int:pk>/", views.record, name="record"),
    path("<int:pk>/adviser/", views.adviser, name="adviser"),
    path("<int:pk>/needs-assessment/new/", views.needs_assessment, name="needs_assessment"),
    path("<int:pk>/pathway-plan/new/", views.pathway_plan, name="pathway_plan"),
    path("<int:pk>/pathway-plan/review/", views.pathway_review, name="pathway_review"),
    path("<int:pk>/in-touch/new/", views.in_touch, name="in_touch"),
    path("<int:pk>/accommodation/new/", views.accommodation, name="accommodation"),
    path("<int:pk>/activity/new/", views.activity, name="activity"),
    path("<int:pk>/staying-put/new/", views.staying_put, name="staying_put"),
    path("<int:pk>/staying-close/new/", views.staying_close, name="staying_close"),
    path("<int:pk>/birthday/new/", views.birthday, name="birthday"),
]
