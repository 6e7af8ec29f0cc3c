"""FGDM, pre-proceedings and care proceedings: the recorded steps and the checks between them.

Issuing care proceedings goes through CareProceedings.save(), which refuses when no family group
decision making meeting was offered (or the exception is incomplete); the refusal rolls back the
transaction the page saves in, and the page shows its message.
"""

from django.core.exceptions import ValidationError

from frontdoor.services import current_referral
from people.casework import not_before

from .models import (
    CareProceedings,
    FGDMException,
    FGDMMeeting,
    FGDMOffer,
    FGDMParticipant,
    PLOMeeting,
    PreProceedings,
)


def record_offer(person, user, *, offered_on, response, responded_on) -> FGDMOffer:
    return FGDMOffer.objects.create(
        person=person,
        referral=current_referral([person.pk]),
        offered_on=offered_on,
        offered_by=user,
        response=response,
        responded_on=responded_on,
    )


def record_meeting(offer, *, held_on, facilitated, family_plan, plan_agreed, participants) -> FGDMMeeting:
    """The meeting and who from the family network came; `participants` are (person, role) pairs."""
    not_before(held_on, offer.offered_on, "held_on", "the offer")
    meeting = FGDMMeeting.objects.create(
        offer=offer,
        held_on=held_on,
        facilitated=facilitated,
        family_plan=family_plan,
        plan_agreed=plan_agreed,
    )
    FGDMParticipant.objects.bulk_create(
        FGDMParticipant(meeting=meeting, person=person, role=role) for person, role in participants
    )
    return meeting


def record_exception(
    person, user, *, reason, decided_on, explained_to_court_on, explained_to_family_on
) -> FGDMException:
    not_before(explained_to_court_on, decided_on, "explained_to_court_on", "the decision")
    not_before(explained_to_family_on, decided_on, "explained_to_family_on", "the decision")
    return FGDMException.objects.create(
        person=person,
        decided_by=user,
        reason=reason,
        decided_on=decided_on,
        explained_to_court_on=explained_to_court_on,
        explained_to_family_on=explained_to_family_on,
    )


def start_pre_proceedings(person, *, start_date) -> PreProceedings:
    referral = current_referral([person.pk])
    if referral is None:
        raise ValidationError("Pre-proceedings need an open referral: record the referral first.")
    not_before(start_date, referral.referral_date, "date", "the referral date")
    return PreProceedings.objects.create(referral=referral, person=person, start_date=start_date)


def record_letter(stage, *, sent_on) -> None:
    not_before(sent_on, stage.start_date, "date", "the start of pre-proceedings")
    stage.letter_before_proceedings_sent_on = sent_on
    stage.save()


def record_plo_meeting(stage, *, held_on, is_review) -> PLOMeeting:
    """A meeting under the Public Law Outline; the first that is not a review is the initial meeting."""
    not_before(held_on, stage.start_date, "held_on", "the start of pre-proceedings")
    meeting = PLOMeeting.objects.create(pre_proceedings=stage, held_on=held_on, is_review=is_review)
    if not is_review and stage.initial_meeting_on is None:
        stage.initial_meeting_on = held_on
        stage.save()
    return meeting


def end_pre_proceedings(stage, *, step_decision_on, outcome) -> None:
    not_before(step_decision_on, stage.start_date, "step_decision_on", "the start of pre-proceedings")
    stage.step_decision_on, stage.outcome = step_decision_on, outcome
    stage.save()


def issue_proceedings(person, *, issued_on, court, case_number) -> CareProceedings:
    """Raises ValidationError (from the model) when the FGDM duty has not been met."""
    return CareProceedings.objects.create(
        person=person,
        referral=current_referral([person.pk]),
        issued_on=issued_on,
        court=court,
        case_number=case_number,
    )


def record_proceedings_outcome(case, *, ended_on, outcome) -> None:
    not_before(ended_on, case.issued_on, "ended_on", "the date proceedings were issued")
    case.ended_on, case.outcome = ended_on, outcome
    case.save()


def record_explained(exception, *, explained_to_court_on, explained_to_family_on) -> None:
    """Complete an exception with when it was explained to the court and to the family."""
    not_before(explained_to_court_on, exception.decided_on, "explained_to_court_on", "the decision")
    not_before(explained_to_family_on, exception.decided_on, "explained_to_family_on", "the decision")
    exception.explained_to_court_on, exception.explained_to_family_on = (
        explained_to_court_on,
        explained_to_family_on,
    )
    exception.save()
