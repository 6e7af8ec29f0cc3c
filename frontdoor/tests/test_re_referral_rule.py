"""The re-referral rule, hand-worked at the edges of its 12-month window: the one rule the record
(Referral.save),
the dashboard (CSC_RE_REFERRALS) and the synthetic council use."""

import datetime

import pytest

from frontdoor.models import is_re_referral

D = datetime.date


@pytest.mark.parametrize(
    "previous, re_referral",
    [
        (None, False),  # a first referral
        (D(2024, 3, 31), True),  # the window's first day: 12 months before
        (D(2024, 3, 30), False),  # the day before it
        (D(2025, 3, 30), True),  # the day before
        (D(2025, 3, 31), False),  # the same day: one event, not a re-referral of itself
    ],
)
def test_a_referral_on_31_march_2025(previous, re_referral):
    assert is_re_referral(D(2025, 3, 31), previous) is re_referral


def test_the_window_of_a_referral_on_29_february_opens_on_28_february_a_year_before():
    assert is_re_referral(D(2024, 2, 29), D(2023, 2, 28))
    assert not is_re_referral(D(2024, 2, 29), D(2023, 2, 27))
