"""Who is due an OC3 birthday snapshot in a collection year.

The SSDA903 asks about care leavers whose 17th, 18th, 19th, 20th or 21st birthday falls in the year
(1 April to 31 March), who were looked after for 13 weeks after their 14th birthday with some of it
after their 16th (903 rule 1001). Young people still looked after on their birthday are left out
(rule 1007), as are those adopted, whose care passed to another council (rule 1011) or who died in care.
"""

import datetime
from dataclasses import dataclass

from care.codes import ADOPTED, ReasonEpisodeCeased
from people.models import Person
from timescales import registry
from timescales.dates import birthday, financial_year_of

from .eligibility import had_eligible_care, looked_after_on, stays_of
from .models import OC3_AGES, BirthdaySnapshot

NOT_CARE_LEAVERS = ADOPTED | {ReasonEpisodeCeased.OTHER_LA, ReasonEpisodeCeased.DIED}


@dataclass(frozen=True)
class SnapshotDue:
    person: Person
    age: int
    birthday: datetime.date
    due: datetime.date  # the last day of the information window
    snapshot: BirthdaySnapshot | None


def due_birthday(date_of_birth, stays, year_start, year_end) -> tuple[int, datetime.date] | None:
    """(age, birthday) of this young person's OC3 birthday in the year, or None if they have none."""
    for age in OC3_AGES:
        day = birthday(date_of_birth, age)
        if year_start <= day <= year_end:
            ended = [stay for stay in stays if stay.end is not None and stay.end <= day]
            if looked_after_on(stays, day) or (ended and ended[-1].reason_ceased in NOT_CARE_LEAVERS):
                return None
            return (age, day) if had_eligible_care(stays, date_of_birth, day) else None
    return None


def snapshots_due(on: datetime.date, person_ids=None) -> list[SnapshotDue]:
    """Every OC3 birthday in the collection year containing `on`, with the snapshot if it is recorded."""
    year_start, year_end = financial_year_of(on)
    people = (
        Person.objects.current()
        .filter(
            birth_date__gt=year_start.replace(year=year_start.year - max(OC3_AGES) - 1),
            birth_date__lte=year_end.replace(year=year_end.year - min(OC3_AGES)),
            periods_of_care__isnull=False,
        )
        .distinct()
    )
    if person_ids is not None:
        people = people.filter(pk__in=person_ids)
    people = list(people)
    stays = stays_of([p.pk for p in people])
    recorded = {(s.person_id, s.age): s for s in BirthdaySnapshot.objects.filter(person__in=people)}
    window = registry.get("CARE_LEAVER_BIRTHDAY_INFORMATION")
    due = []
    for person in people:
        found = due_birthday(person.birth_date, stays.get(person.pk, []), year_start, year_end)
        if found:
            age, day = found
            due.append(SnapshotDue(person, age, day, window.due(day), recorded.get((person.pk, age))))
    return sorted(due, key=lambda row: (row.birthday, row.person.search_surname))
