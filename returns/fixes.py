"""Asking a child's allocated worker to correct the record behind a return issue.

An analyst works from the return, not the record: they cannot open it. The request goes to the
worker who holds the case (the allocated worker, lead practitioner or personal adviser), and shows
in their due work with the rule as a sentence and the values the validator looked at.
"""

from django.utils import timezone

from access.models import Involvement, InvolvementKind
from timescales import registry
from timescales.dates import open_on

from .models import FixRequest
from .wording import record, sentence

CASE_HOLDERS = (
    InvolvementKind.ALLOCATED_WORKER,
    InvolvementKind.LEAD_CP_PRACTITIONER,
    InvolvementKind.LEAD_PRACTITIONER,
    InvolvementKind.PERSONAL_ADVISER,
)


def worker_for(person):
    """The worker who holds the child's case today, newest allocation first; None if nobody does."""
    today = timezone.localdate()
    current = (
        Involvement.objects.filter(
            person=person,
            kind__in=CASE_HOLDERS,
            user__isnull=False,
            user__is_active=True,
        )
        .filter(open_on(today))
        .select_related("user")
    )
    ranked = sorted(current, key=lambda i: (CASE_HOLDERS.index(i.kind), -i.start_date.toordinal(), -i.pk))
    return ranked[0].user if ranked else None


def ask(issue, worker, analyst, note: str) -> FixRequest:
    """One open request per child and rule: asking again updates the note and the due date."""
    message = sentence(issue.run.rules.get(issue.rule_code, {}).get("message", ""))
    due = registry.get("RETURN_FIX").due(timezone.localdate())
    fix, _ = FixRequest.objects.update_or_create(
        return_kind=issue.run.return_kind,
        year=issue.run.year,
        rule_code=issue.rule_code,
        person=issue.person,
        closed_at=None,
        defaults={
            "message": message,
            "detail": record(issue.table, issue.values) if issue.table else "",
            "note": note,
            "worker": worker,
            "requested_by": analyst,
            "requested_at": timezone.now(),
            "due_on": due,
        },
    )
    return fix
