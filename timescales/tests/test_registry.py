"""The timescales registry: due dates worked out by hand, and councils' local standards."""

from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured

from timescales import legal_table, registry
from timescales.dates import birthday
from timescales.health_needs import health_needs_education_due
from timescales.registry import Basis, Unit, all_timescales, check_overrides, get, health_review_code
from timescales.workdays import Calendar

ENGLAND = Calendar()
HALF_TERM = (date(2025, 10, 27), date(2025, 10, 31))


def test_every_timescale_has_a_source_a_basis_a_positive_amount_and_a_unique_code():
    timescales = all_timescales()
    assert len({t.code for t in timescales}) == len(timescales)
    for timescale in timescales:
        assert timescale.source.strip(), timescale.code
        assert timescale.name.strip() and timescale.starts_from.strip(), timescale.code
        assert isinstance(timescale.amount, int) and timescale.amount > 0, timescale.code
        assert isinstance(timescale.unit, Unit) and isinstance(timescale.basis, Basis), timescale.code
        assert timescale.counting(), timescale.code
        if timescale.statutory_limit is not None:
            assert timescale.local_standard and timescale.amount <= timescale.statutory_limit, timescale.code
        # A local standard says it is the council's; one set in law cites an Act's section or a regulation.
        if timescale.basis == Basis.LOCAL:
            assert timescale.source.startswith("The council's"), timescale.code
        if timescale.basis == Basis.LAW:
            assert " reg " in timescale.source or " s" in timescale.source or "Sch " in timescale.source, (
                timescale.code
            )


def test_the_docs_page_is_the_registry_table():
    """docs/timescales.md carries the table made from the registry: run `manage.py timescales_table
    --write`."""
    page = legal_table.current_page()
    assert page == legal_table.page_with_table(page)
    missing = [t.code for t in all_timescales() if f"`{t.code}`" not in page]
    assert not missing


def test_statutory_and_local_are_marked():
    assert get("ICPC").statutory and get("CARE_PLAN").statutory and get("ASSESSMENT").statutory
    assert not get("CP_VISIT").statutory and get("CP_VISIT").basis == Basis.LOCAL
    assert get("RE_REFERRAL_WINDOW").basis == Basis.DATA and not get("RE_REFERRAL_WINDOW").local_standard
    # A legal maximum the council may tighten is statutory, and still overridable.
    assert get("CLA_VISIT").statutory and get("CLA_VISIT").local_standard


def test_a_closure_day_moves_a_local_deadline_but_not_a_statutory_one():
    # The council is closed Mon 29 to Wed 31 Dec 2025. A strategy discussion on Wed 10 Dec: the ICPC (15
    # statutory working days) is due Mon 5 Jan 2026 whether or not the council is closed (worked in
    # test_workdays). A child protection visit on Wed 17 Dec (local standard, 10 council working days):
    # Thu 18 (1), Fri 19 (2), 22-24 (3-5), 25-26 bank holidays, 29-31 closed, 1 Jan bank holiday,
    # Fri 2 Jan (6), Mon 5 - Thu 8 (7-10) -> Thu 8 Jan; without the closures it would be Mon 5 Jan.
    council = Calendar(closure_days=[date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31)])
    assert get("ICPC").due(date(2025, 12, 10), council) == date(2026, 1, 5)
    assert get("ICPC").due(date(2025, 12, 10), ENGLAND) == date(2026, 1, 5)
    assert get("CP_VISIT").due(date(2025, 12, 17), council) == date(2026, 1, 8)
    assert get("CP_VISIT").due(date(2025, 12, 17), ENGLAND) == date(2026, 1, 5)
    # The same for reg 33's first review and reg 4(2)'s care plan: a closure day never extends them.
    assert get("CLA_REVIEW_FIRST").due(date(2025, 12, 10), council) == get("CLA_REVIEW_FIRST").due(
        date(2025, 12, 10), ENGLAND
    )


def test_care_plan_placement_plan_and_notice_over_the_may_bank_holiday():
    # First placement Wed 30 Apr 2025. Working days after it: Thu 1 May (1), Fri 2 (2), Mon 5 early May
    # bank holiday, Tue 6 (3), Wed 7 (4), Thu 8 (5) -> placement plan and notice due Thu 8 May;
    # Fri 9 (6), 12-15 (7-10) -> care plan due Thu 15 May.
    assert get("PLACEMENT_PLAN").due(date(2025, 4, 30), ENGLAND) == date(2025, 5, 8)
    assert get("PLACEMENT_NOTICE").due(date(2025, 4, 30), ENGLAND) == date(2025, 5, 8)
    assert get("CARE_PLAN").due(date(2025, 4, 30), ENGLAND) == date(2025, 5, 15)


def test_connected_person_approval_16_weeks_then_8_more():
    # Temporarily approved Mon 6 Jan 2025. 16 weeks including the day of approval: 6 Jan + 112 days is
    # Mon 28 Apr, so the last day approved is Sun 27 Apr 2025 (the expiry day itself is still approved).
    first = get("CONNECTED_PERSON_APPROVAL").due(date(2025, 1, 6))
    assert first == date(2025, 4, 27)
    # One extension of up to 8 weeks (56 days) runs from then: Sun 22 Jun 2025.
    assert get("CONNECTED_PERSON_EXTENSION").due(first) == date(2025, 6, 22)
    # Approved on leap day Thu 29 Feb 2024: + 111 days -> Sun 19 Jun 2024 (February has 29 days).
    assert get("CONNECTED_PERSON_APPROVAL").due(date(2024, 2, 29)) == date(2024, 6, 19)


def test_health_needs_education_is_a_threshold_of_15_school_days_cumulative():
    # Ill on Mon 3 - Fri 7 Nov 2025 (5 school days), then Mon 17 - Fri 21 Nov (10), then from Mon 1 Dec:
    # 1 (11), 2 (12), 3 (13), 4 (14), 5 Dec (15) -> due Fri 5 Dec 2025, the 15th day missed in all.
    missed = (
        [date(2025, 11, d) for d in range(3, 8)]
        + [date(2025, 11, d) for d in range(17, 22)]
        + [date(2025, 12, d) for d in range(1, 6)]
    )
    assert health_needs_education_due(missed, calendar=ENGLAND) == date(2025, 12, 5)
    # A weekend or half-term day marked absent is not a school day missed, and a day given twice counts once.
    school = Calendar(school_holidays=[HALF_TERM])
    assert (
        health_needs_education_due(
            missed[:14] + [date(2025, 10, 28), date(2025, 11, 8), missed[0]], calendar=school
        )
        is None
    )
    # Forward-looking: a consultant's letter on Tue 4 Nov 2025 says a 4-week absence is ahead -> due that day.
    assert health_needs_education_due(missed[:2], known_on=date(2025, 11, 4), calendar=ENGLAND) == date(
        2025, 11, 4
    )
    assert health_needs_education_due([], calendar=ENGLAND) is None


def test_contact_decision_over_easter():
    # Contact received Thu 17 Apr 2025; Good Friday 18 and Easter Monday 21 -> decision due Tue 22 Apr.
    assert get("CONTACT_DECISION").due(date(2025, 4, 17), ENGLAND) == date(2025, 4, 22)


def test_assessment_45_working_days():
    # Referral Sat 1 Mar 2025 -> 45th working day Wed 7 May (worked through in test_workdays).
    assessment = get("ASSESSMENT")
    assert assessment.due(date(2025, 3, 1), ENGLAND) == date(2025, 5, 7)
    assert assessment.on_time(date(2025, 3, 1), date(2025, 5, 7), ENGLAND)
    assert not assessment.on_time(date(2025, 3, 1), date(2025, 5, 8), ENGLAND)


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


def test_ages_for_care_leavers():
    # Born 14 Jun 2001: personal adviser duty from 14 Jun 2017, support to 14 Jun 2026.
    assert get("PERSONAL_ADVISER_FROM_16").due(date(2001, 6, 14)) == date(2017, 6, 14)
    assert get("CARE_LEAVER_SUPPORT_TO_25").due(date(2001, 6, 14)) == date(2026, 6, 14)
    assert get("STAYING_CLOSE_TO_25").due(date(2001, 6, 14)) == date(2026, 6, 14)
    # The Staying Close assessment is the council's standard: 3 months from becoming a former relevant
    # child (18 on 14 Jun 2019) -> 14 Sep 2019, long before the 25th birthday.
    assert get("STAYING_CLOSE_ASSESSMENT").due(date(2019, 6, 14)) == date(2019, 9, 14)
    # Needs assessment of an eligible child: 16 on Sat 31 Aug 2024 + 3 months -> 30 Nov 2024 (no 31 Nov).
    assert get("LEAVING_CARE_NEEDS_ASSESSMENT").due(date(2024, 8, 31)) == date(2024, 11, 30)
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
