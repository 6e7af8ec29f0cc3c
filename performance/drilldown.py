"""The children behind a figure, as far as the user may see them.

Only children the user has a legitimate relationship with (access.relationships.visible_people; not through a
share,
which covers parts of a record, not a place in the council's figures) are
listed; the rest are counted, never named. Each child shows name, council ID and the one date the
indicator turns on, nothing more, so the list needs no audit entry: opening a child's record from
it is audited as usual.
"""

from dataclasses import dataclass

from access.relationships import visible_people
from people.models import Person


@dataclass(frozen=True)
class Child:
    person_id: int
    name: str
    la_id: str
    date: object
    counted: bool
    note: str = ""


@dataclass(frozen=True)
class DrillDown:
    children: list  # Child, ordered by date then name
    hidden: int  # cases behind the figure the user may not see
    hidden_counted: int  # of which in the numerator

    @property
    def total(self) -> int:
        return len(self.children) + self.hidden


def for_user(cases, user) -> DrillDown:
    """`cases` have person_id, date and counted (and optionally reason); named only where the user may see."""
    cases = list(cases)
    allowed = visible_people(user)
    shown = [case for case in cases if case.person_id in allowed]
    hidden = [case for case in cases if case.person_id not in allowed]
    people = Person.objects.only("forename", "surname", "la_id").in_bulk({case.person_id for case in shown})
    children = sorted(
        (
            Child(
                case.person_id,
                people[case.person_id].full_name,
                people[case.person_id].la_id,
                case.date,
                case.counted,
                getattr(case, "reason", ""),
            )
            for case in shown
        ),
        key=lambda child: (child.date, child.name, child.la_id),
    )
    return DrillDown(children, len(hidden), sum(1 for case in hidden if case.counted))
