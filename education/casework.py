"""Education's card on a child's record: shown only to those who may see both the social care record
and the child's education (education.access), e.g. a child protection worker or an education officer."""

from django.urls import reverse

from access.parts import Part
from people.casework import Card, Link, Row, card

from .access import may_see_education
from .codes import ExclusionKind
from .models import CmeReferral, EhcPlan, Exclusion, HomeEducationNotice, RegisterEntry


@card(70, Part.COUNCIL_ONLY)  # never through a share (education.access)
def education(child, user):
    if not may_see_education(user, child):
        return None
    ids = child.ids
    rows = []
    entry = RegisterEntry.objects.filter(person_id__in=ids, closed_on__isnull=True).first()
    if entry:
        rows.append(
            Row(
                "Children Not in School register",
                f"{entry.get_basis_display()}, since {entry.opened_on:%-d %b %Y}",
            )
        )
    for notice in HomeEducationNotice.objects.filter(
        person_id__in=ids, consent_needed=True, entry__isnull=True, decisions__isnull=True
    ):
        rows.append(
            Row(
                "Home education notice",
                f"Held for the council's consent since {notice.received_on:%-d %b %Y}",
                tag="Consent needed",
                tag_colour="red",
            )
        )
    if CmeReferral.objects.filter(person_id__in=ids, outcome_on__isnull=True).exists():
        rows.append(Row("Missing education", "Open referral", tag="Missing education", tag_colour="orange"))
    excluded = (
        Exclusion.objects.filter(person_id__in=ids, kind=ExclusionKind.PERMANENT)
        .order_by("-start_date")
        .first()
    )
    if excluded:
        rows.append(
            Row(
                "Permanent exclusion",
                f"From {excluded.start_date:%-d %b %Y}"
                + ("" if excluded.provision_from else "; education not yet arranged"),
            )
        )
    if EhcPlan.objects.filter(person_id__in=ids, ceased_on__isnull=True).exists():
        rows.append(Row("EHC plan", "Maintained"))
    url = reverse("education:record", args=[child.person.pk])
    return Card(
        "Education", rows, [Link("Open the education record", url)], empty="Attending school; nothing open."
    )
