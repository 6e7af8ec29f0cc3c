"""Care leaver figures for the performance dashboard (see performance.registry).

Who is counted is who the SSDA903 asks about (table OC3, `leavers.snapshots.due_birthday`): care
leavers whose 17th to 21st birthday fell in the 12 months to the end of the period, not looked
after on that birthday and not adopted, taken over by another council or died in care. The DfE
publishes the 17 and 18 year olds and the 19 to 21 year olds separately; the council's dashboard
(and these indicators) count the 17 to 21 year olds together.

What they are doing and where they live is this birthday's information (`BirthdaySnapshot` for the
age they turned) recorded by the end of the period. A young person with none recorded for this
birthday, or not in touch, is in the denominator and not the numerator: the DfE counts them as
"no information", never carrying an earlier birthday's record forward. One who died or went home to
their parents for 6 months or more has no accommodation or activity to report (903 rule 344) and
is left out.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable

from dateutil.relativedelta import relativedelta

from people.models import Person
from performance import periods
from performance.counting import kept_records, proportion, record_key, shared
from performance.periods import Period
from performance.registry import Case, Figure, register_computation

from .codes import NEET, NO_CIRCUMSTANCES
from .eligibility import stays_of
from .models import OC3_AGES, BirthdaySnapshot
from .snapshots import due_birthday


def _care_leavers(day: datetime.date, counted: Callable[[BirthdaySnapshot], bool]) -> Figure | None:
    cases = []
    for child, birthday, snapshot in shared(("care_leavers", day), lambda: _oc3_cohort(day)):
        if snapshot is None:
            cases.append(Case(child, birthday, False, record_key(Person, child)))
        else:
            cases.append(
                Case(
                    child, snapshot.recorded_on, counted(snapshot), record_key(BirthdaySnapshot, snapshot.pk)
                )
            )
    return proportion(cases)


def _oc3_cohort(day: datetime.date) -> list[tuple]:
    """(child, OC3 birthday, latest birthday information or None) for each care leaver counted."""
    year, kept = periods.rolling_year(day), kept_records()
    of_age = Person.objects.filter(  # an OC3 birthday in the 12 months, on any record of theirs
        birth_date__gt=year.start - relativedelta(years=max(OC3_AGES) + 1),
        birth_date__lte=year.end - relativedelta(years=min(OC3_AGES)),
    )
    people = of_age.filter(periods_of_care__isnull=False).distinct()
    born, stays = {}, defaultdict(list)
    for person_id, birth_date in people.values_list("id", "birth_date"):
        child = kept(person_id)
        if person_id == child or child not in born:
            born[child] = birth_date
    for person_id, person_stays in stays_of(people.values("id")).items():
        stays[kept(person_id)].extend(person_stays)
    recorded = {}  # (child, age) -> the latest record for that birthday, by the end of the period
    snapshots = BirthdaySnapshot.objects.filter(person__in=of_age.values("id"), recorded_on__lte=day).only(
        "person_id", "age", "recorded_on", "in_touch", "accommodation", "accommodation_suitable", "activity"
    )
    for snapshot in snapshots.order_by("recorded_on", "pk"):
        recorded[kept(snapshot.person_id), snapshot.age] = snapshot
    cohort = []
    for child, birth_date in born.items():
        found = due_birthday(
            birth_date, sorted(stays[child], key=lambda stay: stay.start), year.start, year.end
        )
        if found is None:
            continue
        snapshot = recorded.get((child, found[0]))
        if snapshot is not None and snapshot.in_touch in NO_CIRCUMSTANCES:
            continue
        cohort.append((child, found[1], snapshot))
    return cohort


@register_computation("CL_SUITABLE_ACCOMMODATION")
def suitable_accommodation(period: Period) -> Figure | None:
    """Care leavers aged 17 to 21 whose accommodation was suitable at this birthday's contact."""
    return _care_leavers(
        period.end, lambda snapshot: bool(snapshot.accommodation and snapshot.accommodation_suitable)
    )


@register_computation("CL_EET")
def in_education_employment_or_training(period: Period) -> Figure | None:
    """Care leavers aged 17 to 21 in education, employment or training at this birthday's contact."""
    return _care_leavers(
        period.end, lambda snapshot: bool(snapshot.activity) and snapshot.activity not in NEET
    )
