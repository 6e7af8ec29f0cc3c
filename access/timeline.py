"""Timeline entries from access: when workers and teams started and stopped working with the child."""

from collections.abc import Iterable

from people.timeline import TimelineEntry, provider

from .models import Involvement
from .parts import Part


def _who(involvement: Involvement) -> str:
    if involvement.user_id and involvement.team_id:
        return f"{involvement.user} ({involvement.team})"
    return str(involvement.user or involvement.team)


@provider(Part.WORKERS)
def involvements(person_ids: Iterable[int]) -> list[TimelineEntry]:
    entries = []
    for inv in Involvement.objects.filter(person_id__in=person_ids).select_related("user", "team"):
        kind = inv.get_kind_display()
        entries.append(
            TimelineEntry(
                inv.start_date, f"{kind} started", _who(inv), "access.involvement", person_id=inv.person_id
            )
        )
        if inv.end_date:
            entries.append(
                TimelineEntry(
                    inv.end_date, f"{kind} ended", _who(inv), "access.involvement", person_id=inv.person_id
                )
            )
    return entries
