"""Re-referrals within 12 months, worked by hand (performance indicator CSC_RE_REFERRALS)."""

import datetime
from decimal import Decimal

import pytest

from frontdoor.indicators import re_referrals
from people.models import Person
from performance import periods
from tests.factories.journey import child, referral

pytestmark = pytest.mark.django_db
D = datetime.date
Q4_2024_25 = periods.parse("Q4 2024/25")  # 1 January to 31 March 2025


def by_child(figure):
    return sorted((case.person_id, case.date, case.counted) for case in figure.cases)


def test_a_quarter_of_referrals_worked_by_hand():
    alex, bea, cal, dee = child(), child(), child(), child()
    referral(alex, D(2024, 3, 1))
    referral(alex, D(2025, 1, 15))  # 10 months after the last: a re-referral
    referral(bea, D(2024, 1, 14))
    referral(bea, D(2025, 1, 15))  # the window opens on 15 January 2024: one day too late
    referral(cal, D(2025, 2, 3))
    referral(cal, D(2025, 2, 3))  # the same day: one referral, not a re-referral of the first
    referral(dee, D(2025, 1, 10))
    referral(dee, D(2025, 3, 31))  # the quarter's last day, re-referred after the one in January
    figure = re_referrals(Q4_2024_25)
    assert (figure.numerator, figure.denominator, figure.value) == (2, 5, Decimal("40.0000"))
    assert by_child(figure) == [
        (alex.pk, D(2025, 1, 15), True),
        (bea.pk, D(2025, 1, 15), False),
        (cal.pk, D(2025, 2, 3), False),
        (dee.pk, D(2025, 1, 10), False),
        (dee.pk, D(2025, 3, 31), True),
    ]


def test_exactly_12_months_after_is_a_re_referral_and_a_day_more_is_not():
    on_time, too_late = child(), child()
    referral(on_time, D(2024, 1, 10))
    referral(on_time, D(2025, 1, 10))
    referral(too_late, D(2024, 1, 9))
    referral(too_late, D(2025, 1, 10))
    assert by_child(re_referrals(Q4_2024_25)) == [
        (on_time.pk, D(2025, 1, 10), True),
        (too_late.pk, D(2025, 1, 10), False),
    ]


def test_29_february():
    # 28 February 2025 less 12 months is 28 February 2024, so a referral on 29 February 2024 is inside.
    # 29 February 2024 less 12 months is 28 February 2023 (there is no 29th): 27 February 2023 is outside.
    leap, common = child(), child()
    referral(leap, D(2024, 2, 29))
    referral(leap, D(2025, 2, 28))
    referral(common, D(2023, 2, 27))
    referral(common, D(2024, 2, 29))
    assert by_child(re_referrals(Q4_2024_25)) == [(leap.pk, D(2025, 2, 28), True)]
    assert by_child(re_referrals(periods.parse("Q4 2023/24"))) == [
        (leap.pk, D(2024, 2, 29), False),
        (common.pk, D(2024, 2, 29), False),
    ]


def test_an_earlier_referral_recorded_late_still_counts():
    person = child()
    later = referral(person, D(2025, 2, 1))
    referral(person, D(2024, 11, 20))  # typed in after the February referral was saved
    later.refresh_from_db()
    assert not later.is_re_referral  # the flag stored at saving time missed it
    assert by_child(re_referrals(Q4_2024_25)) == [(person.pk, D(2025, 2, 1), True)]


def test_a_duplicate_record_merged_into_the_child_counts_as_the_same_child():
    kept, duplicate = child(), child()
    referral(duplicate, D(2024, 6, 1))
    referral(kept, D(2025, 2, 1))
    Person.objects.filter(pk=duplicate.pk).update(merged_into=kept)
    assert by_child(re_referrals(Q4_2024_25)) == [(kept.pk, D(2025, 2, 1), True)]


def test_no_referrals_gives_no_figure():
    assert re_referrals(Q4_2024_25) is None


def test_any_period_rolling_year_and_year_to_date():
    person = child()
    referral(person, D(2024, 4, 1))
    referral(person, D(2024, 12, 1))
    referral(person, D(2025, 3, 31))
    assert by_child(re_referrals(periods.rolling_year(D(2025, 3, 31)))) == [
        (person.pk, D(2024, 4, 1), False),
        (person.pk, D(2024, 12, 1), True),
        (person.pk, D(2025, 3, 31), True),
    ]
    assert re_referrals(periods.parse("2024/25 to 31 December 2024")).denominator == 2
