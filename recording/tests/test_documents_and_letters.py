"""Documents (limits on size and kind, served only through the read gate, logged, never cached) and
letters from templates the council edits (placeholders checked, PDF)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from access.models import Disclosure, RecordView, Role
from recording.models import Document, DocumentKind, Letter, LetterTemplate
from tests.factories import allocated_child, make_address, make_person, make_user, relate

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def docx(macro=False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
        if macro:
            package.writestr("word/vbaProject.bin", "macro")
    return out.getvalue()


def upload(client, child, name, content, **extra):
    return client.post(
        reverse("recording:upload", args=[child.pk]),
        {
            "file": SimpleUploadedFile(name, content),
            "title": "School report",
            "kind": DocumentKind.REPORT,
            **extra,
        },
    )


@pytest.fixture
def case():
    return allocated_child(forename="Mia", surname="Hart")


def test_a_document_is_uploaded_and_downloaded_through_the_gate_logged_and_not_cached(client, case, settings):
    child, worker, _, _ = case
    client.force_login(worker)
    response = upload(client, child, "report.pdf", PDF)
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.content_type == "application/pdf" and document.size == len(PDF)
    assert document.stored_name.endswith(".pdf") and "report" not in document.stored_name
    download = client.get(reverse("recording:document", args=[document.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert "no-store" in download["Cache-Control"]
    assert "attachment" in download["Content-Disposition"]
    assert Disclosure.objects.filter(user=worker, kind="export", filename="report.pdf").exists()
    assert RecordView.objects.filter(
        user=worker, person=child, allowed=True, path=reverse("recording:document", args=[document.pk])
    ).exists()
    stranger = make_user()
    client.force_login(stranger)
    assert client.get(reverse("recording:document", args=[document.pk])).status_code == 403


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("virus.exe", b"MZ\x90\x00", "The file must be a PDF"),
        ("report.pdf", b"MZ\x90\x00 not a pdf", "The file is not a real PDF"),
        ("letter.docx", docx(macro=True), "The file contains macros"),
        ("notes.txt", b"\xff\xfe\x00bad", "The text file must be plain text"),
    ],
)
def test_files_that_are_not_what_they_say_are_refused(client, case, name, content, message):
    child, worker, _, _ = case
    client.force_login(worker)
    response = upload(client, child, name, content)
    assert response.status_code == 200 and message in response.content.decode()
    assert not Document.objects.exists()


def test_a_word_document_and_a_too_large_file(client, case, settings):
    child, worker, _, _ = case
    client.force_login(worker)
    assert upload(client, child, "letter.docx", docx()).status_code == 302
    settings.THRIVE_DOCUMENT_MAX_BYTES = 10
    response = upload(client, child, "report.pdf", PDF)
    assert "The file must be smaller than" in response.content.decode()


def test_a_manager_writes_a_template_with_only_known_placeholders(client, case):
    _, worker, manager, _ = case
    client.force_login(worker)
    assert client.get(reverse("recording:letter_templates")).status_code == 403
    client.force_login(manager)
    bad = client.post(
        reverse("recording:new_letter_template"),
        {"name": "Visit letter", "body": "Dear ${recipient_name}, ${__class__} $", "active": "on"},
    )
    assert "Each $ must start a placeholder" in bad.content.decode()
    unknown = client.post(
        reverse("recording:new_letter_template"),
        {"name": "Visit letter", "body": "Dear ${recipient_name}, about ${secret}", "active": "on"},
    )
    assert "placeholders that do not exist: ${secret}" in unknown.content.decode()
    client.post(
        reverse("recording:new_letter_template"),
        {
            "name": "Visit letter",
            "body": "Dear ${recipient_name},\n\nI will visit ${child_first_name} soon.\n\n${worker_name}",
            "active": "on",
        },
    )
    assert LetterTemplate.objects.get().updated_by == manager


def test_a_worker_writes_a_letter_to_a_parent_and_prints_it(client, case):
    child, worker, _, _ = case
    mum = make_person(forename="Kim", surname="Hart", birth_date=None, expected_birth_date=None)
    mum.birth_date = None
    relate(child, mum, "mother")
    make_address(mum, line1="4 Elm Road", postcode="LE2 2BB")
    template = LetterTemplate.objects.create(
        name="Visit letter",
        body="Dear ${recipient_name},\n\nI will visit "
        "${child_first_name}.\n\nYours sincerely,\n${worker_name}",
    )
    client.force_login(worker)
    url = reverse("recording:new_letter", args=[child.pk])
    assert "Visit letter" in client.get(url).content.decode()
    form = client.get(url, {"template": template.pk, "to": mum.pk}).content.decode()
    assert "Dear Kim Hart" in form and "I will visit Mia." in form and "4 Elm Road" in form
    response = client.post(
        f"{url}?template={template.pk}",
        {
            "recipient_name": "Kim Hart",
            "recipient_address": "4 Elm Road\nLeicester\nLE2 2BB",
            "subject": "Visit",
            "body": "Dear Kim Hart,\n\nI will visit Mia on Tuesday.",
        },
    )
    letter = Letter.objects.get()
    assert response.url == reverse("recording:letter", args=[letter.pk]) and letter.template == template
    pdf = client.get(reverse("recording:letter_pdf", args=[letter.pk]))
    assert pdf.content.startswith(b"%PDF") and "no-store" in pdf["Cache-Control"]
    documents = client.get(reverse("recording:documents", args=[child.pk])).content.decode()
    assert "Visit" in documents and "Kim Hart" in documents


def test_an_analyst_cannot_upload_even_after_breaking_glass(client, case):
    child, _, _, _ = case
    import datetime

    from django.utils import timezone

    from access.models import BreakGlass

    analyst = make_user(role=Role.ANALYST)
    BreakGlass.objects.create(
        user=analyst, person=child, reason="Checking", expires_at=timezone.now() + datetime.timedelta(hours=1)
    )
    client.force_login(analyst)
    assert client.get(reverse("recording:documents", args=[child.pk])).status_code == 200
    assert upload(client, child, "report.pdf", PDF).status_code == 403
