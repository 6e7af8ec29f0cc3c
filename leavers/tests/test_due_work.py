"""Care leavers' due work and the OC3 birthday information, from real periods of care."""

import datetime

import pytest

from access.models import TeamKind
from care import services
from care.codes import ReasonEpisodeCeased
from leavers.due import adviser_visit_due
from leavers.models import (
    Accommodation,
    BirthdaySnapshot,
    KeepingInTouch,
    LeavingCareNeedsAssessment,
    PathwayPlan,
    PathwayPlanReview,
    StayingCloseConsideration,
)
from leavers.services import allocate_personal_adviser
from leavers.snapshots import snapshots_due
from tests.factories import make_team, make_user
from tests.factories.care import child_in_care
from timescales.due import due_items

pytestmark = pytest.mark.django_db
D = datetime.date
BORN = D(2009, 5, 10)  # 16 on 10 May 2025, 17 on 10 May 2026, 18 on 10 May 2027, 25 on 10 May 2034


def left_care(start, end, born=BORN, reason=ReasonEpisodeCeased.INDEPENDENT_SUPPORTED):
    period = child_in_care(start=start, birth_date=born)
    services.end_care(period, end_date=end, reason_ceased=reason)
    return period.person


def due(person, on, code):
    return [item for item in due_items([person.pk], on) if item.timescale == code]


def test_an_eligible_child_needs_an_adviser_then_a_needs_assessment_within_3_months_then_the_pathway_plan():
    # In care from 1 January 2025: the first night after the 16th birthday makes them eligible on Sun 11 May
    # 2025. The adviser is due from then; the needs assessment within 3 months, 11 Aug 2025 (reg 42(1)); the
    # pathway plan follows it, so by the same day.
    person = child_in_care(start=D(2025, 1, 1), birth_date=BORN).person
    [adviser_due] = due(person, D(2025, 6, 1), "PERSONAL_ADVISER_FROM_16")
    assert adviser_due.what == "Allocate a personal adviser" and adviser_due.due == D(2025, 5, 11)
    [assessment] = due(person, D(2025, 6, 1), "LEAVING_CARE_NEEDS_ASSESSMENT")
    [plan] = due(person, D(2025, 6, 1), "PATHWAY_PLAN")
    assert assessment.due == plan.due == D(2025, 8, 11)
    adviser = make_user(teams=[make_team(kind=TeamKind.LEAVING_CARE)])
    allocate_personal_adviser(person, adviser, adviser.teams.first(), D(2025, 5, 12))
    assert not due(person, D(2025, 6, 1), "PERSONAL_ADVISER_FROM_16")
    # Assessed late, on Mon 1 Sep 2025: the plan, which follows it, is due that day.
    LeavingCareNeedsAssessment.objects.create(person=person, completed_on=D(2025, 9, 1))
    assert not due(person, D(2025, 9, 2), "LEAVING_CARE_NEEDS_ASSESSMENT")
    assert due(person, D(2025, 9, 2), "PATHWAY_PLAN")[0].due == D(2025, 9, 1)
    PathwayPlan.objects.create(person=person, started_on=D(2025, 9, 3))
    assert not due(person, D(2025, 9, 4), "PATHWAY_PLAN")


def test_eligible_after_16_counts_3_months_from_becoming_eligible():
    # In care from Sat 31 Aug 2024, born 1 Jan 2008 (16 on 1 Jan 2024): 13 weeks since 14 are reached after
    # 91 nights, on Sat 30 Nov 2024; the needs assessment is due 3 months on, 28 Feb 2025 (no 30 Feb).
    person = child_in_care(start=D(2024, 8, 31), birth_date=D(2008, 1, 1)).person
    [assessment] = due(person, D(2024, 12, 1), "LEAVING_CARE_NEEDS_ASSESSMENT")
    assert assessment.due == D(2025, 2, 28)


def test_pathway_plan_reviewed_within_six_months_of_the_last_review():
    # Plan started 31 August 2025: first review due 28 February 2026 (no 31st, and 2026 is not a leap year).
    # Reviewed 27 February 2026: next due 27 August 2026.
    person = left_care(D(2025, 1, 1), D(2025, 8, 1))
    plan = PathwayPlan.objects.create(person=person, started_on=D(2025, 8, 31))
    assert plan.next_review_due == D(2026, 2, 28)
    PathwayPlanReview.objects.create(plan=plan, reviewed_on=D(2026, 2, 27))
    plan.refresh_from_db()
    [item] = due(person, D(2026, 3, 1), "PATHWAY_PLAN_REVIEW")
    assert item.due == plan.next_review_due == D(2026, 8, 27)


def test_staying_close_is_assessed_within_3_months_of_becoming_former_relevant_and_can_be_overdue():
    # Former relevant from the 18th birthday, Mon 10 May 2027: the assessment is due by 10 Aug 2027, the
    # council's standard, and is overdue from 11 Aug, long before the 25th birthday (10 May 2034).
    person = left_care(D(2025, 1, 1), D(2027, 5, 10), reason=ReasonEpisodeCeased.STAYING_PUT)
    assert not due(person, D(2027, 5, 9), "STAYING_CLOSE_ASSESSMENT")  # still 17 and in care
    [item] = due(person, D(2027, 8, 11), "STAYING_CLOSE_ASSESSMENT")
    assert item.due == D(2027, 8, 10) and item.overdue_on(D(2027, 8, 11))
    StayingCloseConsideration.objects.create(
        person=person, considered_on=D(2027, 8, 12), considered_by=make_user(), decision="not_required"
    )
    assert not due(person, D(2027, 8, 13), "STAYING_CLOSE_ASSESSMENT")


def test_personal_adviser_visits_accommodation_the_council_provides():
    # A relevant child (left care at 16) moves on Mon 2 Jun 2025 into supported lodgings the council provides:
    # a visit within 7 days, Mon 9 Jun; visited Fri 6 Jun, then at most 2 months later, 6 Aug 2025.
    person = left_care(D(2025, 1, 1), D(2025, 5, 31))
    Accommodation.objects.create(
        person=person, from_date=D(2025, 6, 2), kind="E", suitable=True, provided_by_council=True
    )
    [item] = due(person, D(2025, 6, 3), "PERSONAL_ADVISER_VISIT_AFTER_MOVE")
    assert item.due == D(2025, 6, 9)
    KeepingInTouch.objects.create(
        person=person, contacted_on=D(2025, 6, 6), in_touch="YES", visit_at_accommodation=True
    )
    [item] = due(person, D(2025, 6, 7), "PERSONAL_ADVISER_VISIT")
    assert item.due == D(2025, 8, 6)
    # A pathway plan started Thu 5 Jun, reviewed Fri 1 Aug: its next review, 1 Feb 2026, needs a visit
    # before it; the visit on 6 Jun came before the last review, so the 2-monthly visit (6 Aug) is due first.
    plan = PathwayPlan.objects.create(person=person, started_on=D(2025, 6, 5))
    PathwayPlanReview.objects.create(plan=plan, reviewed_on=D(2025, 8, 1))
    assert due(person, D(2025, 8, 2), "PERSONAL_ADVISER_VISIT")[0].due == D(2025, 8, 6)
    # Accommodation not provided by the council: no visits are due under reg 8(2).
    Accommodation.objects.create(person=person, from_date=D(2025, 8, 3), kind="U", suitable=True)
    assert not due(person, D(2025, 8, 4), "PERSONAL_ADVISER_VISIT")


def test_adviser_visit_before_each_pathway_plan_review():
    # Moved in 1 Mar 2025, visited 3 Mar and 30 Apr; the plan was last reviewed 1 May and its next review is
    # due
    # 20 Jun. The 2-monthly visit falls on 30 Jun, but a visit is needed before the review: due 20 Jun.
    assert adviser_visit_due(
        D(2025, 3, 1), [D(2025, 3, 3), D(2025, 4, 30)], D(2025, 5, 1), D(2025, 6, 20)
    ) == (D(2025, 6, 20), "PERSONAL_ADVISER_VISIT")
    # Visited after that review (10 Jun): the review is covered; next by 10 Aug.
    assert adviser_visit_due(
        D(2025, 3, 1), [D(2025, 3, 3), D(2025, 6, 10)], D(2025, 5, 1), D(2025, 6, 20)
    ) == (D(2025, 8, 10), "PERSONAL_ADVISER_VISIT")


def test_oc3_birthday_snapshot_due_for_a_relevant_child_at_17_within_a_month_of_the_birthday():
    # Left care at 16 on 31 May 2025 after 151 nights; 17th birthday 10 May 2026 falls in 2026-27, so the
    # information is due by 10 June 2026.
    person = left_care(D(2025, 1, 1), D(2025, 5, 31))
    [row] = snapshots_due(D(2026, 11, 23), [person.pk])
    assert (row.age, row.birthday, row.due, row.snapshot) == (17, D(2026, 5, 10), D(2026, 6, 10), None)
    [item] = due(person, D(2026, 11, 23), "CARE_LEAVER_BIRTHDAY_INFORMATION")
    assert item.what == "Record care leaver information at 17"
    BirthdaySnapshot.objects.create(
        person=person,
        age=17,
        in_touch="YES",
        activity="F2",
        accommodation="B",
        accommodation_suitable=True,
        recorded_on=D(2026, 5, 20),
    )
    assert not due(person, D(2026, 11, 23), "CARE_LEAVER_BIRTHDAY_INFORMATION")
    assert snapshots_due(D(2026, 11, 23), [person.pk])[0].snapshot.accommodation_code == "B1"


def test_no_oc3_for_a_17_year_old_still_in_care_or_one_adopted():
    in_care = child_in_care(start=D(2025, 1, 1), birth_date=BORN).person
    adopted = left_care(D(2025, 1, 1), D(2025, 9, 1), reason=ReasonEpisodeCeased.ADOPTED_UNOPPOSED)
    assert snapshots_due(D(2026, 11, 23), [in_care.pk, adopted.pk]) == []


def test_former_relevant_21_year_old_is_in_the_cohort_but_22_is_not():
    # Born 10 May 2005 and 10 May 2004; both in care 2021 to their 18th birthdays. In 2026-27 the first turns
    # 21.
    at_21 = left_care(
        D(2021, 1, 1), D(2023, 5, 10), born=D(2005, 5, 10), reason=ReasonEpisodeCeased.STAYING_PUT
    )
    at_22 = left_care(
        D(2020, 1, 1), D(2022, 5, 10), born=D(2004, 5, 10), reason=ReasonEpisodeCeased.STAYING_PUT
    )
    assert [(row.person, row.age) for row in snapshots_due(D(2026, 11, 23), [at_21.pk, at_22.pk])] == [
        (at_21, 21)
    ]


def test_snapshot_rules_follow_the_903():
    person = left_care(D(2025, 1, 1), D(2025, 5, 31))
    with pytest.raises(Exception, match="In touch"):
        BirthdaySnapshot(person=person, age=17, in_touch="YES", recorded_on=D(2026, 5, 20)).full_clean()
    with pytest.raises(Exception, match="died or returned home"):
        BirthdaySnapshot(
            person=person, age=17, in_touch="RHOM", activity="G5", recorded_on=D(2026, 5, 20)
        ).full_clean()
    not_in_touch = BirthdaySnapshot(person=person, age=17, in_touch="NO", recorded_on=D(2026, 5, 20))
    not_in_touch.full_clean()
    assert (not_in_touch.activity_code, not_in_touch.accommodation_code) == ("0", "0")
