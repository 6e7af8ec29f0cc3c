"""Front-door pages: record a contact, decide the response, read and close a referral, management oversight.

Recording a contact about a child the user cannot yet open is for front-door staff only, and shows
identity only (what Find a child shows); every page goes through the gate in people.access_views, and
the pages that record use its write gate.
"""

from django.shortcuts import redirect, render
from django.urls import reverse

from access.basis import Work
from access.classes import AccessClass, page
from access.parts import Part
from access.relationships import works_at_front_door
from people.access_views import casework_read, casework_write, child_write
from people.casework import done_meanwhile, opened_before, posted, save_form

from . import services
from .forms import CloseReferralForm, ContactForm, DecisionForm, NewChildContactForm, OversightForm
from .models import Contact, ContactDecision, ManagementOversight, Referral

CONTACT_RECORDED = "Contact recorded. The decision is due within 1 working day."
DRAFT = (
    "frontdoor.contact_draft"  # what was typed about a contact, kept while the worker picks a matching record
)
DRAFT_FIELDS = ("source", "referrer", "received_time", "summary")


def _keep_draft(request) -> None:
    """Keep the contact's details in the session, so choosing an existing record loses nothing typed."""
    draft = {name: request.POST.get(name, "") for name in DRAFT_FIELDS}
    draft["received_on"] = [request.POST.get(f"received_on_{part}", "") for part in ("day", "month", "year")]
    request.session[DRAFT] = draft


def _contact_url(contact):
    return reverse("frontdoor:contact", args=[contact.pk])


@page(
    AccessClass.CHILD_WRITE, works_at_front_door, "Only front-door staff record a contact about a new child."
)
def new_child_contact(request):
    form = NewChildContactForm(posted(request), request=request)

    def save(form):
        data = form.cleaned_data
        child = services.new_child(
            forename=data["forename"], surname=data["surname"], birth_date=data["birth_date"]
        )
        request.session.pop(DRAFT, None)
        return _contact_url(services.record_contact(child, request.user, **form.contact_fields()))

    response = save_form(
        request,
        form,
        save,
        success=CONTACT_RECORDED,
        template="frontdoor/new_child_contact.html",
        title="Record a contact about a new child",
        back_url=reverse("people:search"),
        button="Record the contact",
    )
    if form.matches:
        _keep_draft(request)
    return response


@child_write(Work.CONTACT)
def contact_for_person(request, child):
    person = child.person
    form = ContactForm(posted(request), initial=request.session.get(DRAFT))

    def save(form):
        request.session.pop(DRAFT, None)
        return _contact_url(services.record_contact(person, request.user, **form.contact_fields()))

    return save_form(
        request,
        form,
        save,
        success=CONTACT_RECORDED,
        person=person,
        title="Record a contact",
        back_url=reverse("people:search"),
        button="Record the contact",
    )


@casework_read(Contact, part=Part.CONTACTS)
def contact(request, contact, child):
    contact = Contact.objects.select_related("recorded_by", "decision__decided_by", "referral").get(
        pk=contact.pk
    )
    decision = getattr(contact, "decision", None)
    return render(
        request,
        "frontdoor/contact.html",
        {
            "person": child.person,
            "contact": contact,
            "decision": decision,
            "referral": getattr(contact, "referral", None),
            "episode": services.episode_opened_by(decision) if decision else None,
            "may_record": child.may_record,
        },
    )


@casework_write(Contact)
def decide(request, contact, child):
    if hasattr(contact, "decision") and not opened_before(request):
        return redirect(_contact_url(contact))
    form = DecisionForm(
        posted(request), initial={"worker": request.user, "team": services.front_door_team(request.user)}
    )

    def save(form):
        done_meanwhile(ContactDecision.objects.filter(contact=contact).exists(), "decided this contact")
        services.decide(contact, request.user, **form.cleaned_data)
        return _contact_url(contact)

    return save_form(
        request,
        form,
        save,
        success="Decision recorded.",
        person=child.person,
        editing=[contact, ContactDecision.objects.filter(contact=contact)],
        title="Decide the response to the contact",
        back_url=_contact_url(contact),
        button="Record the decision",
        template="frontdoor/decide.html",
        contact=contact,
    )


@casework_read(Referral, part=Part.CONTACTS)
def referral(request, referral, child):
    return render(
        request,
        "frontdoor/referral.html",
        {
            "person": child.person,
            "referral": referral,
            "may_record": child.may_record,
            "previous": referral.previous_referral_within_window() if referral.is_re_referral else None,
        },
    )


@casework_write(Referral)
def close_referral(request, referral, child):
    url = reverse("frontdoor:referral", args=[referral.pk])
    if not referral.is_open and not opened_before(request):
        return redirect(url)
    form = CloseReferralForm(posted(request))

    def save(form):
        closed = Referral.objects.filter(pk=referral.pk, closure_date__isnull=False).exists()
        done_meanwhile(closed, "closed the referral")
        services.close_referral(
            referral, form.cleaned_data["closure_date"], form.cleaned_data["closure_reason"]
        )
        return url

    return save_form(
        request,
        form,
        save,
        success="Referral closed.",
        person=child.person,
        title="Close the referral",
        editing=referral,
        back_url=url,
        button="Close the referral",
        facts=[("Referral date", f"{referral.referral_date:%-d %B %Y}")],
    )


@child_write(Work.OVERSIGHT)
def add_oversight(request, child):
    person = child.person
    form = OversightForm(
        posted(request), instance=ManagementOversight(person=person, recorded_by=request.user)
    )
    record_url = reverse("people:record", args=[person.pk])

    def save(form):
        form.instance.referral = (
            person.referrals.filter(closure_date__isnull=True).order_by("-referral_date").first()
        )
        form.save()
        return f"{record_url}#casework"

    return save_form(
        request,
        form,
        save,
        success="Management oversight recorded.",
        person=person,
        title="Add management oversight",
        back_url=record_url,
        button="Save oversight",
    )
