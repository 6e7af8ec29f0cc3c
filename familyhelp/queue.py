"""The managers' queue of assessments waiting for authorisation, and its panel on My work."""

from django.urls import reverse
from django.utils import timezone

from access.relationships import managed_team_ids
from people.casework import Link, Panel, Row, panel
from people.duework import describe_due

from .models import Assessment


def awaiting_authorisation(user) -> list[Assessment]:
    """Assessments sent for authorisation by workers in the teams this user manages, longest waiting first."""
    teams = managed_team_ids(user)
    if not teams:
        return []
    return list(
        Assessment.objects.filter(
            authorisation_date__isnull=True,
            sent_for_authorisation_at__isnull=False,
            worker__memberships__team_id__in=teams,
        )
        .select_related("person", "worker")
        .distinct()
        .order_by("sent_for_authorisation_at", "pk")
    )


@panel(10)
def authorisation_panel(user):
    if not user.is_manager:
        return None
    waiting = awaiting_authorisation(user)
    today = timezone.localdate()
    rows = [
        Row(
            a.person.full_name,
            f"Sent by {a.worker} on {timezone.localtime(a.sent_for_authorisation_at):%-d %b}"
            f"; due {a.due_date:%-d %b %Y}",
            reverse("familyhelp:assessment", args=[a.pk]),
            *describe_due(a.due_date, today),
        )
        for a in waiting
    ]
    return Panel(
        "Awaiting my authorisation",
        rows,
        Link("All assessments awaiting my authorisation", reverse("familyhelp:authorisations")),
        empty="No assessments are waiting for you.",
        person_ids=[a.person_id for a in waiting],
    )
