"""The due-work list across apps: what it contains for a child, in due-date order."""

import datetime

import pytest

from familyhelp.models import Assessment
from proceedings.models import FGDMOffer, PreProceedings
from protection.codes import AbuseCategory
from protection.models import ChildProtectionPlan, Visit, VisitKind
from tests.factories.journey import child, referral, worker
from timescales.due import due_items

pytestmark = pytest.mark.django_db
D = datetime.date


def test_open_assessment_is_due_and_flagged_once_past_45_working_days():
    person = child()
    ref = referral(person, D(2025, 3, 3))
    Assessment.objects.create(referral=ref, person=person, start_date=D(2025, 3, 4))
    [on_day] = [i for i in due_items([person.pk], D(2025, 5, 8)) if i.timescale == "ASSESSMENT"]
    assert on_day.due == D(2025, 5, 8) and not on_day.drift and not on_day.overdue_on(D(2025, 5, 8))
    [next_day] = [i for i in due_items([person.pk], D(2025, 5, 9)) if i.timescale == "ASSESSMENT"]
    assert next_day.drift and next_day.overdue_on(D(2025, 5, 9))


def test_completed_assessment_is_not_due():
    person = child()
    ref = referral(person, D(2025, 3, 3))
    Assessment.objects.create(
        referral=ref, person=person, start_date=D(2025, 3, 4), authorisation_date=D(2025, 4, 1)
    )
    assert not [i for i in due_items([person.pk], D(2025, 5, 9)) if i.timescale == "ASSESSMENT"]


def test_cp_plan_brings_review_visit_and_drift_after_18_months():
    # Plan started 2 January 2024: first review due 2 April 2024; no visit yet, so a visit is due
    # 10 working days after the start (2 Jan + 10 working days = 16 January 2024); 18 months on is
    # 2 July 2025, so on 3 July 2025 the plan is flagged for drift.
    person = child()
    ref = referral(person, D(2023, 12, 1))
    ChildProtectionPlan.objects.create(
        referral=ref,
        person=person,
        start_date=D(2024, 1, 2),
        initial_category=AbuseCategory.NEGLECT,
        latest_category=AbuseCategory.NEGLECT,
    )
    items = {i.timescale: i for i in due_items([person.pk], D(2025, 7, 3))}
    assert items["CP_REVIEW_FIRST"].due == D(2024, 4, 2)
    assert items["CP_VISIT"].due == D(2024, 1, 16)
    assert items["CP_PLAN_DRIFT"].due == D(2025, 7, 2) and items["CP_PLAN_DRIFT"].drift
    assert "CP_PLAN_DRIFT" not in {i.timescale for i in due_items([person.pk], D(2025, 7, 1))}


def test_cp_visit_due_counts_from_the_last_visit_where_the_child_was_seen():
    person = child()
    ref = referral(person, D(2023, 12, 1))
    ChildProtectionPlan.objects.create(
        referral=ref,
        person=person,
        start_date=D(2024, 1, 2),
        initial_category=AbuseCategory.NEGLECT,
        latest_category=AbuseCategory.NEGLECT,
    )
    Visit.objects.create(
        person=person, kind=VisitKind.CHILD_PROTECTION, visited_on=D(2024, 3, 1), visited_by=worker()
    )
    Visit.objects.create(
        person=person,
        kind=VisitKind.CHILD_PROTECTION,
        visited_on=D(2024, 3, 8),
        visited_by=worker(),
        child_seen=False,
    )
    # Seen Friday 1 March 2024; 10 working days on is Friday 15 March 2024.
    [visit] = [i for i in due_items([person.pk], D(2024, 3, 10)) if i.timescale == "CP_VISIT"]
    assert visit.due == D(2024, 3, 15)


def test_pre_proceedings_drift_after_16_weeks_from_the_initial_meeting():
    # Initial meeting Monday 6 January 2025 + 16 weeks = Monday 28 April 2025.
    person = child()
    ref = referral(person, D(2024, 11, 1))
    FGDMOffer.objects.create(person=person, offered_on=D(2024, 12, 1), offered_by=worker())
    PreProceedings.objects.create(
        referral=ref, person=person, start_date=D(2024, 12, 20), initial_meeting_on=D(2025, 1, 6)
    )
    [item] = [i for i in due_items([person.pk], D(2025, 4, 29)) if i.timescale == "PRE_PROCEEDINGS_DRIFT"]
    assert item.due == D(2025, 4, 28) and item.drift


def test_items_sorted_by_due_date():
    person = child()
    ref = referral(person, D(2023, 12, 1))
    ChildProtectionPlan.objects.create(
        referral=ref,
        person=person,
        start_date=D(2024, 1, 2),
        initial_category=AbuseCategory.NEGLECT,
        latest_category=AbuseCategory.NEGLECT,
    )
    Assessment.objects.create(referral=ref, person=person, start_date=D(2023, 12, 2))
    dates = [i.due for i in due_items([person.pk], D(2024, 1, 3))]
    assert dates == sorted(dates)
