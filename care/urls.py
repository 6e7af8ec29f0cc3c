from django.urls import path

from . import views

app_name = "care"
urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("<int:pk>/", views.record, name="record"),
    path("<int:pk>/start/", views.start, name="start"),
    path("<int:pk>/placement/", views.change_placement, name="change_placement"),
    path("<int:pk>/legal-status/", views.change_legal_status, name="change_legal_status"),
    path("<int:pk>/end/", views.end, name="end"),
    path("<int:pk>/social-worker/", views.social_worker, name="social_worker"),
    path("<int:pk>/iro/", views.iro, name="iro"),
    path("<int:pk>/reviews/new/", views.review, name="review"),
    path("<int:pk>/visits/new/", views.visit, name="visit"),
    path("<int:pk>/health/new/", views.health, name="health"),
    path("<int:pk>/dental/new/", views.dental, name="dental"),
    path("<int:pk>/sdq/new/", views.sdq, name="sdq"),
    path("<int:pk>/substance-misuse/new/", views.substance, name="substance"),
    path("<int:pk>/youth-justice/new/", views.youth_justice, name="youth_justice"),
    path("<int:pk>/pep/new/", views.pep, name="pep"),
    path("<int:pk>/missing/new/", views.missing, name="missing"),
    path("<int:pk>/missing/return/", views.missing_return, name="missing_return"),
    path("<int:pk>/permanence/new/", views.permanence, name="permanence"),
    path("<int:pk>/adoption/", views.adoption, name="adoption"),
    path("<int:pk>/deprivation-of-liberty/new/", views.deprivation_of_liberty, name="deprivation_of_liberty"),
    path("<int:pk>/unaccompanied/", views.unaccompanied, name="unaccompanied"),
    path("<int:pk>/age-assessment/", views.age_assessment, name="age_assessment"),
    path("reviews/<int:pk>/", views.review_page, name="review_page"),
    path("reviews/<int:pk>/recommendations/new/", views.add_recommendation, name="add_recommendation"),
    path("reviews/<int:pk>/recommendations/done/", views.recommendations_done, name="recommendations_done"),
    path("reviews/<int:pk>/print/", views.print_review, name="print_review"),
    path("reviews/<int:pk>/pdf/", views.review_pdf, name="review_pdf"),
    path("<int:pk>/plans/new/", views.care_planning, name="care_planning"),
    path("<int:pk>/temporary-approval/", views.temporary_approval, name="temporary_approval"),
    path("<int:pk>/national-transfer/", views.national_transfer, name="national_transfer"),
]
