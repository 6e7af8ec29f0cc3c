"""What happens when education work is recorded: one function per event, each in the caller's transaction.

Child protection status is read from Thrive's own records (protection), never re-keyed: a notice of
home education for a child subject to a s47 enquiry or on a CP plan is held for the council's
consent (Education Act 1996 s434A); a refusal starts the route back to school.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from access.models import InvolvementKind, TeamKind
from care.codes import ADOPTED, SPECIAL_GUARDIANSHIP, ReasonEpisodeCeased
from timescales.dates import open_at_end_of

from . import access
from .codes import CmeReason, Decision, RegisterBasis, SaoStep, Suitability
from .models import (
    AttendanceOrderStep,
    CmeReferral,
    ConsentDecision,
    Exclusion,
    HomeEducationNotice,
    RegisterEntry,
)

# Left care under an adoption, special guardianship or child arrangements order: previously looked after
# (Children and Social Work Act 2017 s4; the Virtual School Head's duty).
LEFT_CARE_UNDER_ORDER = {*ADOPTED, *SPECIAL_GUARDIANSHIP, ReasonEpisodeCeased.CHILD_ARRANGEMENTS_ORDER}


@dataclass(frozen=True)
class ProtectionStatus:
    """What education may know of a child's child protection work: that it is open, since when, who leads."""

    section47_since: datetime.date | None
    plan_since: datetime.date | None
    plan_category: str
    lead: str

    @property
    def open(self) -> bool:
        return bool(self.section47_since or self.plan_since)

    def describe(self) -> str:
        parts = []
        if self.section47_since:
            parts.append(f"subject to a section 47 enquiry since {self.section47_since:%-d %B %Y}")
        if self.plan_since:
            parts.append(f"on a child protection plan since {self.plan_since:%-d %B %Y}")
        return " and ".join(parts)


def protection_status(person_ids, on: datetime.date) -> ProtectionStatus:
    from protection.models import ChildProtectionPlan, Section47

    enquiry = (
        Section47.objects.filter(person_id__in=person_ids, start_date__lte=on, completed_on__isnull=True)
        .order_by("start_date")
        .first()
    )
    plan = (
        ChildProtectionPlan.objects.filter(open_at_end_of(on), person_id__in=person_ids)
        .select_related("lead_practitioner")
        .order_by("start_date")
        .first()
    )
    return ProtectionStatus(
        enquiry.start_date if enquiry else None,
        plan.start_date if plan else None,
        plan.get_latest_category_display() if plan else "",
        str(plan.lead_practitioner or "") if plan else "",
    )


def _ids(person) -> list[int]:
    from people.merging import merged_ids

    return merged_ids(person)


def open_entry(person, on, basis, **fields) -> RegisterEntry:
    """The child's open register entry, or a new one."""
    entry = RegisterEntry.objects.filter(person=person, closed_on__isnull=True).first()
    if entry is None:
        entry = RegisterEntry.objects.create(person=person, opened_on=on, basis=basis, **fields)
    return entry


def receive_notice(
    person, *, received_on, reason, school=None, officer=None, home_address="", parents="", **register_fields
) -> HomeEducationNotice:
    """A parent's notice of home education: held for consent if child protection work is open, else
    registered."""
    status = protection_status(_ids(person), received_on)
    notice = HomeEducationNotice(
        person=person,
        received_on=received_on,
        reason=reason,
        school=school,
        officer=officer,
        consent_needed=status.open,
        consent_basis=status.describe(),
    )
    if not status.open:
        notice.entry = open_entry(
            person,
            received_on,
            RegisterBasis.HOME_EDUCATED,
            home_address=home_address,
            parents=parents,
            **register_fields,
        )
    notice.save()
    access.open_to_team(person, access.education_team(user=officer), received_on)
    return notice


def decide_consent(
    notice, *, decision, decided_on, decided_by, reasons, home_address="", parents="", school=None
) -> ConsentDecision:
    """Record the decision; consent opens the register entry, refusal or withdrawal starts the route back to
    school."""
    if decided_on < notice.received_on:
        raise ValidationError(
            {
                "decided_on": "The decision cannot be before the notice was received "
                f"({notice.received_on:%-d %B %Y})"
            }
        )
    if not notice.consent_needed:
        raise ValidationError("This notice did not need the council's consent.")
    made = ConsentDecision.objects.create(
        notice=notice, decision=decision, decided_on=decided_on, decided_by=decided_by, reasons=reasons
    )
    person = notice.person
    if decision == Decision.GIVEN and notice.entry_id is None:
        notice.entry = open_entry(
            person, decided_on, RegisterBasis.HOME_EDUCATED, home_address=home_address, parents=parents
        )
        notice.save(update_fields=["entry"])
    elif decision in (Decision.REFUSED, Decision.WITHDRAWN):
        AttendanceOrderStep.objects.create(
            person=person,
            step=SaoStep.NOTICE_TO_SATISFY,
            served_on=decided_on,
            school=school or notice.school,
            recorded_by=decided_by,
            notes=f"{made.get_decision_display()}: {reasons}",
        )
    return made


def decide_suitability(notice, *, suitability, decided_on, reasons, officer=None) -> CmeReferral | None:
    """The suitability decision; education that is not suitable makes the child missing education."""
    notice.suitability, notice.suitability_decided_on, notice.suitability_reasons = (
        suitability,
        decided_on,
        reasons,
    )
    notice.save(update_fields=["suitability", "suitability_decided_on", "suitability_reasons"])
    if suitability != Suitability.UNSUITABLE:
        return None
    if notice.entry_id:
        notice.entry.basis = RegisterBasis.NOT_IN_SCHOOL
        notice.entry.save(update_fields=["basis"])
    AttendanceOrderStep.objects.create(
        person=notice.person,
        step=SaoStep.NOTICE_TO_SATISFY,
        served_on=decided_on,
        recorded_by=officer,
        notes="Home education found not suitable.",
    )
    return CmeReferral.objects.create(
        person=notice.person, received_on=decided_on, reason=CmeReason.UNSUITABLE_EHE, officer=officer
    )


def refer_cme(person, *, received_on, reason, officer=None) -> CmeReferral:
    referral = CmeReferral.objects.create(
        person=person, received_on=received_on, reason=reason, officer=officer
    )
    open_entry(person, received_on, RegisterBasis.NOT_IN_SCHOOL)
    access.open_to_team(person, access.education_team(user=officer), received_on)
    return referral


def record_exclusion(exclusion: Exclusion) -> bool:
    """Save the exclusion; the Virtual School is alerted (the child opened to it) when the pupil has a social
    worker, is looked after or was looked after. True when it was alerted."""
    exclusion.save()
    if virtual_school_child(_ids(exclusion.person), exclusion.start_date):
        access.open_to_team(
            exclusion.person, access.education_team(TeamKind.VIRTUAL_SCHOOL), exclusion.start_date
        )
        return True
    return False


def virtual_school_child(person_ids, on: datetime.date) -> str:
    """Why the Virtual School promotes this child's education ('' if it does not): in care, previously in
    care, or with a social worker (the extended duty)."""
    return next((why for why, ids in virtual_school_cohort(on, person_ids).items() if ids), "")


IN_CARE, PREVIOUSLY, SOCIAL_WORKER = "In care", "Previously in care", "Has a social worker"


def virtual_school_cohort(on: datetime.date, person_ids=None) -> dict[str, set[int]]:
    """The Virtual School's children on a day: {why: person ids}, each child once (in care first)."""
    from access.models import Involvement
    from care.models import Episode, PeriodOfCare
    from timescales.due import PersonIds

    wanted = PersonIds(person_ids) if person_ids is not None else None

    def limit(rows):
        return rows.filter(person_id__in=wanted) if wanted is not None else rows

    in_care = set(limit(PeriodOfCare.objects.filter(open_at_end_of(on))).values_list("person_id", flat=True))
    left = Episode.objects.filter(end_date__lte=on, reason_ceased__in=LEFT_CARE_UNDER_ORDER)
    previously = (
        set(
            limit(PeriodOfCare.objects.filter(pk__in=left.values("period_id"))).values_list(
                "person_id", flat=True
            )
        )
        - in_care
    )
    workers = limit(
        Involvement.objects.filter(
            open_at_end_of(on), kind=InvolvementKind.ALLOCATED_WORKER, user__role="social_worker"
        )
    )
    social_worker = set(workers.values_list("person_id", flat=True)) - in_care - previously
    return {IN_CARE: in_care, PREVIOUSLY: previously, SOCIAL_WORKER: social_worker}
