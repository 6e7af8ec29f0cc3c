"""Starting education work for a child the user cannot yet open: found by council ID, identity only.

Like recording a contact at the front door, the page shows who the child is and nothing else, and
the look is audited; saving opens the child's record to the user's education team.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from access.audit import record_view
from people.casework import posted, save_form
from people.merging import survivor_of
from people.models import Person

from .. import forms, services
from ..access import education_team, is_education_staff, open_to_team
from ..models import CmeReferral, EhcRequest, Exclusion, PmeReferral

STARTING = "starting education work for this child (identity only)"
KINDS = {
    "notice": ("Record a home education notice", "Notice recorded."),
    "cme": ("Refer a child missing education", "Referral recorded. Visit the family within 5 working days."),
    "pme": ("Record a school's referral of a pupil missing education", "Referral recorded."),
    "exclusion": ("Record a suspension or permanent exclusion", "Exclusion recorded."),
    "ehc": ("Record a request for an EHC needs assessment", "Request recorded."),
}


def _staff(request):
    if not is_education_staff(request.user):
        raise PermissionDenied(
            "Starting education work is for the inclusion service and the Virtual School."
        )


@login_required
def find(request):
    """Find the child by council ID, then choose what to record."""
    _staff(request)
    la_id = request.GET.get("la_id", "").strip().upper()
    person = Person.objects.filter(la_id=la_id).first() if la_id else None
    if person and person.merged_into_id:
        person = survivor_of(person)
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


@login_required
def start(request, pk, kind):
    """Record the first piece of education work (a recording page): opens the child to the user's team."""
    _staff(request)
    if kind not in KINDS:
        raise PermissionDenied("Unknown kind of education work.")
    person = get_object_or_404(Person, pk=pk)
    if person.merged_into_id:
        return redirect("education:start", survivor_of(person).pk, kind)
    record_view(request, person, STARTING)
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
