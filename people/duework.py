"""Due and overdue work for the children a user works with: mine, my teams', or the teams I manage.

The list is timescales.due over the children in scope, so it costs a few queries for the user's
teams and the children in scope, one query per due source and one for the children's names,
however many children there are. Every worklist (this one, children in care, care leavers) is paged
and filtered the same way (`WorkFilter`: type of work, overdue only, worker), each row naming the
child's worker, and managers see how much each worker has due and overdue.
"""

import datetime
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Q

from access.allocation import WORKER_KINDS
from access.basis import GLASS_ONLY_ROLES
from access.models import Involvement, TeamMembership, User
from access.relationships import managed_team_ids
from timescales.due import DueItem, PersonIds, due_items

from .models import Person
from .worklist import record_urls

SCOPES = {"mine": "Allocated to me", "team": "My teams", "managed": "Teams I manage"}
DUE_SOON_DAYS = 14  # a child's record warns of work due within this many days, before it is overdue
PER_PAGE = 100  # rows on a page: enough to work from, and quick to show however long the list


NO_WORKER = "none"  # the worker filter's value for children with no allocated worker


@dataclass(frozen=True)
class DueRow:
    item: DueItem
    person: Person  # the kept record, if the item is on a record merged into it
    url: str
    status: str  # "Overdue by 3 days", "Due today", "Due in 4 days"
    colour: str  # GOV.UK tag colour
    worker: str = ""  # the child's allocated worker (or lead practitioner, or personal adviser)


@dataclass(frozen=True)
class Worker:
    pk: int
    name: str


def workers_of(person_ids: Iterable[int], on: datetime.date) -> dict[int, Worker]:
    """Each child's worker today: the allocated worker, else the lead practitioner, lead CP practitioner or
    personal adviser (one query, however many children)."""
    rank = {kind: n for n, kind in enumerate(WORKER_KINDS)}
    rows = (
        Involvement.objects.filter(
            person_id__in=PersonIds(person_ids), kind__in=WORKER_KINDS, user__isnull=False, start_date__lte=on
        )
        .exclude(end_date__lt=on)
        .values_list("person_id", "kind", "user_id", "user__first_name", "user__last_name", "user__username")
    )
    found: dict[int, Worker] = {}
    for person_id, _kind, user_id, first, last, username in sorted(rows, key=lambda row: rank[row[1]]):  # type: ignore[index]
        found.setdefault(person_id, Worker(user_id, f"{first} {last}".strip() or username))
    return found


@dataclass(frozen=True)
class WorkFilter:
    """What a worklist's reader asked for: one type of work (a timescale), overdue only, one worker."""

    kind: str = ""
    overdue: bool = False
    worker: str = ""  # a user id, NO_WORKER, or "" for everyone

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> "WorkFilter":
        return cls(query.get("type", ""), query.get("overdue") == "yes", query.get("worker", ""))

    @property
    def active(self) -> bool:
        return bool(self.kind or self.overdue or self.worker)

    def query(self, **extra: Any) -> str:
        """The filter as a query string, for paging links."""
        from urllib.parse import urlencode

        values = {"type": self.kind, "overdue": "yes" if self.overdue else "", "worker": self.worker, **extra}
        return urlencode({key: value for key, value in values.items() if value})


@dataclass(frozen=True)
class WorkerCount:
    worker: Worker | None
    overdue: int
    soon: int  # due in the next 5 days, today included
    total: int


@dataclass
class Worklist:
    """One page of a worklist, filtered, with what the filters can offer and each worker's counts."""

    page: Any
    total: int  # items before filtering
    kinds: list[tuple[str, str]] = field(default_factory=list)  # (timescale, words)
    workers: list[WorkerCount] = field(default_factory=list)  # most overdue first
    chosen: WorkFilter = field(default_factory=WorkFilter)


def worklist_page(
    items: list[DueItem],
    on: datetime.date,
    chosen: WorkFilter,
    number: int | str | None,
    url_of: Callable[[int], str],
    per_page: int | None = None,
) -> Worklist:
    """Filter and page `items` (DueItems, soonest first); rows link with `url_of(kept person id)`."""
    workers = workers_of({item.person_id for item in items}, on)
    kinds = sorted({(item.timescale, item.what) for item in items}, key=lambda kind: kind[1])
    kinds = list(dict(kinds).items())
    counts = _worker_counts(items, workers, on)

    def wanted(item: DueItem) -> bool:
        worker = workers.get(item.person_id)
        return (
            (not chosen.kind or item.timescale == chosen.kind)
            and (not chosen.overdue or item.overdue_on(on))
            and (not chosen.worker or (str(worker.pk) if worker else NO_WORKER) == chosen.worker)
        )

    kept = [item for item in items if wanted(item)] if chosen.active else items
    page = Paginator(kept, per_page or PER_PAGE).get_page(number)
    page.object_list = _rows(page.object_list, on, workers, url_of)  # type: ignore[assignment]  # rows shown
    return Worklist(page, len(items), kinds, counts, chosen)


def _worker_counts(
    items: Iterable[DueItem], workers: dict[int, Worker], on: datetime.date
) -> list[WorkerCount]:
    overdue: Counter[Worker | None] = Counter()
    soon: Counter[Worker | None] = Counter()
    total: Counter[Worker | None] = Counter()
    for item in items:
        worker = workers.get(item.person_id)
        total[worker] += 1
        overdue[worker] += item.overdue_on(on)
        soon[worker] += 0 <= (item.due - on).days <= 5
    return sorted(
        (WorkerCount(worker, overdue[worker], soon[worker], total[worker]) for worker in total),
        key=lambda count: (-count.overdue, -count.soon, count.worker.name if count.worker else "~"),
    )


def _rows(
    items: Iterable[DueItem], on: datetime.date, workers: dict[int, Worker], url_of: Callable[[int], str]
) -> list[DueRow]:
    people = (
        Person.objects.filter(pk__in={item.person_id for item in items})
        .select_related("merged_into")
        .only(
            "forename",
            "surname",
            "la_id",
            "merged_into__forename",
            "merged_into__surname",
            "merged_into__la_id",
        )
    )
    kept = {person.pk: person.merged_into or person for person in people}
    rows = []
    for item in items:
        worker = workers.get(item.person_id)
        rows.append(
            DueRow(
                item,
                kept[item.person_id],
                url_of(kept[item.person_id].pk),
                *describe_due(item.due, on),
                worker.name if worker else "",
            )
        )
    return rows


def days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


def describe_due(due: datetime.date, on: datetime.date) -> tuple[str, str]:
    """How a due date reads today, and the tag colour: red once overdue, yellow on the day."""
    ahead = (due - on).days
    if ahead < 0:
        return f"Overdue by {days(-ahead)}", "red"
    if ahead == 0:
        return "Due today", "yellow"
    return f"Due in {days(ahead)}", "blue" if ahead <= 5 else "grey"


@dataclass(frozen=True)
class ChildDue:
    """A child's due and overdue work as the top of their record shows it: overdue, due soon, and how many
    later."""

    overdue: list[tuple[DueItem, str, str]]
    soon: list[tuple[DueItem, str, str]]
    later: int

    def __bool__(self) -> bool:
        return bool(self.overdue or self.soon or self.later)


def child_due(person_ids: Iterable[int], on: datetime.date) -> ChildDue:
    overdue: list[tuple[DueItem, str, str]] = []
    soon: list[tuple[DueItem, str, str]] = []
    later = 0
    for item in due_items(person_ids, on):
        status, colour = describe_due(item.due, on)
        if item.overdue_on(on):
            overdue.append((item, status, colour))
        elif (item.due - on).days <= DUE_SOON_DAYS:
            soon.append((item, status, "yellow" if colour == "yellow" else "blue"))
        else:
            later += 1
    return ChildDue(overdue, soon, later)


class DueWork:
    """One user's due work on one day; the user's teams are read once and shared by every scope."""

    def __init__(self, user: User, on: datetime.date) -> None:
        self.user, self.on = user, on
        self.member_teams = set(user.memberships.filter(manages=False).values_list("team_id", flat=True))
        self.managed_teams = managed_team_ids(user) if user.is_manager else set()

    @property
    def scopes(self) -> dict[str, str]:
        """The filters that make sense for this user: everyone has "mine"; team members and managers more."""
        wanted = {"mine": True, "team": bool(self.member_teams), "managed": bool(self.managed_teams)}
        return {key: label for key, label in SCOPES.items() if wanted[key]}

    @property
    def default_scope(self) -> str:
        return "managed" if self.managed_teams else "mine"

    def people(self, scope: str) -> set[int]:
        """Ids of the children in scope: each has a current involvement that gives the user access to them."""
        if self.user.role in GLASS_ONLY_ROLES:  # no team gives an analyst or administrator a child
            return set()
        current = Involvement.objects.filter(start_date__lte=self.on).exclude(end_date__lt=self.on)
        if scope == "mine":
            involvements = current.filter(user=self.user)
        else:
            teams = self.managed_teams if scope == "managed" else self.member_teams
            # A list rather than a subquery, so PostgreSQL can use the involvement indexes (see
            # access.relationships).
            staff = list(TeamMembership.objects.filter(team_id__in=teams).values_list("user_id", flat=True))
            involvements = current.filter(Q(team_id__in=teams) | Q(user_id__in=staff))
        return set(involvements.values_list("person_id", flat=True))

    def page(self, scope: str, number: int = 1, per_page: int = PER_PAGE) -> Any:
        """One page of the items due in scope, soonest first, as rows; the page knows the total."""
        return self.worklist(scope, WorkFilter(), number, per_page).page

    def worklist(self, scope: str, chosen: WorkFilter, number: int = 1, per_page: int = PER_PAGE) -> Worklist:
        """The items due in scope, filtered and paged, with each worker's counts."""
        items = due_items(self.people(scope), self.on)
        if not self.user.is_manager:
            items = [item for item in items if not item.managers_only]
        return worklist_page(items, self.on, chosen, number, record_urls(), per_page)
