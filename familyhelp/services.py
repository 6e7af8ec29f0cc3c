"""Family Help, assessments and child in need plans: the rules a form alone cannot check.

Each function is one recorded step; dates are checked against the step they follow so the
chronology stays possible.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from access.allocation import end_involvements
from access.models import InvolvementKind
from frontdoor.codes import ReferralSource
from frontdoor.services import open_family_help, open_referral
from people.casework import not_before

from .codes import AssessmentFactor, StepDirection
from .framework import CHILD_VIEWS, SECTIONS
from .models import (
    Assessment,
    AssessmentDecision,
    AssessmentFactorRecord,
    AssessmentSection,
    AuthorisationAction,
    CINPlan,
    CINPlanReview,
    FamilyPlan,
    StepDecision,
    cin_plan_review_due,
)


def add_family_plan(episode, *, agreed_on, goals, next_review_due=None) -> FamilyPlan:
    not_before(agreed_on, episode.start_date, "agreed_on", "the start of Family Help")
    not_before(next_review_due, agreed_on, "next_review_due", "the date the plan was agreed")
    return FamilyPlan.objects.create(
        episode=episode, agreed_on=agreed_on, goals=goals, next_review_due=next_review_due
    )


def step_up(episode, user, *, decided_on, reason, worker, team) -> StepDecision:
    """Step-up from Family Help to social care: a referral from Family Help, allocated to a social worker."""
    not_before(decided_on, episode.start_date, "decided_on", "the start of Family Help")
    referral = open_referral(episode.person, decided_on, ReferralSource.EARLY_HELP, worker, team)
    return StepDecision.objects.create(
        person=episode.person,
        direction=StepDirection.UP,
        decided_on=decided_on,
        decided_by=user,
        reason=reason,
        family_help_episode=episode,
        referral=referral,
    )


def step_down(referral, user, *, decided_on, reason, worker, team) -> StepDecision:
    """Step-down from social care to Family Help: an episode led by a lead practitioner."""
    not_before(decided_on, referral.referral_date, "decided_on", "the referral date")
    episode = open_family_help(referral.person, decided_on, worker, team, reason)
    return StepDecision.objects.create(
        person=referral.person,
        direction=StepDirection.DOWN,
        decided_on=decided_on,
        decided_by=user,
        reason=reason,
        family_help_episode=episode,
        referral=referral,
    )


def end_episode(episode, *, end_date, closure_reason):
    not_before(end_date, episode.start_date, "end_date", "the start of Family Help")
    episode.end_date, episode.closure_reason = end_date, closure_reason
    episode.save()
    end_involvements(
        episode.person,
        [InvolvementKind.LEAD_PRACTITIONER],
        end_date,
        user=episode.lead_practitioner,
        team=episode.team,
    )


def start_assessment(referral, *, worker, start_date) -> Assessment:
    not_before(start_date, referral.referral_date, "start_date", "the referral date")
    return Assessment.objects.create(
        referral=referral, person=referral.person, worker=worker, start_date=start_date
    )


def record_factors(assessment, codes) -> None:
    """The factors identified replace those recorded before (a corrected list, not an addition). "No factors
    identified" stands alone: it cannot sit beside a factor that was identified."""
    if AssessmentFactor.NO_FACTORS in codes and len(set(codes)) > 1:
        raise ValidationError(
            {"factors": "Select “No factors identified” on its own, or the factors that were identified"}
        )
    assessment.factors.exclude(code__in=codes).delete()
    have = set(assessment.factors.values_list("code", flat=True))
    AssessmentFactorRecord.objects.bulk_create(
        AssessmentFactorRecord(assessment=assessment, code=code) for code in codes if code not in have
    )


def record_outcome(assessment, *, outcome, summary, primary_need) -> None:
    """The outcome, and the child's primary need on the referral, which the assessment establishes."""
    assessment.outcome, assessment.summary = outcome, summary
    assessment.save()
    referral = assessment.referral
    referral.primary_need = primary_need
    referral.save()


def section_texts(assessment) -> dict[str, str]:
    return dict(assessment.sections.values_list("section", "text"))


def record_content(assessment, *, child_seen_on, sections: dict[str, str]) -> None:
    """The assessment's text under the framework's headings; a heading left empty is removed."""
    if assessment.authorisation_date:
        raise ValidationError("The assessment is authorised: its content can no longer be changed.")
    not_before(child_seen_on, assessment.referral.referral_date, "child_seen_on", "the referral date")
    assessment.child_seen_on = child_seen_on
    assessment.save()
    for key, text in sections.items():
        if key not in SECTIONS:
            raise ValueError(f"No assessment section {key!r}")
        if text.strip():
            AssessmentSection.objects.update_or_create(
                assessment=assessment, section=key, defaults={"text": text}
            )
        else:
            AssessmentSection.objects.filter(assessment=assessment, section=key).delete()


def missing_before_sending(assessment) -> list[str]:
    """What a manager needs before they can authorise: said to the worker in words."""
    missing = []
    if not assessment.child_seen_on:
        missing.append("the date the child was seen")
    if not section_texts(assessment).get(CHILD_VIEWS[0], "").strip():
        missing.append("the child's views, wishes and feelings")
    if not assessment.outcome:
        missing.append("the outcome and the summary of the analysis")
    return missing


def _decide(assessment, action, user, comment, at=None) -> AssessmentDecision:
    return AssessmentDecision.objects.create(
        assessment=assessment, action=action, by=user, comment=comment, at=at or timezone.now()
    )


def send_for_authorisation(assessment, user, *, comment="") -> AssessmentDecision:
    if assessment.authorisation_date:
        raise ValidationError("The assessment is already authorised.")
    if assessment.sent_for_authorisation_at:
        raise ValidationError("The assessment is already waiting for a manager to authorise it.")
    missing = missing_before_sending(assessment)
    if missing:
        raise ValidationError(f"Before sending the assessment, record {' and '.join(missing)}.")
    decision = _decide(assessment, AuthorisationAction.SENT, user, comment)
    assessment.sent_for_authorisation_at = decision.at
    assessment.save()
    return decision


def return_assessment(assessment, manager, *, comment) -> AssessmentDecision:
    """A manager sends the assessment back with what needs to change; the worker revises and resends it."""
    if assessment.authorisation_date:
        raise ValidationError("The assessment is already authorised.")
    if not comment.strip():
        raise ValidationError({"comment": "Enter what the worker needs to change"})
    assessment.sent_for_authorisation_at = None
    assessment.save()
    return _decide(assessment, AuthorisationAction.RETURNED, manager, comment)


def authorise(assessment, *, authorisation_date, manager=None, comment="") -> None:
    if not assessment.outcome:
        raise ValidationError("Record the outcome of the assessment before authorising it.")
    not_before(authorisation_date, assessment.start_date, "date", "the start of the assessment")
    assessment.authorisation_date = authorisation_date
    assessment.sent_for_authorisation_at = None
    assessment.save()
    if manager is not None:
        _decide(assessment, AuthorisationAction.AUTHORISED, manager, comment)


def start_cin_plan(referral, *, start_date) -> CINPlan:
    not_before(start_date, referral.referral_date, "date", "the referral date")
    return CINPlan.objects.create(
        referral=referral,
        person=referral.person,
        start_date=start_date,
        next_review_due=cin_plan_review_due(start_date, []),
    )


def review_cin_plan(plan, *, review_date) -> CINPlanReview:
    not_before(review_date, plan.start_date, "date", "the start of the plan")
    review = CINPlanReview.objects.create(plan=plan, review_date=review_date)
    plan.next_review_due = cin_plan_review_due(
        plan.start_date, plan.reviews.values_list("review_date", flat=True)
    )
    plan.save()
    return review


def end_cin_plan(plan, *, end_date) -> None:
    not_before(end_date, plan.start_date, "date", "the start of the plan")
    plan.end_date, plan.next_review_due = end_date, None
    plan.save()
