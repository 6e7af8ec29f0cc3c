"""The front door's cards on a child's record: contacts and referrals, and management oversight."""

from django.urls import reverse
from django.utils import timezone

from access.basis import Work
from access.parts import Part
from people.casework import Card, Link, Row, card
from people.duework import describe_due

from .models import Contact, ManagementOversight, Referral

SHOWN = 10  # the latest contacts on the card; the timeline has them all


def _contact_row(contact, today) -> Row:
    received = timezone.localtime(contact.received_at)
    url = reverse("frontdoor:contact", args=[contact.pk])
    decision = getattr(contact, "decision", None)
    if decision:
        return Row(f"Contact {received:%-d %b %Y, %H:%M}", decision.get_outcome_display(), url)
    status, colour = describe_due(contact.decision_due, today)
    return Row(
        f"Contact {received:%-d %b %Y, %H:%M}",
        "Decision not yet made",
        url,
        f"Decision {status.lower()}",
        colour,
    )


def _referral_row(referral) -> Row:
    status = (
        "Open"
        if referral.is_open
        else f"Closed {referral.closure_date:%-d %b %Y}: {referral.get_closure_reason_display()}"
    )
    tag = ("Re-referral", "orange") if referral.is_re_referral else ("", "")
    return Row(str(referral), status, reverse("frontdoor:referral", args=[referral.pk]), *tag)


@card(10, Part.CONTACTS)
def front_door(child, user):
    today = timezone.localdate()
    contacts = (
        Contact.objects.filter(person_id__in=child.ids).select_related("decision").order_by("-received_at")
    )
    referrals = Referral.objects.filter(person_id__in=child.ids).order_by("-referral_date", "-pk")
    rows = [_contact_row(c, today) for c in contacts[:SHOWN]] + [_referral_row(r) for r in referrals]
    actions = (
        [Link("Record a contact", reverse("frontdoor:contact_for_person", args=[child.person.pk]))]
        if child.may(Work.CONTACT)
        else []
    )
    return Card("Front door and referrals", rows, actions, empty="No contacts or referrals recorded.")


@card(90, Part.COUNCIL_ONLY)
def oversight(child, user):
    entries = ManagementOversight.objects.filter(person_id__in=child.ids).select_related("recorded_by")[
        :SHOWN
    ]
    rows = [
        Row(f"{timezone.localtime(e.recorded_at):%-d %b %Y}", f"{e.recorded_by}: {e.direction}")
        for e in entries
    ]
    actions = (
        [Link("Add management oversight", reverse("frontdoor:add_oversight", args=[child.person.pk]))]
        if child.may(Work.OVERSIGHT)
        else []
    )
    return Card("Management oversight", rows, actions, empty="No management oversight recorded.")
