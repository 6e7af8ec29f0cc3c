"""Who may open a child's record, and on what basis (access.basis.Basis).

The rule is the legitimate relationship: the worker's own involvement, their team and its managers,
a multi-agency team the child is open to, a partner agency with an active share (for the parts of the
record it covers), the child's IRO or conference chair. Anyone else on the council's staff must "break
glass" with a reason that managers review; partners' staff never break glass. Analysts, administrators and
the data protection officer have no relationship with any child: they too break glass. Who may *record* is
decided by access.basis.may_record, from the basis and the role.
"""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any, cast

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from timescales.dates import open_on

from .basis import GLASS_ONLY_ROLES, Basis, BasisKind
from .models import (
    Agency,
    AgencyKind,
    BreakGlass,
    Involvement,
    InvolvementKind,
    Role,
    Team,
    TeamKind,
    TeamMembership,
    User,
)
from .parts import ALWAYS_SHARED, SHAREABLE, Part, labels
from .shares import Share

if TYPE_CHECKING:
    from people.models import Person


def managed_team_ids(user: User) -> set[int]:
    """Teams the user manages, and every team beneath them in the service tree."""
    frontier = set(user.memberships.filter(manages=True).values_list("team_id", flat=True))
    managed = set(frontier)
    while frontier:
        frontier = set(Team.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - managed
        managed |= frontier
    return managed


def visible_involvements(user: User, on: datetime.date | None = None) -> QuerySet[Involvement]:
    """Involvements (current on the date) that give this user a legitimate relationship."""
    if user.role in GLASS_ONLY_ROLES:
        return Involvement.objects.none()
    on = on or timezone.localdate()
    team_ids = set(user.memberships.values_list("team_id", flat=True)) | managed_team_ids(user)
    # A list, not a subquery: with a subquery in the OR, PostgreSQL reads every involvement (14 ms on large);
    # with a list it combines the (user, end_date) and (team, end_date) indexes (0.4 ms). docs/performance.md
    colleague_ids = list(
        user.__class__.objects.filter(memberships__team_id__in=team_ids).values_list("id", flat=True)
    )
    return Involvement.objects.filter(open_on(on)).filter(
        Q(user=user) | Q(team_id__in=team_ids) | Q(user_id__in=colleague_ids)
    )


def _shares(user: User, on: datetime.date) -> QuerySet[Share]:
    if not user.agency_id or user.role in GLASS_ONLY_ROLES:
        return Share.objects.none()
    return Share.objects.filter(open_on(on), agency_id=user.agency_id)


def visible_people(user: User, on: datetime.date | None = None, part: Part | None = None) -> set[int]:
    """Ids of the children this user may open without breaking glass (for lists and drill-downs); a child the
    user sees through a share only where the share covers `part`, the part of the record the list shows
    (none given: not through a share at all)."""
    on = on or timezone.localdate()
    ids = set(visible_involvements(user, on).values_list("person_id", flat=True))
    if part is None:
        return ids
    shared = _shares(user, on).values_list("person_id", "parts")
    return ids | {person_id for person_id, parts in shared if part in parts or part in ALWAYS_SHARED}


def openable(user: User, person_ids: Iterable[int], on: datetime.date | None = None) -> set[int]:
    """Of these children, those the user may open now: a relationship, a share or an unexpired break glass."""
    on, person_ids = on or timezone.localdate(), list(person_ids)
    involved = visible_involvements(user, on).filter(person_id__in=person_ids)
    found = set(involved.values_list("person_id", flat=True))
    found |= set(_shares(user, on).filter(person_id__in=person_ids).values_list("person_id", flat=True))
    glass = _glass(user).filter(person_id__in=person_ids)
    return found | set(glass.values_list("person_id", flat=True))


def openable_people(user: User, on: datetime.date | None = None, field: str = "pk") -> Q:
    """A filter for the people this user may open now (for searches limited to them), as subqueries."""
    on = on or timezone.localdate()
    sources = (visible_involvements(user, on), _shares(user, on), _glass(user))
    query = Q(pk__in=[])
    for source in sources:
        query |= Q(**{f"{field}__in": source.values("person_id")})
    return query


def _relationship(user: User, rows: Sequence[Mapping[str, Any]]) -> Basis:
    """The strongest basis among the visible involvements `rows`: own, then team, then managed team."""
    own = [row for row in rows if row["user_id"] == user.id]
    if own:
        label = InvolvementKind(own[0]["kind"]).label
        return Basis(BasisKind.OWN, f"{label} for the child", frozenset(row["kind"] for row in own))
    memberships = {m.team_id: m.manages for m in user.memberships.all()}
    member_teams = {team for team, manages in memberships.items() if not manages}
    colleagues = dict(
        TeamMembership.objects.filter(
            team_id__in=member_teams,
            user_id__in={row["user_id"] for row in rows if row["user_id"]},
        ).values_list("user_id", "team__name")
    )
    partner = user.role == Role.PARTNER
    for row in rows:
        if row["team_id"] in member_teams:
            team = row["team__name"]
            if partner:
                return Basis(BasisKind.MULTI_AGENCY, f"partner member of {team}, which the child is open to")
            return Basis(BasisKind.TEAM, f"member of {team}, which the child is open to")
    for row in rows:
        if row["user_id"] in colleagues:
            team = colleagues[row["user_id"]]
            if partner:
                return Basis(
                    BasisKind.MULTI_AGENCY, f"partner member of {team}, the child's allocated worker's team"
                )
            return Basis(BasisKind.TEAM, f"team colleague in {team} of the child's allocated worker")
    if partner:
        return Basis(BasisKind.MULTI_AGENCY, "partner member of a team the child is open to")
    return Basis(BasisKind.MANAGER, "manager of the child's allocated worker or team")


def legitimate_basis(user: User, person: "Person", on: datetime.date | None = None) -> Basis | None:
    """The relationship on which this user may open this person's record, or None."""
    on = on or timezone.localdate()
    rows = list(
        visible_involvements(user, on)
        .filter(person=person)
        .order_by("start_date", "pk")
        .values("user_id", "team_id", "kind", "team__name")
    )
    if rows:
        return _relationship(user, rows)
    shares = list(_shares(user, on).filter(person=person).order_by("start_date", "pk"))
    if shares:
        return share_basis(cast(Agency, user.agency).name, shares)  # a share needs an agency (_shares)
    return None


def share_basis(agency: str, shares: Iterable[Share]) -> Basis:
    """The basis active shares give: the parts any of them covers, on their lawful bases."""
    parts = frozenset().union(ALWAYS_SHARED, *(share.part_set for share in shares))
    lawful = "; ".join(dict.fromkeys(share.get_legal_basis_display() for share in shares))
    scope = "every part that can be shared" if parts >= set(SHAREABLE) else labels(parts)
    return Basis(BasisKind.SHARE, f"active share with {agency} ({lawful}): {scope}", parts=parts)


def _glass(user: User) -> QuerySet[BreakGlass]:
    """The user's unexpired break glass (none for a partner's staff, whatever was recorded)."""
    if not may_break_glass(user):
        return BreakGlass.objects.none()
    return BreakGlass.objects.filter(user=user, expires_at__gt=timezone.now())


def active_break_glass(user: User, person: "Person") -> BreakGlass | None:
    return _glass(user).filter(person=person).order_by("-at").first()


def access_basis(user: User, person: "Person") -> Basis | None:
    """Legitimate relationship first; otherwise an unexpired break-glass reason; otherwise None."""
    basis = legitimate_basis(user, person)
    if basis:
        return basis
    glass = active_break_glass(user, person)
    if glass:
        return Basis(BasisKind.BREAK_GLASS, f"break glass: {glass.reason}")
    return None


def is_partner(user: User) -> bool:
    """Partner agencies' staff: the partner role, or anyone whose agency is not the council."""
    agency = user.agency if user.agency_id else None
    return user.role == Role.PARTNER or (agency is not None and agency.kind != AgencyKind.LOCAL_AUTHORITY)


def may_break_glass(user: User) -> bool:
    """Break glass is for the council's own staff: a partner sees what its share or team allows, and no more
    (after a share ends, nothing)."""
    return not is_partner(user)


SERVICE_TREE_DEPTH = 4  # levels of services above a team that a manager may manage it through


def works_at_front_door(user: User) -> bool:
    """Front-door staff (members and managers of a front-door team, and managers of a service above one)
    record contacts about any child and match partners' records. One query: every page's menu asks it."""
    from .basis import CASEWORK_ROLES

    if user.role not in CASEWORK_ROLES:
        return False
    reach = [Exists(TeamMembership.objects.filter(user=user, team=OuterRef("pk")))]
    above = "parent"
    for _ in range(SERVICE_TREE_DEPTH):
        reach.append(Exists(TeamMembership.objects.filter(user=user, manages=True, team=OuterRef(above))))
        above += "__parent"
    return Team.objects.filter(reduce(or_, reach), kind=TeamKind.FRONT_DOOR).exists()


FRONT_DOOR_BASIS = Basis(
    BasisKind.FRONT_DOOR, "recording a contact about this child at the front door (identity only)"
)
