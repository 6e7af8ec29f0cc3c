"""Education timescales worked out by hand on the council's school calendar (half-terms, August,
Christmas)."""

from datetime import date

import pytest

from timescales.models import SchoolHoliday
from timescales.registry import get
from timescales.workdays import Calendar, reset_default_calendar

ENGLAND = Calendar()
# Leicestershire-like 2025/26 holidays: autumn half term 27-31 Oct, Christmas 22 Dec-2 Jan, summer 2025 from
# 21 Jul.
SCHOOL = Calendar(
    school_holidays=[
        (date(2025, 7, 21), date(2025, 9, 2)),
        (date(2025, 10, 27), date(2025, 10, 31)),
        (date(2025, 12, 22), date(2026, 1, 2)),
    ]
)


def test_sixth_school_day_of_a_permanent_exclusion_across_half_term():
    # Excluded from Wed 22 Oct 2025 (day 1). School days: Thu 23 (2), Fri 24 (3); half term 27-31 Oct;
    # Mon 3 Nov (4), Tue 4 (5), Wed 5 Nov (6): education due from Wed 5 Nov.
    assert get("EXCLUDED_PUPIL_EDUCATION").due(date(2025, 10, 22), SCHOOL) == date(2025, 11, 5)


def test_sixth_school_day_from_the_last_day_before_christmas():
    # Excluded Fri 19 Dec 2025 (day 1); Christmas holiday to Fri 2 Jan; Mon 5 Jan (2) ... Fri 9 Jan (6).
    assert get("EXCLUDED_PUPIL_EDUCATION").due(date(2025, 12, 19), SCHOOL) == date(2026, 1, 9)


def test_consent_request_during_a_section_47_enquiry_counts_school_days_across_half_term():
    # Request Mon 13 Oct 2025. School days after it: 14-17 Oct (4), 20-24 Oct (9), half term 27-31 Oct,
    # 3-7 Nov (14), Mon 10 Nov (15): decision due Mon 10 Nov.
    assert get("HOME_EDUCATION_CONSENT").due(date(2025, 10, 13), SCHOOL) == date(2025, 11, 10)
    # Without the half term it would be Mon 3 Nov: the school holiday is what moves it.
    assert get("HOME_EDUCATION_CONSENT").due(date(2025, 10, 13), ENGLAND) == date(2025, 11, 3)


def test_final_ehc_plan_twenty_weeks_runs_through_august():
    # Request Tue 1 Jul 2025 + 20 weeks = Tue 18 Nov 2025: the summer holiday is not skipped (reg 13(2));
    # only the regulation 13(3) exceptions excuse it, and they are recorded on the request.
    assert get("EHC_FINAL_PLAN").due(date(2025, 7, 1), SCHOOL) == date(2025, 11, 18)
    assert get("EHC_DECISION_TO_ASSESS").due(date(2025, 7, 1), SCHOOL) == date(2025, 8, 12)  # in August


def test_ehc_timescales_from_29_february():
    # 6 weeks from Thu 29 Feb 2024 = Thu 11 Apr 2024; an annual review 12 months on = Fri 28 Feb 2025.
    assert get("EHC_DECISION_TO_ASSESS").due(date(2024, 2, 29)) == date(2024, 4, 11)
    assert get("EHC_ANNUAL_REVIEW").due(date(2024, 2, 29)) == date(2025, 2, 28)


def test_school_attendance_order_notices_run_15_days_beginning_with_service():
    # Served Fri 7 Nov 2025: day 1 is the 7th, day 15 Fri 21 Nov (s437(2), s438(4)).
    assert get("SAO_NOTICE_TO_SATISFY").due(date(2025, 11, 7)) == date(2025, 11, 21)
    assert get("SAO_SCHOOL_CHOICE").due(date(2025, 11, 7)) == date(2025, 11, 21)


def test_first_visit_to_a_child_missing_education_over_christmas():
    # Referral Fri 19 Dec 2025: working days 22, 23, 24 Dec (3); 25, 26 Dec bank holidays; 29 (4), 30 Dec (5).
    assert get("CME_FIRST_VISIT").due(date(2025, 12, 19), ENGLAND) == date(2025, 12, 30)
    # With the council closed 29-31 Dec: Fri 2 Jan (4), Mon 5 Jan 2026 (5).
    closed = Calendar(closure_days=[date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31)])
    assert get("CME_FIRST_VISIT").due(date(2025, 12, 19), closed) == date(2026, 1, 5)


def test_checks_for_a_child_missing_education_in_school_days_across_august():
    # Referral Fri 18 Jul 2025: Mon 21 Jul to Tue 2 Sep is the summer holiday; Wed 3 Sep (1) ... 20 school
    # days
    # is Tue 30 Sep 2025.
    assert get("CME_ENQUIRIES").due(date(2025, 7, 18), SCHOOL) == date(2025, 9, 30)


@pytest.mark.django_db
def test_the_due_date_stored_on_an_exclusion_uses_the_councils_school_holidays():
    from education.models import Exclusion, School
    from tests.factories import make_person

    SchoolHoliday.objects.create(
        name="Autumn half term", start_date=date(2025, 10, 27), end_date=date(2025, 10, 31)
    )
    reset_default_calendar()
    school = School.objects.create(
        urn="900001", name="Meadow High School", phase="secondary", postcode="LE1 1AA"
    )
    exclusion = Exclusion.objects.create(
        person=make_person(), school=school, kind="permanent", start_date=date(2025, 10, 22), reason="PD"
    )
    assert exclusion.provision_due == date(2025, 11, 5)
    reset_default_calendar()
