from django.urls import path

from . import views

app_name = "frontdoor"
urlpatterns = [
    path("contacts/new/", views.new_child_contact, name="new_child_contact"),
    path("people/<int:pk>/contacts/new/", views.contact_for_person, name="contact_for_person"),
    path("contacts/<int:pk>/", views.contact, name="contact"),
    path("contacts/<int:pk>/decide/", views.decide, name="decide"),
    path("referrals/<int:pk>/", views.referral, name="referral"),
    path("referrals/<int:pk>/close/", views.close_referral, name="close_referral"),
    path("people/<int:pk>/oversight/", views.add_oversight, name="add_oversight"),
]
