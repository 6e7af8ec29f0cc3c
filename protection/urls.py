from django.urls import path

from . import views

app_name = "protection"
urlpatterns = [
    path("referrals/<int:pk>/strategy-discussion/", views.strategy, name="strategy"),
    path("strategy-discussions/<int:pk>/", views.strategy_discussion, name="strategy_discussion"),
    path("strategy-discussions/<int:pk>/section-47/", views.start_section47, name="start_section47"),
    path("section-47/<int:pk>/", views.section47, name="section47"),
    path("section-47/<int:pk>/outcome/", views.section47_outcome, name="section47_outcome"),
    path("section-47/<int:pk>/initial-conference/", views.initial_conference, name="initial_conference"),
    path("conferences/<int:pk>/", views.conference, name="conference"),
    path("plans/<int:pk>/", views.plan, name="plan"),
    path("plans/<int:pk>/review-conference/", views.review_conference, name="review_conference"),
    path("plans/<int:pk>/core-group/", views.core_group, name="core_group"),
    path("plans/<int:pk>/end/", views.end_plan, name="end_plan"),
    path("plans/<int:pk>/objectives/new/", views.add_objective, name="add_objective"),
    path("plans/<int:pk>/actions/new/", views.add_action, name="add_action"),
    path("plans/<int:pk>/actions/done/", views.actions_done, name="actions_done"),
    path("plans/<int:pk>/core-group/members/new/", views.add_core_group_member, name="add_core_group_member"),
    path("plans/<int:pk>/print/", views.print_plan, name="print_plan"),
    path("plans/<int:pk>/pdf/", views.plan_pdf, name="plan_pdf"),
    path("people/<int:pk>/visits/new/", views.record_visit, name="record_visit"),
]
