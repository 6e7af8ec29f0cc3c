"""The "My work" lists: the children a worker is involved with now, grouped by how.

Each group is worked out in the database: count the children, fetch the first GROUP_LIMIT
by name, then fetch only their involvements (with worker and team names joined, as values).
The page costs a dozen queries whether a worker has five children or a head of service has thousands.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from access.models import Involvement, InvolvementKind, TeamMembership, User
from access.relationships import managed_team_ids, visible_involvements

from .models import Person

GROUP_LIMIT = 500  # children per group; beyond this the page says so and points to search


@dataclass
class ChildRow:
    person: Person  # the child as shown: the kept record if theirs was merged into it
    url: str
    workers: list[str] = field(default_factory=list)  # "Allocated worker: you (Team 1)"


@dataclass
class Group:
    key: str
    title: str
    rows: list[ChildRow] = field(default_factory=list)
    more: int = 0


def worklist(user: User) -> list[Group]:
    """Allocated to me; my teams' children; for managers, the children of the teams they manage."""
    managed = managed_team_ids(user)
    member_teams = set(user.memberships.values_list("team_id", flat=True)) - managed
    # A list rather than a subquery, so PostgreSQL can use the involvement indexes (see access.relationships).
    colleagues = list(
        TeamMembership.objects.filter(team_id__in=member_teams).values_list("user_id", flat=True)
    )

    visible = visible_involvements(user)
    mine = visible.filter(user=user)
    team = visible.filter(Q(team_id__in=member_teams) | Q(user_id__in=colleagues)).exclude(
        person_id__in=mine.values("person_id")
    )
    managed_children = visible.exclude(person_id__in=mine.values("person_id")).exclude(
        person_id__in=team.values("person_id")
    )
    groups = [
        _group("mine", "Allocated to me", mine, visible, user),
        _group("team", "My team's children", team, visible, user),
        _group("managed", "Children in the teams I manage", managed_children, visible, user),
    ]
    return [g for g in groups if g.rows]


def _group(
    key: str, title: str, involvements: QuerySet[Involvement], visible: QuerySet[Involvement], user: User
) -> Group:
    """The group's children by name, each with every involvement the user can see."""
    people = (
        Person.objects.filter(pk__in=involvements.values("person_id"))
        .select_related("merged_into")
        .order_by("search_surname", "search_forename", "pk")
    )
    shown = list(people[:GROUP_LIMIT])
    group = Group(key, title)
    if not shown:
        return group
    if len(shown) == GROUP_LIMIT:
        group.more = people.count() - GROUP_LIMIT

    rows: dict[int, ChildRow] = {}
    url_of = record_urls()
    for person in shown:
        kept = person.merged_into or person
        rows.setdefault(kept.pk, ChildRow(kept, url_of(kept.pk)))
    survivor_of = {person.pk: (person.merged_into_id or person.pk) for person in shown}
    held = (
        visible.filter(person_id__in=survivor_of)
        .order_by("start_date", "pk")
        .values_list(
            "person_id",
            "kind",
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__username",
            "team__name",
        )
    )
    for person_id, *involvement in held:  # values, not instances: a manager's page has hundreds
        rows[survivor_of[person_id]].workers.append(_who(*involvement, user))  # type: ignore[arg-type,call-arg]
    group.rows = list(rows.values())
    return group


def working_with(user: User, person_ids: Iterable[int]) -> dict[int, list[str]]:
    """Who works with each of these children now ("Allocated worker: Jo Bloggs (Assessment 1)"), for a list
    that may show it: only children the user may open are to be asked about."""
    current = Involvement.objects.filter(person_id__in=list(person_ids), start_date__lte=timezone.localdate())
    rows = current.exclude(end_date__lt=timezone.localdate()).exclude(kind=InvolvementKind.CONTACT)
    found: dict[int, list[str]] = {}
    for person_id, *involvement in rows.order_by("start_date", "pk").values_list(
        "person_id", "kind", "user_id", "user__first_name", "user__last_name", "user__username", "team__name"
    ):
        found.setdefault(person_id, []).append(_who(*involvement, user))  # type: ignore[arg-type,call-arg]
    return found


def record_urls() -> Callable[[int], str]:
    """A function from a person's id to their record's URL, reversing the URL once rather than once a row."""
    example = reverse("people:record", args=[0])
    start, end = example.rsplit("/0/", 1)
    return lambda pk: f"{start}/{pk}/{end}"


def _who(
    kind: str,
    user_id: int | None,
    first_name: str,
    last_name: str,
    username: str,
    team: str | None,
    user: User,
) -> str:
    """Worked out here rather than in the template: a head of service's page has hundreds of rows."""
    label = InvolvementKind(kind).label
    if user_id is None:
        return f"{label}: {team}"
    name = (
        "you" if user_id == user.id else (f"{first_name} {last_name}".strip() or username)
    )  # as User.__str__
    return f"{label}: {name}" + (f" ({team})" if team else "")
