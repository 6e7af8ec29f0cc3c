"""Child protection steps: strategy discussion, s47 enquiry, conferences, the plan and who holds it.

A plan made at conference is held by the multi-agency child protection team and a lead child
protection practitioner; both (and the chair) get an involvement, so they can open the record,
and lose it when the plan ends.
"""

from django.core.exceptions import ValidationError

from access.allocation import allocate, end_involvements
from access.models import InvolvementKind
from people.casework import not_before
from people.planning import refuse_if_ended
from timescales import registry

from .codes import ConferenceKind, ConferenceOutcome, Section47Outcome
from .models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    ConferenceAttendee,
    CoreGroupMeeting,
    CoreGroupMember,
    Section47,
    StrategyAttendee,
    StrategyDiscussion,
)


def record_strategy_discussion(
    referral, *, held_on, outcome, notes, chaired_by, attendees
) -> StrategyDiscussion:
    not_before(held_on, referral.referral_date, "held_on", "the referral date")
    discussion = StrategyDiscussion.objects.create(
        referral=referral,
        person=referral.person,
        held_on=held_on,
        outcome=outcome,
        notes=notes,
        chaired_by=chaired_by,
    )
    StrategyAttendee.objects.bulk_create(
        StrategyAttendee(discussion=discussion, name=name, agency=agency) for name, agency in attendees
    )
    return discussion


def start_section47(discussion, *, start_date) -> Section47:
    not_before(start_date, discussion.held_on, "date", "the strategy discussion")
    return Section47.objects.create(
        referral=discussion.referral,
        person=discussion.person,
        strategy_discussion=discussion,
        start_date=start_date,
    )


def record_section47_outcome(enquiry, *, outcome, completed_on) -> None:
    not_before(completed_on, enquiry.start_date, "completed_on", "the start of the enquiry")
    enquiry.outcome, enquiry.completed_on = outcome, completed_on
    enquiry.icpc_not_required = outcome != Section47Outcome.ICPC
    enquiry.save()


def _conference(
    referral, person, *, kind, date, chair, outcome, attendees, **links
) -> ChildProtectionConference:
    conference = ChildProtectionConference.objects.create(
        referral=referral, person=person, kind=kind, date=date, chair=chair, outcome=outcome, **links
    )
    ConferenceAttendee.objects.bulk_create(
        ConferenceAttendee(conference=conference, name=name, agency=agency) for name, agency in attendees
    )
    return conference


def initial_conference(
    enquiry, *, date, chair, outcome, attendees, category=None, team=None, lead_practitioner=None
) -> ChildProtectionConference:
    """The ICPC; a decision for a plan starts it that day, held by the MACPT and lead practitioner."""
    not_before(date, enquiry.start_date, "date", "the start of the section 47 enquiry")
    if enquiry.conferences.filter(kind=ConferenceKind.INITIAL).exists():
        raise ValidationError("An initial conference is already recorded for this enquiry.")
    plan = None
    if outcome == ConferenceOutcome.PLAN:
        plan = ChildProtectionPlan.objects.create(
            referral=enquiry.referral,
            person=enquiry.person,
            start_date=date,
            initial_category=category,
            latest_category=category,
            team=team,
            lead_practitioner=lead_practitioner,
        )
        allocate(
            enquiry.person, InvolvementKind.LEAD_CP_PRACTITIONER, date, user=lead_practitioner, team=team
        )
        allocate(enquiry.person, InvolvementKind.TEAM, date, team=team)
        if chair:
            allocate(enquiry.person, InvolvementKind.CONFERENCE_CHAIR, date, user=chair)
    return _conference(
        enquiry.referral,
        enquiry.person,
        kind=ConferenceKind.INITIAL,
        date=date,
        chair=chair,
        outcome=outcome,
        attendees=attendees,
        section47=enquiry,
        plan=plan,
    )


def review_conference(plan, *, date, chair, outcome, attendees, category=None) -> ChildProtectionConference:
    """A review moves the next review date on (the plan recomputes it); "plan ends" ends the plan that day."""
    not_before(date, plan.start_date, "date", "the start of the plan")
    conference = _conference(
        plan.referral,
        plan.person,
        kind=ConferenceKind.REVIEW,
        date=date,
        chair=chair,
        outcome=outcome,
        attendees=attendees,
        plan=plan,
    )
    plan.refresh_from_db()
    if category:
        plan.latest_category = category
        plan.save()
    if outcome == ConferenceOutcome.END_PLAN:
        end_plan(plan, end_date=date)
    return conference


def end_plan(plan, *, end_date) -> None:
    not_before(end_date, plan.start_date, "date", "the start of the plan")
    plan.end_date = end_date
    plan.save()
    end_involvements(
        plan.person,
        [InvolvementKind.LEAD_CP_PRACTITIONER],
        end_date,
        user=plan.lead_practitioner,
        team=plan.team,
    )
    end_involvements(plan.person, [InvolvementKind.TEAM], end_date, team=plan.team)
    end_involvements(plan.person, [InvolvementKind.CONFERENCE_CHAIR], end_date)


def first_core_group_due(plan):
    """The day the first core group meeting is due (10 working days from the initial conference, which is
    the day the plan starts), while it has not been held; None once it has or the plan has ended."""
    if plan.end_date or plan.core_groups.exists():
        return None
    return registry.get("CP_CORE_GROUP_FIRST").due(plan.start_date)


def add_core_group_member(plan, *, name, role, agency, joined_on) -> CoreGroupMember:
    refuse_if_ended(plan.end_date, "child protection plan")
    not_before(joined_on, plan.start_date, "joined_on", "the start of the plan")
    return CoreGroupMember.objects.create(plan=plan, name=name, role=role, agency=agency, joined_on=joined_on)


def record_core_group_meeting(
    plan, *, held_on, attendees=(), notes="", next_meeting_on=None
) -> CoreGroupMeeting:
    """A core group meeting of the plan, on or after the day the plan started and not after it ended."""
    not_before(held_on, plan.start_date, "held_on", "the start of the plan (the initial conference)")
    not_before(next_meeting_on, held_on, "next_meeting_on", "this meeting")
    if plan.end_date and held_on > plan.end_date:
        raise ValidationError(
            {
                "held_on": f"The plan ended on {plan.end_date:%-d %B %Y}: a core group meeting "
                "must be on or before that day"
            }
        )
    meeting = CoreGroupMeeting.objects.create(
        plan=plan, person=plan.person, held_on=held_on, notes=notes, next_meeting_on=next_meeting_on
    )
    meeting.attendees.set(attendees)
    return meeting
