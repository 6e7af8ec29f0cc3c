"""Starting education work for a child the user cannot yet open: found by council ID, identity only.

Like recording a contact at the front door, this is for the service's own staff only (education and Virtual
School officers in an education team), the page shows who the child is and nothing else, and every search,
look and refusal is audited; saving opens the child's record to the user's education team, through
access.allocation, so the involvement's history keeps who made it.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from access.audit import disclose
from access.classes import AccessClass, page
from access.models import DisclosureKind
from people.casework import posted, save_form
from people.merging import survivor_of
from people.models import Person

from .. import forms, services
from ..access import education_team, open_to_team, starts_education_work
from ..models import CmeReferral, EhcRequest, Exclusion, PmeReferral
from .gate import NOT_STARTING, starting

KINDS = {
    "notice": ("Record a home education notice", "Notice recorded."),
    "cme": ("Refer a child missing education", "Referral recorded. Visit the family within 5 working days."),
    "pme": ("Record a school's referral of a pupil missing education", "Referral recorded."),
    "exclusion": ("Record a suspension or permanent exclusion", "Exclusion recorded."),
    "ehc": ("Record a request for an EHC needs assessment", "Request recorded."),
}


@page(AccessClass.EDUCATION, starts_education_work, NOT_STARTING)
def find(request):
    """Find the child by council ID, then choose what to record; the search is logged with what it found."""
    la_id = request.GET.get("la_id", "").strip().upper()
    person = Person.objects.filter(la_id=la_id).first() if la_id else None
    if person and person.merged_into_id:
        person = survivor_of(person)
    if la_id:
        disclose(
            request,
            DisclosureKind.SEARCH,
            [person.pk] if person else [],
            what="Start education work: find a child by council ID",
            terms=la_id,
        )
    return render(
        request,
        "education/find.html",
        {"la_id": la_id, "person": person, "kinds": KINDS, "searched": bool(la_id)},
    )


def _form_for(kind, request, person, user):
    if kind == "notice":
        return forms.NoticeForm(posted(request))
    instance = {"cme": CmeReferral, "pme": PmeReferral, "exclusion": Exclusion, "ehc": EhcRequest}[kind](
        person=person
    )
    form_class = {
        "cme": forms.CmeReferralForm,
        "pme": forms.PmeReferralForm,
        "exclusion": forms.ExclusionForm,
        "ehc": forms.EhcRequestForm,
    }[kind]
    if kind == "exclusion":
        instance.recorded_by = user
    return form_class(posted(request), instance=instance)


@starting
def start(request, person):
    """Record the first piece of education work (`?kind=`): opens the child to the user's team. Without a
    kind, what can be recorded (identity only)."""
    kind = request.GET.get("kind", "")
    if not kind:
        context = {"la_id": person.la_id, "person": person, "kinds": KINDS}
        return render(request, "education/find.html", context)
    if kind not in KINDS:
        raise Http404("Choose what to record from the list.")
    form = _form_for(kind, request, person, request.user)
    title, success = KINDS[kind]

    def save(form):
        on = form.cleaned_data.get("received_on") or form.cleaned_data.get("start_date")
        if kind == "notice":
            notice = services.receive_notice(
                person,
                officer=request.user,
                **{k: form.cleaned_data[k] for k in ("received_on", "reason", "school")},
                **form.register_fields(),
            )
            if notice.held_for_consent:
                from django.contrib import messages

                messages.warning(
                    request,
                    f"Held for consent: the child is {notice.consent_basis}. Home education "
                    "needs the council's consent; the child stays on the school roll meanwhile.",
                )
        elif kind == "cme":
            services.refer_cme(person, officer=request.user, **form.cleaned_data)
        elif kind == "exclusion":
            services.record_exclusion(form.instance)
        else:
            form.save()
        open_to_team(person, education_team(user=request.user), on)
        return reverse("education:record", args=[person.pk])

    return save_form(
        request,
        form,
        save,
        success=success,
        person=person,
        title=title,
        back_url=reverse("education:find"),
        button="Save",
    )
