"""Letters from templates the council edits.

A template is plain text with placeholders written ${child_name}, filled in with Python's string.Template:
no code runs, nothing but the values listed in PLACEHOLDERS can be reached, and a template naming any
other placeholder is refused when it is saved. The worker sees the letter filled in, changes what they
need to, and saves it; the letter is kept as sent and printed to PDF with WeasyPrint.
"""

import string

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from access.audit import disclose
from access.classes import AccessClass, is_administrator, page
from access.models import DisclosureKind
from access.parts import Part
from council.models import LocalAuthority
from people.access_views import casework_read, child_write
from people.casework import posted, save_form
from people.family import family_network
from people.models import Address

from .forms import LetterForm, LetterTemplateForm
from .models import Letter, LetterTemplate

PLACEHOLDERS = {
    "child_name": "The child's full name",
    "child_first_name": "The child's first name",
    "child_date_of_birth": "The child's date of birth, e.g. 27 March 2018",
    "child_council_id": "The child's council ID",
    "child_address": "The child's current address, on one line",
    "recipient_name": "The name of the person the letter is to",
    "worker_name": "Your name (the worker writing the letter)",
    "worker_job_title": "Your job title",
    "council_name": "The council's name",
    "today": "Today's date, e.g. 2 December 2026",
}


def check_template(body: str) -> None:
    """Refuse a template that string.Template cannot fill, or that names a placeholder we do not have."""
    template = string.Template(body)
    if not template.is_valid():
        raise ValidationError(
            "Each $ must start a placeholder such as ${child_name}. To show a $ sign, write $$"
        )
    unknown = sorted(set(template.get_identifiers()) - set(PLACEHOLDERS))
    if unknown:
        names = ", ".join(f"${{{name}}}" for name in unknown)
        raise ValidationError(
            f"The text uses placeholders that do not exist: {names}. Use only those listed beside the text"
        )


def values(person, user, recipient_name: str = "") -> dict[str, str]:
    address = Address.objects.filter(person=person, end_date__isnull=True).order_by("-start_date").first()
    council = LocalAuthority.objects.first()
    return {
        "child_name": person.full_name,
        "child_first_name": person.forename or person.full_name,
        "child_date_of_birth": f"{person.birth_date:%-d %B %Y}" if person.birth_date else "not known",
        "child_council_id": person.la_id,
        "child_address": str(address) if address else "",
        "recipient_name": recipient_name,
        "worker_name": user.get_full_name() or user.username,
        "worker_job_title": getattr(user, "job_title", "") or "",
        "council_name": council.name if council else "",
        "today": f"{timezone.localdate():%-d %B %Y}",
    }


def fill(template: LetterTemplate, person, user, recipient_name: str = "") -> str:
    return string.Template(template.body).safe_substitute(values(person, user, recipient_name))


def _recipients(person) -> list[dict]:
    """Adults in the family network with a current address, to write to in one click."""
    found = []
    for member in family_network([person.pk]):
        other = member["person"]
        address = Address.objects.filter(person=other, end_date__isnull=True).order_by("-start_date").first()
        if address and not (other.age_on(timezone.localdate()) or 99) < 18:
            found.append({"person": other, "kind": member["kind"], "address": address})
    return found


@child_write()
def new_letter(request, child):
    """Choose a template and whom to write to; then the letter, filled in, to change and save."""
    person = child.person
    templates = LetterTemplate.objects.filter(active=True)
    chosen = templates.filter(pk=request.GET.get("template") or request.POST.get("template_id") or 0).first()
    back = reverse("recording:documents", args=[person.pk])
    if chosen is None:
        return render(
            request,
            "recording/letter_choose.html",
            {"person": person, "templates": templates, "back_url": back},
        )
    recipients = _recipients(person)
    to = next((r for r in recipients if str(r["person"].pk) == request.GET.get("to")), None)
    name = to["person"].full_name if to else ""
    initial = {
        "recipient_name": name,
        "recipient_address": "\n".join(str(to["address"]).split(", ")) if to else "",
        "subject": f"{chosen.name}: {person.full_name}",
        "body": fill(chosen, person, request.user, name),
    }
    form = LetterForm(posted(request), initial=initial)

    def save(form):
        letter = Letter.objects.create(
            person=person,
            template=chosen,
            written_by=request.user,
            written_on=timezone.localdate(),
            **form.cleaned_data,
        )
        return reverse("recording:letter", args=[letter.pk])

    return save_form(
        request,
        form,
        save,
        success="Letter saved.",
        template="recording/letter_form.html",
        drafts=False,
        person=person,
        title=f"Write a letter: {chosen.name}",
        back_url=back,
        button="Save the letter",
        chosen=chosen,
        recipients=recipients,
    )


@casework_read(Letter, part=Part.COUNCIL_ONLY)
def letter(request, letter, child):
    return render(
        request,
        "recording/letter.html",
        {"person": child.person, "letter": letter, "council": LocalAuthority.objects.first()},
    )


@casework_read(Letter, part=Part.COUNCIL_ONLY)
def letter_pdf(request, letter, child):
    import weasyprint  # imported when needed: it loads Pango and fonts

    html = render_to_string(
        "recording/letter_document.html", {"letter": letter, "council": LocalAuthority.objects.first()}
    )
    disclose(
        request,
        DisclosureKind.EXPORT,
        [letter.person_id],
        what=f"Letter: {letter.subject}",
        filename=f"letter-{letter.pk}.pdf",
    )
    response = HttpResponse(weasyprint.HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letter-{letter.pk}.pdf"'
    response["Cache-Control"] = "no-store, private"
    return response


def edits_templates(user) -> bool:
    return user.is_manager or is_administrator(user)


templates_page = page(
    AccessClass.MANAGER, edits_templates, "Letter templates are edited by managers and system administrators."
)


@templates_page
def letter_templates(request):
    return render(request, "recording/letter_templates.html", {"templates": LetterTemplate.objects.all()})


@templates_page
def edit_letter_template(request, pk=None):
    template = get_object_or_404(LetterTemplate, pk=pk) if pk else LetterTemplate()
    form = LetterTemplateForm(posted(request), instance=template)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.updated_by = request.user
        saved.save()
        messages.success(request, f"Letter template {saved.name} saved.")
        return redirect("recording:letter_templates")
    return render(
        request,
        "recording/letter_template_form.html",
        {
            "form": form,
            "template": template,
            "placeholders": PLACEHOLDERS,
            "title": f"Edit {template.name}" if pk else "New letter template",
            "back_url": reverse("recording:letter_templates"),
        },
    )
