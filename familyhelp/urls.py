from django.urls import path

from . import views

app_name = "familyhelp"
urlpatterns = [
    path("episodes/<int:pk>/", views.episode, name="episode"),
    path("episodes/<int:pk>/plan/", views.family_plan, name="family_plan"),
    path("episodes/<int:pk>/step-up/", views.step_up, name="step_up"),
    path("episodes/<int:pk>/end/", views.end_episode, name="end_episode"),
    path("referrals/<int:pk>/step-down/", views.step_down, name="step_down"),
    path("referrals/<int:pk>/assessment/", views.start_assessment, name="start_assessment"),
    path("referrals/<int:pk>/cin-plan/", views.start_cin_plan, name="start_cin_plan"),
    path("assessments/<int:pk>/", views.assessment, name="assessment"),
    path("assessments/<int:pk>/factors/", views.assessment_factors, name="assessment_factors"),
    path("assessments/<int:pk>/outcome/", views.assessment_outcome, name="assessment_outcome"),
    path("assessments/<int:pk>/authorise/", views.authorise_assessment, name="authorise_assessment"),
    path("assessments/<int:pk>/content/", views.assessment_content, name="assessment_content"),
    path("assessments/<int:pk>/send/", views.send_assessment, name="send_assessment"),
    path("assessments/<int:pk>/return/", views.return_assessment, name="return_assessment"),
    path("authorisations/", views.authorisations, name="authorisations"),
    path("cin-plans/<int:pk>/", views.cin_plan, name="cin_plan"),
    path("cin-plans/<int:pk>/review/", views.review_cin_plan, name="review_cin_plan"),
    path("cin-plans/<int:pk>/end/", views.end_cin_plan, name="end_cin_plan"),
    path("cin-plans/<int:pk>/objectives/new/", views.cin_plan_objective, name="cin_plan_objective"),
    path("cin-plans/<int:pk>/actions/new/", views.cin_plan_action, name="cin_plan_action"),
    path("cin-plans/<int:pk>/actions/done/", views.cin_plan_actions_done, name="cin_plan_actions_done"),
    path("cin-plans/<int:pk>/print/", views.print_cin_plan, name="print_cin_plan"),
    path("cin-plans/<int:pk>/pdf/", views.cin_plan_pdf, name="cin_plan_pdf"),
]
