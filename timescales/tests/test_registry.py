"""The timescales registry: due dates worked out by hand, and councils' local standards."""
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from timescales import registry
from timescales.registry import Unit, all_timescales, birthday, check_overrides, get, health_review_code
from timescales.workdays import Calendar

ENGLAND = Calendar()
HALF_TERM = (date(2025, 10, 27), date(2025, 10, 31))


def test_every_timescale_has_a_source_a_positive_amount_and_a_unique_code():
    timescales = all_timescales()
    assert len({t.code for t in timescales}) == len(timescales)
    for timescale in timescales:
        assert timescale.source.strip(), timescale.code
        assert timescale.name.strip() and timescale.starts_from.strip(), timescale.code
        assert isinstance(timescale.amount, int) and timescale.amount > 0, timescale.code
        assert isinstance(timescale.unit, Unit), timescale.code
        if timescale.statutory_limit is not None:
            assert timescale.local_standard and timescale.amount <= timescale.statutory_limit, timescale.code


def test_the_docs_page_lists_every_timescale():
    page = (Path(__file__).resolve().parents[2] / "docs" / "timescales.md").read_text()
    missing = [t.code for t in all_timescales() if f"`{t.code}`" not in page]
    assert not missing


def test_contact_decision_over_easter():
    # Contact received Thu 17 Apr 2025; Good Friday 18 and Easter Monday 21 -> decision due Tue 22 Apr.
    assert get("CONTACT_DECISION").due(date(2025, 4, 17), ENGLAND) == date(2025, 4, 22)


def test_assessment_45_working_days():
    # Referral Sat 1 Mar 2025 -> 45th working day Wed 7 May (worked through in test_workdays).
    assessment = get("ASSESSMENT")
    assert assessment.due(date(2025, 3, 1), ENGLAND) == date(2025, 5, 7)
    assert assessment.on_time(date(2025, 3, 1), date(2025, 5, 7), ENGLAND)
    assert not assessment.on_time(date(2025, 3, 1), date(2025, 5, 8), ENGLAND)


def test_icpc_15_working_days_with_christmas_closure():
    # Strategy discussion Wed 10 Dec 2025, council closed 29-31 Dec -> Thu 8 Jan 2026 (see test_workdays).
    council = Calendar(closure_days=[date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31)])
    assert get("ICPC").due(date(2025, 12, 10), council) == date(2026, 1, 8)


def test_first_looked_after_review_over_easter():
    # Looked after Tue 1 Apr 2025. Working days after it: 2-4 Apr (3), 7-11 (8), 14-17 (12),
    # 18 Good Friday, 21 Easter Monday, 22-25 (16), 28-30 (19), Thu 1 May (20).
    assert get("CLA_REVIEW_FIRST").due(date(2025, 4, 1), ENGLAND) == date(2025, 5, 1)
    assert get("CLA_HEALTH_INITIAL").due(date(2025, 4, 1), ENGLAND) == date(2025, 5, 1)


def test_three_months_from_29_november_is_29_february_in_a_leap_year():
    # ICPC Wed 29 Nov 2023 + 3 months = 29 Feb 2024 (2024 is a leap year).
    assert get("CP_REVIEW_FIRST").due(date(2023, 11, 29)) == date(2024, 2, 29)
    # The same in 2024: 29 Nov 2024 + 3 months = 28 Feb 2025, the last day of February.
    assert get("CP_REVIEW_FIRST").due(date(2024, 11, 29)) == date(2025, 2, 28)


def test_twelve_months_from_29_february_is_28_february():
    # Health assessment Thu 29 Feb 2024 + 12 months: no 29 Feb 2025, so the last day of Feb, Fri 28.
    assert get("CLA_HEALTH_REVIEW").due(date(2024, 2, 29)) == date(2025, 2, 28)
    assert get("CLA_DENTAL").due(date(2024, 2, 29)) == date(2025, 2, 28)
    # 31 Aug 2024 + 6 months would be 31 Feb 2025, which does not exist -> the month's last day, 28 Feb.
    assert get("CP_REVIEW_SUBSEQUENT").due(date(2024, 8, 31)) == date(2025, 2, 28)


def test_a_calendar_deadline_on_a_weekend_or_bank_holiday_is_not_moved():
    # First review Fri 6 Jun 2025 + 3 months = Sat 6 Sep 2025: the law's deadline is the Saturday,
    # so the review is due then; the last working day to hold it is Fri 5 Sep.
    due = get("CLA_REVIEW_SECOND").due(date(2025, 6, 6))
    assert due == date(2025, 9, 6)
    assert ENGLAND.working_day_on_or_before(due) == date(2025, 9, 5)
    # Review Tue 26 Nov 2024 + 6 months = Mon 26 May 2025, the spring bank holiday -> hold by Fri 23 May.
    due = get("CP_REVIEW_SUBSEQUENT").due(date(2024, 11, 26))
    assert due == date(2025, 5, 26)
    assert ENGLAND.working_day_on_or_before(due) == date(2025, 5, 23)


def test_weeks_and_calendar_days():
    # Visit Fri 12 Dec 2025 + 6 weeks (42 days): 19 days to 31 Dec, 23 more -> Fri 23 Jan 2026.
    assert get("CLA_VISIT").due(date(2025, 12, 12)) == date(2026, 1, 23)
    # Placement starts Mon 2 Jun 2025 -> first visit within one week, Mon 9 Jun.
    assert get("CLA_VISIT_FIRST").due(date(2025, 6, 2)) == date(2025, 6, 9)
    # Age assessment referral 3 Feb 2025 + 28 days: February 2025 has 28 days -> 3 Mar 2025.
    assert get("UASC_AGE_ASSESSMENT").due(date(2025, 2, 3)) == date(2025, 3, 3)
    # Pre-proceedings meeting Mon 6 Jan 2025 + 16 weeks (112 days) -> Mon 28 Apr 2025.
    assert get("PRE_PROCEEDINGS_DRIFT").due(date(2025, 1, 6)) == date(2025, 4, 28)


def test_care_proceedings_26_weeks_beginning_with_the_day_of_issue():
    # Issued Mon 5 Jan 2026. 26 weeks = 182 days; 5 Jan + 182 days = Mon 6 Jul, and because the
    # period begins with the day of issue its last day is the day before: Sun 5 Jul 2026.
    assert get("CARE_PROCEEDINGS").due(date(2026, 1, 5)) == date(2026, 7, 5)


def test_excluded_pupil_education_from_the_sixth_school_day_across_half_term():
    # First day of exclusion Wed 22 Oct 2025 is school day 1: Thu 23 (2), Fri 24 (3),
    # half term 27-31 Oct, Mon 3 Nov (4), Tue 4 (5), Wed 5 Nov (6).
    school = Calendar(school_holidays=[HALF_TERM])
    assert get("EXCLUDED_PUPIL_EDUCATION").due(date(2025, 10, 22), school) == date(2025, 11, 5)
    # Without the half term the sixth school day would be Wed 29 Oct.
    assert get("EXCLUDED_PUPIL_EDUCATION").due(date(2025, 10, 22), ENGLAND) == date(2025, 10, 29)


def test_pupil_missing_education_after_15_school_days():
    # First day absent Mon 3 Nov 2025 is day 1: 3-7 Nov (1-5), 10-14 (6-10), 17-21 (11-15) -> Fri 21 Nov.
    assert get("PUPIL_MISSING_EDUCATION").due(date(2025, 11, 3), ENGLAND) == date(2025, 11, 21)


def test_ages_for_care_leavers():
    # Born 14 Jun 2001: personal adviser duty from 14 Jun 2017, support to 14 Jun 2026.
    assert get("PERSONAL_ADVISER_FROM_16").due(date(2001, 6, 14)) == date(2017, 6, 14)
    assert get("CARE_LEAVER_SUPPORT_TO_25").due(date(2001, 6, 14)) == date(2026, 6, 14)
    assert get("STAYING_CLOSE_TO_25").due(date(2001, 6, 14)) == date(2026, 6, 14)
    # Born 29 Feb 2008: 16 on 29 Feb 2024 (a leap year); 25 in 2033, a common year -> 1 Mar 2033.
    assert birthday(date(2008, 2, 29), 16) == date(2024, 2, 29)
    assert get("CARE_LEAVER_SUPPORT_TO_25").due(date(2008, 2, 29)) == date(2033, 3, 1)


def test_health_review_is_six_monthly_before_the_fifth_birthday():
    # Born 10 Jan 2021, fifth birthday 10 Jan 2026.
    assert health_review_code(date(2021, 1, 10), date(2026, 1, 9)) == "CLA_HEALTH_REVIEW_UNDER_5"
    assert health_review_code(date(2021, 1, 10), date(2026, 1, 10)) == "CLA_HEALTH_REVIEW"
    # Assessed Fri 9 Jan 2026 at 4 -> next within 6 months, Thu 9 Jul 2026.
    assert get("CLA_HEALTH_REVIEW_UNDER_5").due(date(2026, 1, 9)) == date(2026, 7, 9)


def test_describe():
    assert get("ASSESSMENT").describe() == "45 working days"
    assert get("CONTACT_DECISION").describe() == "1 working day"
    assert get("STAYING_CLOSE_TO_25").describe() == "age 25"


def test_unknown_code():
    with pytest.raises(KeyError):
        get("NOT_A_TIMESCALE")


def test_a_council_tightens_a_local_standard(settings):
    settings.THRIVE_TIMESCALE_OVERRIDES = {"CLA_VISIT": 4, "CP_VISIT": 5}
    # Visit Fri 12 Dec 2025 + 4 weeks (28 days) -> Fri 9 Jan 2026.
    assert get("CLA_VISIT").amount == 4
    assert get("CLA_VISIT").due(date(2025, 12, 12)) == date(2026, 1, 9)
    # Visit Mon 1 Dec 2025 + 5 working days -> Mon 8 Dec.
    assert get("CP_VISIT").due(date(2025, 12, 1), ENGLAND) == date(2025, 12, 8)
    assert {t.code: t.amount for t in all_timescales()}["CLA_VISIT"] == 4
    assert check_overrides() == []
    # The declared standard is untouched for everyone else.
    assert registry._DECLARED["CLA_VISIT"].amount == 6


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"ASSESSMENT": 40}, "not a local standard"),
        ({"CLA_VISIT": 8}, "cannot be longer than the statutory 6 weeks"),
        ({"CP_VISIT": 0}, "positive whole number"),
        ({"CP_VISIT": "10"}, "positive whole number"),
        ({"NO_SUCH_CODE": 3}, "not a timescale code"),
    ],
)
def test_a_bad_override_is_refused(settings, overrides, message):
    settings.THRIVE_TIMESCALE_OVERRIDES = overrides
    errors = check_overrides()
    assert len(errors) == 1 and message in errors[0].msg
    with pytest.raises(ImproperlyConfigured, match=message):
        get("CP_VISIT")
