"""Who has an education relationship with a child: the one place education's access rule lives.

Access to any page about a child still goes through people.access_views (legitimate relationship,
break glass, audit). On top of that:

- education records (the child's education page) are for those with an education relationship;
- a child's social care record shows the education card only to those who may see both.

An education relationship is either
- education work: the user is an education officer or Virtual School officer (by role or by team)
  and their access to the child comes from an involvement, not break glass or a partner share; or
- safeguarding work: the user's own access is a social care relationship and the child is subject to
  a section 47 enquiry, on a child protection plan, or looked after, where education status is part
  of keeping the child safe (consent to home educate, the care plan's PEP).

Recording in education (notices, decisions, referrals) is for education roles only, never under
break glass or a partner share.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from access.models import Involvement, Role, Team, TeamKind

EDUCATION_ROLES = {Role.EDUCATION_OFFICER, Role.VIRTUAL_SCHOOL}
EDUCATION_TEAMS = {TeamKind.EDUCATION, TeamKind.VIRTUAL_SCHOOL}
READ_ONLY_ROLES = {Role.PARTNER, Role.ANALYST}


def _borrowed(basis: str) -> bool:
    return basis.startswith(("break glass", "active share"))


def is_education_staff(user) -> bool:
    """An education or Virtual School officer, or a manager of such a team."""
    if user.role in EDUCATION_ROLES:
        return True
    return user.memberships.filter(team__kind__in=EDUCATION_TEAMS).exists()


def in_safeguarding_work(person_ids, on: datetime.date | None = None) -> bool:
    """Subject to an open s47 enquiry, on a CP plan, or looked after today."""
    from care.models import PeriodOfCare
    from protection.models import ChildProtectionPlan, Section47

    on = on or timezone.localdate()
    open_ = Q(end_date__isnull=True) | Q(end_date__gt=on)
    return (
        Section47.objects.filter(
            person_id__in=person_ids, start_date__lte=on, completed_on__isnull=True
        ).exists()
        or ChildProtectionPlan.objects.filter(open_, person_id__in=person_ids, start_date__lte=on).exists()
        or PeriodOfCare.objects.filter(open_, person_id__in=person_ids, start_date__lte=on).exists()
    )


def may_see_education(user, child) -> bool:
    """Whether this user may see the child's education records (a people.access_views.Child)."""
    if _borrowed(child.basis) or user.role in READ_ONLY_ROLES:
        return False
    if is_education_staff(user):
        return True
    return in_safeguarding_work(child.ids)


def may_record_education(user, basis: str) -> bool:
    return not _borrowed(basis) and user.role not in READ_ONLY_ROLES and is_education_staff(user)


def education_team(kind: str = TeamKind.EDUCATION, user=None) -> Team | None:
    """The team that holds the child's education work: the user's own team of that kind, else the first."""
    if user is not None:
        mine = Team.objects.filter(kind=kind, memberships__user=user).order_by("pk").first()
        if mine:
            return mine
    return Team.objects.filter(kind=kind).order_by("pk").first()


def open_to_team(person, team, on: datetime.date) -> None:
    """Open the child's record to an education team (an involvement), once: how access follows the work."""
    if team is None:
        return
    current = Involvement.objects.filter(person=person, team=team, end_date__isnull=True)
    if not current.exists():
        Involvement.objects.create(person=person, team=team, kind="team", start_date=on)


def held_children(user, on: datetime.date | None = None):
    """The children this user may list on education worklists, as a subquery of person ids: those open to a team
    they belong to or manage, or held by them. Two indexed lookups rather than every colleague's caseload: an
    education team holds tens of thousands of children on a large council."""
    from access.rules import managed_team_ids

    on = on or timezone.localdate()
    teams = set(user.memberships.values_list("team_id", flat=True)) | managed_team_ids(user)
    current = Q(start_date__lte=on) & (Q(end_date__isnull=True) | Q(end_date__gte=on))
    return Involvement.objects.filter(current & (Q(team_id__in=teams) | Q(user=user))).values("person_id")


def held(user, on: datetime.date | None = None, field: str = "person_id"):
    """A filter keeping records (by `field`) about children this user holds, probed per record (Exists)."""
    from django.db.models import Exists, OuterRef

    return Exists(held_children(user, on).filter(person_id=OuterRef(field)))


def visible_children(user, on: datetime.date | None = None) -> set[int]:
    """The same children as a set of ids (for the due-work registry)."""
    return set(held_children(user, on).values_list("person_id", flat=True))
