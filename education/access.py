"""Who has an education relationship with a child: the one place education's access rule lives.

Every page about a child goes through people.access_views (the basis, the write gate, the audit). On top:

- reading a child's education records (the education page, and the education card on the social care
  record) needs an education relationship, on a basis of the user's own (their involvement, their team's
  or the team they manage; never a share, a partner's seat in a multi-agency team, or break glass):
  - education work: an education or Virtual School officer, or a member or manager of such a team; or
  - safeguarding work: anyone else with such a basis while the child is subject to a section 47 enquiry,
    on a child protection plan, or looked after, where education status is part of keeping the child safe
    (consent to home educate, the care plan's PEP);
- recording education and inclusion work is access.basis.may_record(user, basis, Work.INCLUSION): education
  and Virtual School officers, for the children they and their teams hold;
- starting work for a child one cannot yet open (identity only, audited) is for education and Virtual School
  officers in an education team; saving opens the child to that team through access.allocation, so the
  involvement's history keeps who made it.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from access.allocation import allocate
from access.basis import EDUCATION_ROLES, READ_ONLY_ROLES, RECORDING_BASES
from access.models import Involvement, InvolvementKind, Team, TeamKind
from access.relationships import managed_team_ids
from timescales.dates import open_at_end_of, open_on

EDUCATION_TEAMS = {TeamKind.EDUCATION, TeamKind.VIRTUAL_SCHOOL}
# The bases education records are read on: the user's own relationship with the child.
EDUCATION_BASES = RECORDING_BASES


def _education_teams(user):
    teams = set(user.memberships.values_list("team_id", flat=True)) | managed_team_ids(user)
    return Team.objects.filter(pk__in=teams, kind__in=EDUCATION_TEAMS)


def is_education_staff(user) -> bool:
    """An education or Virtual School officer, or a member or manager of such a team (not a partner, and
    not an analyst, administrator or data protection officer, whatever their teams)."""
    if user.role in READ_ONLY_ROLES:
        return False
    return user.role in EDUCATION_ROLES or _education_teams(user).exists()


def starts_education_work(user) -> bool:
    """Education and Virtual School officers in an education team: they start work for a child they cannot
    yet open."""
    return user.role in EDUCATION_ROLES and _education_teams(user).exists()


def reads_education(user) -> bool:
    """The role check in front of every education page about a child: partners and the roles that reach a
    child only by breaking glass never read education records."""
    return user.role not in READ_ONLY_ROLES


def in_safeguarding_work(person_ids, on: datetime.date | None = None) -> bool:
    """Subject to an open s47 enquiry, on a CP plan, or looked after today."""
    from care.models import PeriodOfCare
    from protection.models import ChildProtectionPlan, Section47

    on = on or timezone.localdate()
    return (
        Section47.objects.filter(
            person_id__in=person_ids, start_date__lte=on, completed_on__isnull=True
        ).exists()
        or ChildProtectionPlan.objects.filter(open_at_end_of(on), person_id__in=person_ids).exists()
        or PeriodOfCare.objects.filter(open_at_end_of(on), person_id__in=person_ids).exists()
    )


def may_see_education(user, child) -> bool:
    """Whether this user may see the child's education records (a people.access_views.Child)."""
    if not reads_education(user) or child.basis.kind not in EDUCATION_BASES:
        return False
    return is_education_staff(user) or in_safeguarding_work(child.ids)


def education_team(kind: str = TeamKind.EDUCATION, user=None) -> Team | None:
    """The team that holds the child's education work: the user's own team of that kind, else their own
    education or Virtual School team (a Virtual School officer's work is held by the Virtual School), else
    the first team of that kind."""
    if user is not None:
        mine = Team.objects.filter(kind__in=EDUCATION_TEAMS, memberships__user=user).order_by("pk")
        found = mine.filter(kind=kind).first() or mine.first()
        if found:
            return found
    return Team.objects.filter(kind=kind).order_by("pk").first()


def open_to_team(person, team, on: datetime.date) -> None:
    """Open the child's record to an education team (an involvement), once: how access follows the work."""
    if team is None or Involvement.objects.filter(person=person, team=team, end_date__isnull=True).exists():
        return
    allocate(person, InvolvementKind.TEAM, on, team=team)


def held_children(user, on: datetime.date | None = None):
    """The children this user may list on education worklists, as a subquery of person ids: those open to a
    team
    they belong to or manage, or held by them. Two indexed lookups rather than every colleague's caseload: an
    education team holds tens of thousands of children on a large council."""
    on = on or timezone.localdate()
    teams = set(user.memberships.values_list("team_id", flat=True)) | managed_team_ids(user)
    return Involvement.objects.filter(open_on(on) & (Q(team_id__in=teams) | Q(user=user))).values("person_id")


def held(user, on: datetime.date | None = None, field: str = "person_id"):
    """A filter keeping records (by `field`) about children this user holds, probed per record (Exists)."""
    from django.db.models import Exists, OuterRef

    return Exists(held_children(user, on).filter(person_id=OuterRef(field)))


def visible_children(user, on: datetime.date | None = None) -> set[int]:
    """The same children as a set of ids (for the due-work registry)."""
    return set(held_children(user, on).values_list("person_id", flat=True))
