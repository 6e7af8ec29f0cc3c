"""Who is a care leaver, worked by hand from dates of birth and episodes of care.

Nights are counted as the 903 counts them: an episode from DECOM to DEC covers DEC - DECOM nights.
"""

import datetime

from leavers.codes import LeaverStatus as S
from leavers.eligibility import Stay, eligible_from, had_eligible_care, status, staying_close_eligible

D = datetime.date
# Born 10 May 2009: 14 on 10 May 2023, 16 on 10 May 2025, 18 on 10 May 2027, 25 on 10 May 2034.
BORN = D(2009, 5, 10)


def stay(start, end=None, legal_status="V2", placement_type="U6", reason_ceased=""):
    return Stay(start, end, legal_status, placement_type, reason_ceased or ("E13" if end else ""))


def test_thirteen_weeks_after_14_with_some_after_16_makes_a_relevant_child_after_leaving():
    # In care 1 March to 31 May 2025: 31 (Mar) + 30 (Apr) + 30 (to 31 May) = 91 nights = 13 weeks,
    # 21 of them after the 16th birthday (10 May). Left at 16: a relevant child on 1 June 2025.
    stays = [stay(D(2025, 3, 1), D(2025, 5, 31))]
    assert had_eligible_care(stays, BORN, D(2025, 6, 1))
    assert status(BORN, stays, D(2025, 6, 1)) == S.RELEVANT


def test_a_night_short_of_13_weeks_is_a_qualifying_care_leaver_only():
    # Left on 30 May 2025: 90 nights. Looked after after 16, so a qualifying care leaver (s24) to 21.
    stays = [stay(D(2025, 3, 1), D(2025, 5, 30))]
    assert status(BORN, stays, D(2025, 6, 1)) == S.QUALIFYING
    assert status(BORN, stays, D(2030, 5, 9)) == S.QUALIFYING  # the day before the 21st birthday
    assert status(BORN, stays, D(2030, 5, 10)) is None


def test_leaving_on_the_16th_birthday_is_not_enough_but_the_day_after_is():
    # In care 1 January 2025 (130 nights to 10 May). Leaving on the 16th birthday leaves no night after 16.
    assert status(BORN, [stay(D(2025, 1, 1), D(2025, 5, 10))], D(2025, 6, 1)) is None
    assert status(BORN, [stay(D(2025, 1, 1), D(2025, 5, 11))], D(2025, 6, 1)) == S.RELEVANT


def test_a_16_year_old_in_care_becomes_eligible_after_the_first_night_past_16():
    # Looked after since 1 January 2025: by 10 May 2025 there are 129 nights since 14 but none after 16.
    stays = [stay(D(2025, 1, 1))]
    assert status(BORN, stays, D(2025, 5, 9)) is None  # 15
    assert status(BORN, stays, D(2025, 5, 10)) is None  # 16 today, not yet a night after
    assert status(BORN, stays, D(2025, 5, 11)) == S.ELIGIBLE
    assert eligible_from(BORN, stays) == D(2025, 5, 11)


def test_coming_into_care_at_16_is_eligible_13_weeks_later():
    # In care from 1 July 2025: 91 nights later is 30 September 2025 (30 + 31 + 30 = 91).
    stays = [stay(D(2025, 7, 1))]
    assert eligible_from(BORN, stays) == D(2025, 9, 30)
    assert status(BORN, stays, D(2025, 9, 29)) is None
    assert status(BORN, stays, D(2025, 9, 30)) == S.ELIGIBLE


def test_looked_after_at_18_makes_a_former_relevant_child_until_25():
    stays = [stay(D(2025, 1, 1), D(2027, 5, 10), reason_ceased="E17")]  # care ends on the 18th birthday
    assert status(BORN, stays, D(2027, 5, 9)) == S.ELIGIBLE
    assert status(BORN, stays, D(2027, 5, 10)) == S.FORMER_RELEVANT
    assert status(BORN, stays, D(2034, 5, 9)) == S.FORMER_RELEVANT
    assert status(BORN, stays, D(2034, 5, 10)) is None


def test_a_relevant_child_becomes_former_relevant_at_18():
    stays = [stay(D(2025, 3, 1), D(2025, 5, 31))]
    assert status(BORN, stays, D(2027, 5, 10)) == S.FORMER_RELEVANT


def test_short_breaks_do_not_count():
    # 120 nights of V3 short breaks after 16 count for nothing (Care Planning Regulations 2010, reg 40(2)).
    stays = [stay(D(2025, 6, 1), D(2025, 9, 29), legal_status="V3")]
    assert status(BORN, stays, D(2025, 10, 1)) is None


def test_six_months_back_home_ends_relevant_status():
    # Left care to parents on 1 August 2025 (E4A): relevant until six months there, 1 February 2026
    # (reg 3(4)); from then a qualifying care leaver (s24(1B)), so not former relevant at 18 either.
    stays = [stay(D(2025, 1, 1), D(2025, 8, 1), reason_ceased="E4A")]
    assert status(BORN, stays, D(2026, 1, 31)) == S.RELEVANT
    assert status(BORN, stays, D(2026, 2, 1)) == S.QUALIFYING
    assert status(BORN, stays, D(2027, 5, 10)) == S.QUALIFYING


def test_time_placed_with_parents_before_leaving_counts_towards_the_six_months():
    # Placed with parents (P1) from 1 June 2025, left care there on 1 August: six months from 1 June is 1
    # December.
    stays = [
        stay(D(2025, 1, 1), D(2025, 6, 1), reason_ceased="X1"),
        stay(D(2025, 6, 1), D(2025, 8, 1), placement_type="P1", reason_ceased="E4A"),
    ]
    assert status(BORN, stays, D(2025, 11, 30)) == S.RELEVANT
    assert status(BORN, stays, D(2025, 12, 1)) == S.QUALIFYING


def test_adopted_children_are_not_care_leavers():
    assert status(BORN, [stay(D(2025, 1, 1), D(2025, 9, 1), reason_ceased="E11")], D(2025, 10, 1)) is None


def test_staying_close_to_the_day_before_the_25th_birthday():
    stays = [stay(D(2025, 1, 1), D(2027, 5, 10), reason_ceased="E17")]
    assert not staying_close_eligible(BORN, stays, D(2027, 5, 9))  # 17 and in care: not former relevant yet
    assert staying_close_eligible(BORN, stays, D(2027, 5, 10))
    assert staying_close_eligible(BORN, stays, D(2034, 5, 9))
    assert not staying_close_eligible(BORN, stays, D(2034, 5, 10))


def test_born_on_29_february_reaches_each_age_on_1_march_in_common_years():
    # Born 29 February 2008: 14 on 1 March 2022, 16 on 29 February 2024 (a leap year), 18 on 1 March 2026,
    # 25 on 1 March 2033. In care from 30 November 2023 until the 18th birthday: 31 nights to 31 December,
    # 31 to 31 January, 29 to 29 February = 91 nights by the 16th birthday, but none after it yet.
    born = D(2008, 2, 29)
    stays = [stay(D(2023, 11, 30), D(2026, 3, 1), reason_ceased="E17")]
    assert status(born, stays, D(2024, 2, 29)) is None
    assert status(born, stays, D(2024, 3, 1)) == S.ELIGIBLE
    assert status(born, stays, D(2026, 2, 28)) == S.ELIGIBLE
    assert status(born, stays, D(2026, 3, 1)) == S.FORMER_RELEVANT
    assert staying_close_eligible(born, stays, D(2033, 2, 28))
    assert not staying_close_eligible(born, stays, D(2033, 3, 1))
