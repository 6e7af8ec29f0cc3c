"""Starting and ending involvements as casework opens and closes.

Involvements are the only source of a legitimate relationship, so the journey apps call these
whenever they allocate a case (a referral, a Family Help episode, a child protection plan) or end
one; the right people can then open the child's record, and no one keeps access by accident.
"""

import datetime

from timescales.dates import open_on

from .models import Involvement, InvolvementKind, Role, TeamKind, User

# The involvements that make someone the child's worker: the allocated worker, lead practitioner, lead child
# protection practitioner or personal adviser (what a caseload counts and a manager reallocates).
WORKER_KINDS = [
    InvolvementKind.ALLOCATED_WORKER,
    InvolvementKind.LEAD_PRACTITIONER,
    InvolvementKind.LEAD_CP_PRACTITIONER,
    InvolvementKind.PERSONAL_ADVISER,
]
PRACTITIONER_ROLES = [Role.SOCIAL_WORKER, Role.LEAD_PRACTITIONER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER]
CHAIR_ROLES = [Role.IRO, Role.TEAM_MANAGER, Role.SERVICE_MANAGER]
CASEWORK_TEAM_KINDS = [
    TeamKind.FRONT_DOOR,
    TeamKind.FAMILY_HELP,
    TeamKind.ASSESSMENT,
    TeamKind.MULTI_AGENCY_CP,
    TeamKind.CHILDREN_IN_CARE,
]


def practitioners(roles=PRACTITIONER_ROLES, team_kinds=None):
    """Staff in these roles (by default, those a case can be allocated to), in teams of these kinds if given
    (members or managers), by name."""
    staff = User.objects.filter(is_active=True, role__in=roles)
    if team_kinds:
        staff = staff.filter(pk__in=User.objects.filter(memberships__team__kind__in=team_kinds).values("pk"))
    return staff.order_by("last_name", "first_name", "pk")


def allocate(person, kind, on: datetime.date, user=None, team=None) -> Involvement:
    """The involvement of this kind for this worker and team, started on `on` unless already current."""
    current = Involvement.objects.filter(open_on(on), person=person, kind=kind, user=user, team=team).first()
    return current or Involvement.objects.create(
        person=person, kind=kind, user=user, team=team, start_date=on
    )


def end_involvements(person, kinds, on: datetime.date, **match) -> int:
    """End the person's open involvements of these kinds (and matching user/team) on `on`."""
    open_ = Involvement.objects.filter(
        person=person, kind__in=kinds, end_date__isnull=True, start_date__lte=on, **match
    )
    ended = 0
    for involvement in open_:  # saved one by one so each end is in the involvement's history
        involvement.end_date = on
        involvement.save(update_fields=["end_date"])
        ended += 1
    return ended


def reallocate(involvement: Involvement, user, team, on: datetime.date, reason: str) -> Involvement:
    """Hand a child's involvement to another worker (a manager's reallocation): the old one ends on `on` and
    a new one of the same kind starts, each kept in the involvement's history with who did it and why."""
    if involvement.user_id == getattr(user, "pk", None) and involvement.team_id == getattr(team, "pk", None):
        return involvement
    involvement.end_date = on
    involvement._change_reason = f"Reallocated: {reason}"[:100]
    involvement.save(update_fields=["end_date"])
    new = Involvement(
        person_id=involvement.person_id, kind=involvement.kind, user=user, team=team, start_date=on
    )
    new._change_reason = f"Reallocated: {reason}"[:100]
    new.save()
    return new
