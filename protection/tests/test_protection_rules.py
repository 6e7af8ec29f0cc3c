"""Child protection timescales, worked by hand: ICPC, review conferences, second plans."""

import datetime

import pytest

from protection.codes import AbuseCategory, ConferenceKind, ConferenceOutcome, StrategyOutcome
from protection.models import ChildProtectionConference, ChildProtectionPlan, Section47, StrategyDiscussion
from tests.factories.journey import child, referral

pytestmark = pytest.mark.django_db
D = datetime.date


def test_icpc_due_15_working_days_after_the_strategy_discussion_over_christmas():
    # Strategy discussion Monday 15 December 2025. Working days: 16-19 Dec (4), 22-24 (7), 25 and 26
    # are bank holidays, 29-31 (10), 1 January 2026 is a bank holiday, 2 Jan (11), 5-8 Jan (15):
    # due Thursday 8 January 2026.
    person = child()
    ref = referral(person, D(2025, 12, 12))
    discussion = StrategyDiscussion.objects.create(
        referral=ref, person=person, held_on=D(2025, 12, 15), outcome=StrategyOutcome.SECTION_47
    )
    enquiry = Section47.objects.create(
        referral=ref, person=person, strategy_discussion=discussion, start_date=D(2025, 12, 15)
    )
    assert enquiry.icpc_due == D(2026, 1, 8)


def plan(person, start, end=None):
    ref = referral(person, start - datetime.timedelta(days=20))
    return ChildProtectionPlan.objects.create(
        referral=ref,
        person=person,
        start_date=start,
        end_date=end,
        initial_category=AbuseCategory.NEGLECT,
        latest_category=AbuseCategory.NEGLECT,
    )


def test_first_review_within_3_months_lands_on_29_february():
    # Plan started 30 November 2023: three months on is 30 February, which does not exist, so the
    # first review is due on the last day of February 2024, a leap year: 29 February.
    assert plan(child(), D(2023, 11, 30)).next_review_due == D(2024, 2, 29)


def test_later_reviews_at_most_6_months_after_the_previous_review():
    person = child()
    cp_plan = plan(person, D(2023, 11, 30))
    ChildProtectionConference.objects.create(
        referral=cp_plan.referral,
        person=person,
        plan=cp_plan,
        kind=ConferenceKind.REVIEW,
        date=D(2024, 2, 29),
        outcome=ConferenceOutcome.CONTINUE,
    )
    cp_plan.refresh_from_db()
    assert cp_plan.next_review_due == D(2024, 8, 29)


def test_ended_plan_has_no_review_due():
    assert plan(child(), D(2024, 1, 10), end=D(2024, 6, 1)).next_review_due is None


def test_second_or_subsequent_plan_counts_earlier_plans():
    person = child()
    first = plan(person, D(2021, 5, 4), end=D(2022, 1, 10))
    second = plan(person, D(2024, 3, 1))
    assert first.previous_plans == 0 and not first.is_second_or_subsequent
    assert second.previous_plans == 1 and second.is_second_or_subsequent


def test_first_core_group_within_10_working_days_of_the_initial_conference_even_over_a_closure_day():
    # Plan made at the initial conference on Wed 16 Apr 2025. Working days after it: Thu 17 (1), Good Friday
    # 18
    # and Easter Monday 21 are bank holidays, 22-25 (5), 28-30 (8), Thu 1 May (9), Fri 2 May (10): due Fri 2
    # May.
    # A council closure day on Tue 29 Apr does not move it: the timescale is Working Together's, not the
    # council's.
    from protection.models import CoreGroupMeeting
    from timescales.due import due_items
    from timescales.models import ClosureDay

    ClosureDay.objects.create(date=D(2025, 4, 29), name="Staff training day")
    person = child()
    cp_plan = plan(person, D(2025, 4, 16))
    [item] = [i for i in due_items([person.pk], D(2025, 4, 17)) if i.timescale == "CP_CORE_GROUP_FIRST"]
    assert item.due == D(2025, 5, 2)
    # The child protection visit, the council's own standard in working days, is moved by the closure day:
    # 10 council working days after the plan start skip 29 Apr as well -> Tue 6 May (Mon 5 May is a bank
    # holiday).
    [visit] = [i for i in due_items([person.pk], D(2025, 4, 17)) if i.timescale == "CP_VISIT"]
    assert visit.due == D(2025, 5, 6)
    CoreGroupMeeting.objects.create(plan=cp_plan, person=person, held_on=D(2025, 4, 30))
    assert not [i for i in due_items([person.pk], D(2025, 5, 1)) if i.timescale == "CP_CORE_GROUP_FIRST"]
