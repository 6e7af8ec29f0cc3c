"""Documents on a child's record: uploaded with limits on size and type, stored outside the static files
under a random name, and served only through the child's read gate, logged, and never cached.

A file is accepted when its name ends in an allowed extension **and** its content is that kind of file
(puremagic reads the signature; Office and OpenDocument files are also opened as the zip files they are,
and refused if they carry macros). The content type sent back is the one for the extension, never the
uploader's.
"""

import hashlib
import io
import secrets
import zipfile
from pathlib import Path

import puremagic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse

from access.audit import disclose
from access.models import DisclosureKind
from access.parts import Part
from people.access_views import casework_read, child_read, child_write
from people.casework import posted, save_form

from .forms import DocumentForm
from .models import Document, Letter

MEGABYTE = 1024 * 1024
DEFAULT_MAX_BYTES = 10 * MEGABYTE
TYPES = {
    ".pdf": ("application/pdf", "PDF"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook"),
    ".odt": ("application/vnd.oasis.opendocument.text", "OpenDocument text"),
    ".jpg": ("image/jpeg", "JPEG picture"),
    ".jpeg": ("image/jpeg", "JPEG picture"),
    ".png": ("image/png", "PNG picture"),
    ".txt": ("text/plain; charset=utf-8", "plain text"),
}
ZIP_MEMBERS = {".docx": "word/", ".xlsx": "xl/", ".odt": "content.xml"}
ALLOWED_WORDS = "PDF, Word (.docx), Excel (.xlsx), OpenDocument text (.odt), JPEG, PNG or plain text (.txt)"


def root() -> Path:
    return Path(getattr(settings, "THRIVE_DOCUMENTS_ROOT", settings.BASE_DIR / "var" / "documents"))


def max_bytes() -> int:
    return getattr(settings, "THRIVE_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def check_file(name: str, content: bytes) -> str:
    """The file's extension if it is an allowed kind and is what its name says; else a ValidationError."""
    extension = Path(name).suffix.lower()
    if extension not in TYPES:
        raise ValidationError(f"The file must be a {ALLOWED_WORDS} file")
    if len(content) > max_bytes():
        raise ValidationError(f"The file must be smaller than {max_bytes() // MEGABYTE} MB")
    if not content:
        raise ValidationError("The file is empty")
    if extension == ".txt":
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError("The text file must be plain text (UTF-8)") from None
        if "\x00" in text:
            raise ValidationError("The text file must be plain text (UTF-8)")
        return extension
    try:
        found = {match.extension for match in puremagic.magic_string(content)}
    except puremagic.PureError:
        found = set()
    same = {".jpg", ".jpeg"} if extension in (".jpg", ".jpeg") else {extension}
    if not found & same:
        raise ValidationError(_not_real(extension))
    if extension in ZIP_MEMBERS:
        _check_package(content, extension)
    return extension


def _not_real(extension: str) -> str:
    return f"The file is not a real {TYPES[extension][1]}: check it is the right file"


def _check_package(content: bytes, extension: str) -> None:
    try:
        names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    except zipfile.BadZipFile:
        raise ValidationError(_not_real(extension)) from None
    if not any(name.startswith(ZIP_MEMBERS[extension]) for name in names):
        raise ValidationError(_not_real(extension))
    if any("vbaproject" in name.lower() or name.lower().startswith("basic/") for name in names):
        raise ValidationError(
            "The file contains macros: save it without macros (or as a PDF) and upload that"
        )


def store(person, upload, *, title, kind, dated, user) -> Document:
    """Check and keep the uploaded file, and record it on the child's record."""
    content = upload.read(max_bytes() + 1)
    try:
        extension = check_file(upload.name, content)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    stored = f"{secrets.token_hex(16)}{extension}"
    folder = root()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / stored).write_bytes(content)
    try:
        return Document.objects.create(
            person=person,
            title=title,
            kind=kind,
            dated=dated,
            original_name=Path(upload.name).name[:255],
            stored_name=stored,
            content_type=TYPES[extension][0],
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            uploaded_by=user,
        )
    except Exception:
        (folder / stored).unlink(missing_ok=True)  # no file without its record
        raise


@child_write()
def upload(request, child):
    person = child.person
    form = DocumentForm(posted(request), request.FILES or None)
    back = reverse("recording:documents", args=[person.pk])

    def save(form):
        data = form.cleaned_data
        store(
            person,
            data["file"],
            title=data["title"],
            kind=data["kind"],
            dated=data["dated"],
            user=request.user,
        )
        return back

    return save_form(
        request,
        form,
        save,
        success="Document uploaded.",
        template="recording/upload.html",
        person=person,
        title="Upload a document",
        back_url=back,
        button="Upload the document",
        intro=f"{ALLOWED_WORDS}, up to {max_bytes() // MEGABYTE} MB.",
        drafts=False,
    )


@casework_read(Document, part=Part.COUNCIL_ONLY)
def download(request, document, child):
    path = root() / document.stored_name
    if not path.is_file():
        raise Http404("The file is missing.")
    disclose(
        request,
        DisclosureKind.EXPORT,
        [document.person_id],
        what=f"Document: {document.title}",
        filename=document.original_name,
    )
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["Cache-Control"] = "no-store, private"
    return response


@child_read(part=Part.COUNCIL_ONLY)
def documents(request, child):
    return render(
        request,
        "recording/documents.html",
        {
            "person": child.person,
            "may_record": child.may_record,
            "documents": Document.objects.filter(person_id__in=child.ids)
            .select_related("uploaded_by")
            .order_by("-uploaded_at", "-pk"),
            "letters": Letter.objects.filter(person_id__in=child.ids)
            .select_related("written_by")
            .order_by("-written_on", "-pk"),
        },
    )
