"""Starting and ending involvements as casework opens and closes.

Involvements are the only source of a legitimate relationship, so the journey apps call these
whenever they allocate a case (a referral, a Family Help episode, a child protection plan) or end
one; the right people can then open the child's record, and no one keeps access by accident.
"""
import datetime

from django.db.models import Q

from .models import Involvement, Role, TeamKind, User

PRACTITIONER_ROLES = [Role.SOCIAL_WORKER, Role.LEAD_PRACTITIONER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER]
CHAIR_ROLES = [Role.IRO, Role.TEAM_MANAGER, Role.SERVICE_MANAGER]
CASEWORK_TEAM_KINDS = [TeamKind.FRONT_DOOR, TeamKind.FAMILY_HELP, TeamKind.ASSESSMENT, TeamKind.MULTI_AGENCY_CP,
                       TeamKind.CHILDREN_IN_CARE]


def practitioners(roles=PRACTITIONER_ROLES):
    """Staff in these roles (by default, those a case can be allocated to), by name."""
    return User.objects.filter(is_active=True, role__in=roles).order_by("last_name", "first_name", "pk")


def _current(on: datetime.date) -> Q:
    return Q(start_date__lte=on) & (Q(end_date__isnull=True) | Q(end_date__gte=on))


def allocate(person, kind, on: datetime.date, user=None, team=None) -> Involvement:
    """The involvement of this kind for this worker and team, started on `on` unless already current."""
    current = Involvement.objects.filter(_current(on), person=person, kind=kind, user=user, team=team).first()
    return current or Involvement.objects.create(person=person, kind=kind, user=user, team=team, start_date=on)


def end_involvements(person, kinds, on: datetime.date, **match) -> int:
    """End the person's open involvements of these kinds (and matching user/team) on `on`."""
    open_ = Involvement.objects.filter(person=person, kind__in=kinds, end_date__isnull=True, start_date__lte=on, **match)
    ended = 0
    for involvement in open_:  # saved one by one so each end is in the involvement's history
        involvement.end_date = on
        involvement.save(update_fields=["end_date"])
        ended += 1
    return ended
