"""Timeline entries from the front door: contacts (received and recorded), decisions, referrals, oversight.

A contact is placed at the time it was received; the time it was recorded is stated with it, so
delay between the two is visible on the child's chronology.
"""

from django.urls import reverse
from django.utils import timezone

from access.parts import Part
from people.timeline import TimelineEntry, provider

from .models import Contact, ManagementOversight, Referral


@provider(Part.CONTACTS)
def contacts(person_ids):
    entries = []
    for contact in Contact.objects.filter(person_id__in=person_ids).select_related(
        "recorded_by", "decision__decided_by"
    ):
        url = reverse("frontdoor:contact", args=[contact.pk])
        recorded = f"Recorded {timezone.localtime(contact.recorded_at):%-d %b %Y, %H:%M}"
        if contact.recorded_by:
            recorded += f" by {contact.recorded_by}"
        entries.append(
            TimelineEntry(
                contact.received_at,
                f"Contact received: {contact.get_source_display()}",
                f"{recorded}. {contact.summary}",
                "frontdoor.contact",
                url,
                contact.person_id,
            )
        )
        decision = getattr(contact, "decision", None)
        if decision:
            timing = "on time" if decision.on_time else "late"
            entries.append(
                TimelineEntry(
                    decision.decided_at,
                    f"Contact decision: {decision.get_outcome_display()}",
                    f"By {decision.decided_by} ({timing}). {decision.rationale}",
                    "frontdoor.decision",
                    url,
                    contact.person_id,
                )
            )
    return entries


@provider(Part.CONTACTS)
def referrals(person_ids):
    entries = []
    for referral in Referral.objects.filter(person_id__in=person_ids):
        url = reverse("frontdoor:referral", args=[referral.pk])
        title = (
            "Re-referral to children's social care"
            if referral.is_re_referral
            else "Referral to children's social care"
        )
        detail = referral.get_source_display()
        if referral.is_re_referral:
            detail += ". Re-referral: another referral in the 12 months before"
        entries.append(
            TimelineEntry(
                referral.referral_date, title, detail, "frontdoor.referral", url, referral.person_id
            )
        )
        if referral.closure_date:
            entries.append(
                TimelineEntry(
                    referral.closure_date,
                    "Referral closed",
                    referral.get_closure_reason_display(),
                    "frontdoor.referral",
                    url,
                    referral.person_id,
                )
            )
    return entries


@provider(Part.COUNCIL_ONLY)
def oversight(person_ids):
    return [
        TimelineEntry(
            entry.recorded_at,
            "Management oversight",
            f"{entry.recorded_by}: {entry.direction}",
            "frontdoor.oversight",
            person_id=entry.person_id,
        )
        for entry in ManagementOversight.objects.filter(person_id__in=person_ids).select_related(
            "recorded_by"
        )
    ]
