from django.urls import path

from . import documents, letters, notes

app_name = "recording"
urlpatterns = [
    path("children/<int:pk>/notes/", notes.notes, name="notes"),
    path("children/<int:pk>/notes/new/", notes.new_note, name="new_note"),
    path("notes/<int:pk>/", notes.note, name="note"),
    path("children/<int:pk>/documents/", documents.documents, name="documents"),
    path("children/<int:pk>/documents/new/", documents.upload, name="upload"),
    path("documents/<int:pk>/", documents.download, name="document"),
    path("children/<int:pk>/letters/new/", letters.new_letter, name="new_letter"),
    path("letters/<int:pk>/", letters.letter, name="letter"),
    path("letters/<int:pk>/pdf/", letters.letter_pdf, name="letter_pdf"),
    path("letter-templates/", letters.letter_templates, name="letter_templates"),
    path("letter-templates/new/", letters.edit_letter_template, name="new_letter_template"),
    path("letter-templates/<int:pk>/", letters.edit_letter_template, name="edit_letter_template"),
]
