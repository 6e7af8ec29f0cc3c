"""The Care card on a child's record: whether they are looked after, where, and when the next review is
due."""

from django.urls import reverse
from django.utils import timezone

from access.parts import Part
from people.casework import Card, Link, Row, card
from people.duework import describe_due

from .models import PeriodOfCare


@card(60, Part.CARE)
def care(child, user):
    period = PeriodOfCare.objects.filter(person_id__in=child.ids).order_by("-start_date", "-pk").first()
    url = reverse("care:record", args=[child.person.pk])
    if period is None:
        start = [Link("Start a period of care", reverse("care:start", args=[child.person.pk]))]
        return Card("Care", [], start if child.may_record else [], empty="Never looked after.")
    actions = [Link("Open the care record", url)]
    if not period.is_open:
        return Card(
            "Care",
            [
                Row(
                    "Left care",
                    f"{period.end_date:%-d %B %Y}: {period.current_episode().get_reason_ceased_display()}",
                    url,
                )
            ],
            actions,
        )
    episode = period.current_episode()
    where = episode.get_placement_type_display() + (
        f", {episode.provider_name}" if episode.provider_name else ""
    )
    status, colour = describe_due(period.next_review_due, timezone.localdate())
    return Card(
        "Care",
        [
            Row("Looked after since", f"{period.start_date:%-d %B %Y}", url),
            Row("Legal status", episode.get_legal_status_display()),
            Row("Placement", where),
            Row(
                "Next looked-after review",
                f"{period.next_review_due:%-d %B %Y}",
                tag=status,
                tag_colour=colour,
            ),
        ],
        actions,
    )
