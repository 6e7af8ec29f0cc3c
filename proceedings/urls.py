from django.urls import path

from . import views

app_name = "proceedings"
urlpatterns = [
    path("people/<int:pk>/", views.overview, name="overview"),
    path("people/<int:pk>/fgdm-offer/", views.record_offer, name="record_offer"),
    path("people/<int:pk>/fgdm-exception/", views.record_exception, name="record_exception"),
    path("people/<int:pk>/pre-proceedings/", views.start_pre_proceedings, name="start_pre_proceedings"),
    path("people/<int:pk>/care-proceedings/", views.issue_proceedings, name="issue_proceedings"),
    path("fgdm-offers/<int:pk>/meeting/", views.record_meeting, name="record_meeting"),
    path("fgdm-exceptions/<int:pk>/explained/", views.record_explained, name="record_explained"),
    path("pre-proceedings/<int:pk>/letter/", views.record_letter, name="record_letter"),
    path("pre-proceedings/<int:pk>/meeting/", views.record_plo_meeting, name="record_plo_meeting"),
    path("pre-proceedings/<int:pk>/outcome/", views.end_pre_proceedings, name="end_pre_proceedings"),
    path("care-proceedings/<int:pk>/outcome/", views.proceedings_outcome, name="proceedings_outcome"),
]
