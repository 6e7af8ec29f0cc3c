"""Why a user may open a child's record (a typed basis), and the one rule for who may record about the child.

Reading and recording are different rights. Reading follows from any basis: the user's own
involvement, their team or the team they manage, a multi-agency team they sit in as a partner, their
agency's information share, or an unexpired break glass. Recording follows only from the worker's own
relationship to the child (their involvement, their team, the team they manage) together with a role
that records that kind of work; never from a share, a break glass, a partner's seat in a multi-agency
team, or an analyst's, administrator's or data protection officer's role.

A basis from a share carries the parts of the record shared (access.parts): the reader sees those and
nothing else. Every other basis sees the whole record (`parts` None).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models

from .models import BasisKind, InvolvementKind, Role, User
from .parts import Part, as_parts

__all__ = ["Basis", "BasisKind", "Work", "may_record", "may_merge"]


class Work(models.TextChoices):
    """What a page records about a child: each kind of work has its own recorders."""

    CASEWORK = "casework", "Casework"
    CONTACT = "contact", "A contact at the front door"
    OVERSIGHT = "oversight", "Management oversight and authorisation"
    REVIEW = "review", "Reviews and conferences an IRO chairs"
    EDUCATION = "education", "Personal Education Plans"
    INCLUSION = "inclusion", "Education and inclusion work"
    LEAVING_CARE = "leaving_care", "Leaving care work"
    MERGE = "merge", "Merging duplicate records"
    SHARING = "sharing", "Sharing the record with a partner agency"


@dataclass(frozen=True)
class Basis:
    """The basis of one user's access to one child; `text` is what the audit log says."""

    kind: BasisKind
    text: str
    own: frozenset[str] = frozenset()  # the kinds of the user's own current involvements with the child
    parts: frozenset[Part] | None = None  # the parts of the record a share covers; None: the whole record

    @property
    def legitimate(self) -> bool:
        """A relationship with the child (not a break glass, not the front door's identity-only view)."""
        return self.kind not in (BasisKind.BREAK_GLASS, BasisKind.FRONT_DOOR)

    @property
    def scoped(self) -> bool:
        return self.parts is not None

    def sees(self, parts: Part | str | Iterable[Part | str] | None) -> bool:
        """May the reader see something that belongs to these parts (any one of them is enough)?"""
        return self.parts is None or bool(as_parts(parts) & self.parts)

    def __str__(self) -> str:
        return self.text


# Staff whose work is casework: they record for the children they, their team or the team they manage hold.
CASEWORK_ROLES = frozenset(
    {Role.SOCIAL_WORKER, Role.LEAD_PRACTITIONER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER}
)
# Roles that reach a child's record only by breaking glass: no involvement or team gives them a relationship.
GLASS_ONLY_ROLES = frozenset(
    {Role.ANALYST, Role.ADMINISTRATOR, Role.DATA_PROTECTION_OFFICER, Role.DATA_QUALITY}
)
# Roles that never record about a child, whatever their basis.
READ_ONLY_ROLES = GLASS_ONLY_ROLES | {Role.PARTNER}
# Bases a worker's right to record can come from.
RECORDING_BASES = frozenset({BasisKind.OWN, BasisKind.TEAM, BasisKind.MANAGER})
REVIEWING = frozenset({InvolvementKind.IRO, InvolvementKind.CONFERENCE_CHAIR})
# The inclusion service and the Virtual School: the only roles that record education and inclusion work.
EDUCATION_ROLES = frozenset({Role.EDUCATION_OFFICER, Role.VIRTUAL_SCHOOL})


def may_record(user: User, basis: Basis | None, work: Work = Work.CASEWORK) -> bool:
    """The write gate: may this user record this kind of work about a child they hold on this basis?"""
    if basis is None or user.role in READ_ONLY_ROLES:
        return False
    if work in (Work.MERGE, Work.SHARING):  # managers, from their own relationship with the child
        return user.is_manager and basis.kind in RECORDING_BASES
    if work == Work.CONTACT and basis.kind == BasisKind.FRONT_DOOR:
        return True
    if basis.kind not in RECORDING_BASES:
        return False
    if work == Work.INCLUSION:  # the register, home education, CME, exclusions, EHC plans, PEP quality
        return user.role in EDUCATION_ROLES  # not social workers or managers, who read it in child protection
    if user.role in CASEWORK_ROLES:
        return work != Work.OVERSIGHT or user.is_manager
    if work == Work.REVIEW:  # IROs record the reviews and conferences of the children they review
        return user.role == Role.IRO and bool(basis.own & REVIEWING)
    if work == Work.LEAVING_CARE:  # personal advisers, for their care leavers and their team's
        return user.role == Role.PERSONAL_ADVISER
    if work == Work.EDUCATION:  # the Virtual School, for children in care it works with
        return user.role == Role.VIRTUAL_SCHOOL
    return False


def may_merge(user: User, basis: Basis | None) -> bool:
    """Merging needs a relationship with the record, or a data quality officer's break glass on it."""
    if basis is not None and user.role == Role.DATA_QUALITY:
        return basis.kind == BasisKind.BREAK_GLASS
    return may_record(user, basis, Work.MERGE)
