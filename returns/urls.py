from django.urls import include, path

from . import views

app_name = "returns"
urlpatterns = [
    path("", views.index, name="index"),
    path("annex-a/", views.annex_a_download, name="annex_a"),
    path("corrections/", views.my_fixes, name="my_fixes"),
    path("corrections/<int:pk>/done/", views.fix_done, name="fix_done"),
    path("sen2/", include("returns.sen2.urls")),  # SEN2: its own package
    path("<str:kind>/<int:year>/", views.issues, name="issues"),
    path("<str:kind>/<int:year>/check/", views.run_check, name="check"),
    path("<str:kind>/<int:year>/override/", views.override, name="override"),
    path("<str:kind>/<int:year>/issues/<int:issue_id>/ask/", views.ask_worker, name="ask_worker"),
    path("<str:kind>/<int:year>/download/", views.download, name="download"),
]
