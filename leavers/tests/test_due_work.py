"""Care leavers' due work and the OC3 birthday information, from real periods of care."""
import datetime

import pytest

from access.models import TeamKind
from care import services
from care.codes import ReasonEpisodeCeased
from care.tests.builders import child_in_care
from leavers.models import BirthdaySnapshot, PathwayPlan, PathwayPlanReview, StayingCloseConsideration
from leavers.services import allocate_personal_adviser
from leavers.snapshots import snapshots_due
from tests.factories import make_team, make_user
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


def test_an_eligible_child_needs_an_adviser_and_a_pathway_plan_from_the_day_they_become_eligible():
    # In care from 1 January 2025: the first night after the 16th birthday makes them eligible on 11 May 2025.
    person = child_in_care(start=D(2025, 1, 1), birth_date=BORN).person
    items = {item.what: item for item in due(person, D(2025, 6, 1), "PERSONAL_ADVISER_FROM_16")}
    assert items["Allocate a personal adviser"].due == D(2025, 5, 11)
    assert items["Prepare the pathway plan"].due == D(2025, 5, 11)
    adviser = make_user(teams=[make_team(kind=TeamKind.LEAVING_CARE)])
    allocate_personal_adviser(person, adviser, adviser.teams.first(), D(2025, 5, 12))
    assert [item.what for item in due(person, D(2025, 6, 1), "PERSONAL_ADVISER_FROM_16")] == ["Prepare the pathway plan"]


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


def test_staying_close_is_due_for_former_relevant_children_until_considered():
    person = left_care(D(2025, 1, 1), D(2027, 5, 10), reason=ReasonEpisodeCeased.STAYING_PUT)
    assert not due(person, D(2027, 5, 9), "STAYING_CLOSE_TO_25")  # still 17 and in care
    [item] = due(person, D(2027, 6, 1), "STAYING_CLOSE_TO_25")
    assert item.due == D(2034, 5, 10)
    StayingCloseConsideration.objects.create(person=person, considered_on=D(2027, 6, 1),
                                             considered_by=make_user(), decision="not_required")
    assert not due(person, D(2027, 6, 2), "STAYING_CLOSE_TO_25")


def test_oc3_birthday_snapshot_due_for_a_relevant_child_at_17_within_a_month_of_the_birthday():
    # Left care at 16 on 31 May 2025 after 151 nights; 17th birthday 10 May 2026 falls in 2026-27, so the
    # information is due by 10 June 2026.
    person = left_care(D(2025, 1, 1), D(2025, 5, 31))
    [row] = snapshots_due(D(2026, 11, 23), [person.pk])
    assert (row.age, row.birthday, row.due, row.snapshot) == (17, D(2026, 5, 10), D(2026, 6, 10), None)
    [item] = due(person, D(2026, 11, 23), "CARE_LEAVER_BIRTHDAY_INFORMATION")
    assert item.what == "Record care leaver information at 17"
    BirthdaySnapshot.objects.create(person=person, age=17, in_touch="YES", activity="F2", accommodation="B",
                                    accommodation_suitable=True, recorded_on=D(2026, 5, 20))
    assert not due(person, D(2026, 11, 23), "CARE_LEAVER_BIRTHDAY_INFORMATION")
    assert snapshots_due(D(2026, 11, 23), [person.pk])[0].snapshot.accommodation_code == "B1"


def test_no_oc3_for_a_17_year_old_still_in_care_or_one_adopted():
    in_care = child_in_care(start=D(2025, 1, 1), birth_date=BORN).person
    adopted = left_care(D(2025, 1, 1), D(2025, 9, 1), reason=ReasonEpisodeCeased.ADOPTED_UNOPPOSED)
    assert snapshots_due(D(2026, 11, 23), [in_care.pk, adopted.pk]) == []


def test_former_relevant_21_year_old_is_in_the_cohort_but_22_is_not():
    # Born 10 May 2005 and 10 May 2004; both in care 2021 to their 18th birthdays. In 2026-27 the first turns 21.
    at_21 = left_care(D(2021, 1, 1), D(2023, 5, 10), born=D(2005, 5, 10), reason=ReasonEpisodeCeased.STAYING_PUT)
    at_22 = left_care(D(2020, 1, 1), D(2022, 5, 10), born=D(2004, 5, 10), reason=ReasonEpisodeCeased.STAYING_PUT)
    assert [(row.person, row.age) for row in snapshots_due(D(2026, 11, 23), [at_21.pk, at_22.pk])] == [(at_21, 21)]


def test_snapshot_rules_follow_the_903():
    person = left_care(D(2025, 1, 1), D(2025, 5, 31))
    with pytest.raises(Exception, match="In touch"):
        BirthdaySnapshot(person=person, age=17, in_touch="YES", recorded_on=D(2026, 5, 20)).full_clean()
    with pytest.raises(Exception, match="died or returned home"):
        BirthdaySnapshot(person=person, age=17, in_touch="RHOM", activity="G5", recorded_on=D(2026, 5, 20)).full_clean()
    not_in_touch = BirthdaySnapshot(person=person, age=17, in_touch="NO", recorded_on=D(2026, 5, 20))
    not_in_touch.full_clean()
    assert (not_in_touch.activity_code, not_in_touch.accommodation_code) == ("0", "0")
