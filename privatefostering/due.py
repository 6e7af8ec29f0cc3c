"""Private fostering deadlines: the first visit after notification, then the regular visits."""

from timescales.due import DueItem, due_source

from . import visiting
from .models import PrivateFosteringArrangement, PrivateFosteringVisit


@due_source
def private_fostering_visits(person_ids, on):
    arrangements = list(
        PrivateFosteringArrangement.objects.filter(person_id__in=person_ids, ended_on__isnull=True)
    )
    visits = {}
    for arrangement_id, day in (
        PrivateFosteringVisit.objects.filter(arrangement__in=arrangements)
        .order_by("visited_on")
        .values_list("arrangement_id", "visited_on")
    ):
        visits.setdefault(arrangement_id, []).append(day)
    for arrangement in arrangements:
        found = visiting.visit_due(
            arrangement.notified_on, arrangement.first_year_from, visits.get(arrangement.pk, [])
        )
        if found:
            yield DueItem(arrangement.person_id, "Visit the privately fostered child", *found)
