"""The proceedings card on a child's record: FGDM, pre-proceedings and care proceedings, in brief."""

from django.urls import reverse

from access.parts import Part
from people.casework import Card, Link, Row, card

from .models import CareProceedings, FGDMException, FGDMOffer, PreProceedings


def _exception_row(exception, url) -> Row:
    key = f"FGDM not offered ({exception.decided_on:%-d %b %Y})"
    if exception.complete:
        return Row(key, "Explained to the court and the family", url)
    return Row(key, "Not yet explained to the court and the family", url, "Incomplete", "red")


@card(40, Part.PROCEEDINGS)
def proceedings(child, user):
    url = reverse("proceedings:overview", args=[child.person.pk])
    rows = [
        Row(f"FGDM offered {o.offered_on:%-d %b %Y}", o.get_response_display(), url)
        for o in FGDMOffer.objects.filter(person_id__in=child.ids).order_by("-offered_on")
    ]
    rows += [
        _exception_row(e, url)
        for e in FGDMException.objects.filter(person_id__in=child.ids).order_by("-decided_on")
    ]
    rows += [
        Row(f"Pre-proceedings from {s.start_date:%-d %b %Y}", s.get_outcome_display() or "Open", url)
        for s in PreProceedings.objects.filter(person_id__in=child.ids).order_by("-start_date")
    ]
    rows += [
        Row(
            f"Care proceedings issued {c.issued_on:%-d %b %Y}",
            c.get_outcome_display() or f"Ongoing; 26-week target {c.target_end:%-d %b %Y}",
            url,
        )
        for c in CareProceedings.objects.filter(person_id__in=child.ids).order_by("-issued_on")
    ]
    actions = [Link("FGDM and proceedings", url)]
    return Card("Family group decision making and proceedings", rows, actions, empty="Nothing recorded.")
