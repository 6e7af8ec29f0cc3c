"""Statutory visits and reviews, worked by hand from the regulations (Care Planning Regulations reg 28 and
reg 33; Adoption Agencies Regulations 2005 reg 36). Pure functions: no database."""

import datetime

from care import timing
from care.codes import LegalStatus, PlacementType
from care.timing import Placement

D = datetime.date
C1, C2, V2, V3 = (
    LegalStatus.INTERIM_CARE_ORDER,
    LegalStatus.FULL_CARE_ORDER,
    LegalStatus.SECTION_20,
    LegalStatus.SHORT_BREAKS_EPISODES,
)
P = PlacementType


def placement(start, place, statuses=None, reviews=(), visits=(), approvals=()):
    visits = tuple(v if isinstance(v, tuple) else (v, None) for v in visits)
    return Placement(start, place, tuple(statuses or [(start, C1)]), tuple(reviews), visits, tuple(approvals))


# Reg 28(2): any placement.


def test_within_a_week_of_the_placement_then_every_six_weeks():
    # Placement Mon 5 Jan 2026: first visit by Mon 12 Jan. Visited Mon 12 Jan: next by 12 Jan + 42 days = Mon
    # 23 Feb.
    assert timing.visit_due(placement(D(2026, 1, 5), P.FOSTER_OTHER)) == (D(2026, 1, 12), "CLA_VISIT_FIRST")
    assert timing.visit_due(placement(D(2026, 1, 5), P.FOSTER_OTHER, visits=[D(2026, 1, 12)])) == (
        D(2026, 2, 23),
        "CLA_VISIT",
    )


def test_a_week_deadline_on_a_bank_holiday_is_not_moved():
    # Visited Mon 14 Apr 2025; 6 weeks later is Mon 26 May 2025, the spring bank holiday: still due that day.
    assert timing.visit_due(placement(D(2025, 3, 3), P.FOSTER_OTHER, visits=[D(2025, 4, 14)])) == (
        D(2025, 5, 26),
        "CLA_VISIT",
    )


def test_long_term_placement_visits_three_monthly_from_its_first_anniversary_of_29_february():
    # A long-term foster placement from Thu 29 Feb 2024 has lasted a year on Fri 28 Feb 2025 (no 29th in
    # 2025).
    # A visit that day starts 3-monthly visits: next by 28 May 2025. A visit on 27 Feb 2025 is still in the
    # first year: 27 Feb + 42 days = 10 Apr 2025.
    start = D(2024, 2, 29)
    assert timing.visit_due(placement(start, P.FOSTER_LONG_TERM, visits=[D(2025, 2, 28)])) == (
        D(2025, 5, 28),
        "CLA_VISIT_LONG_TERM",
    )
    assert timing.visit_due(placement(start, P.FOSTER_LONG_TERM, visits=[D(2025, 2, 27)])) == (
        D(2025, 4, 10),
        "CLA_VISIT",
    )


# Reg 28(3A): a long-term foster placement of a year or more, the child agreeing.


def test_a_child_who_agrees_is_visited_at_most_every_six_months_after_the_first_year():
    start = D(2024, 3, 2)
    # Visited Mon 3 Mar 2025, a year and a day in; the child agreed: next by 3 Sep 2025 (6 months).
    agreed = placement(start, P.FOSTER_LONG_TERM, visits=[(D(2025, 3, 3), True)])
    assert timing.visit_due(agreed) == (D(2025, 9, 3), "CLA_VISIT_LONG_TERM_AGREED")
    # Not asked: 3 months (3 Jun 2025). Asked and said no: 3 months.
    assert (
        timing.visit_due(placement(start, P.FOSTER_LONG_TERM, visits=[D(2025, 3, 3)]))[1]
        == "CLA_VISIT_LONG_TERM"
    )
    assert timing.visit_due(placement(start, P.FOSTER_LONG_TERM, visits=[(D(2025, 3, 3), False)])) == (
        D(2025, 6, 3),
        "CLA_VISIT_LONG_TERM",
    )
    # Agreed at a visit in the first year (1 Dec 2024) and not asked since: the answer stands.
    later = placement(start, P.FOSTER_LONG_TERM, visits=[(D(2024, 12, 1), True), D(2025, 3, 3)])
    assert timing.visit_due(later) == (D(2025, 9, 3), "CLA_VISIT_LONG_TERM_AGREED")
    # ... until the child changes their mind.
    changed = placement(start, P.FOSTER_LONG_TERM, visits=[(D(2024, 12, 1), True), (D(2025, 3, 3), False)])
    assert timing.visit_due(changed)[1] == "CLA_VISIT_LONG_TERM"
    # Agreement counts only once the placement has lasted a year: a visit on 1 Feb 2025 is 6 weekly.
    early = placement(start, P.FOSTER_LONG_TERM, visits=[(D(2025, 2, 1), True)])
    assert timing.visit_due(early) == (D(2025, 3, 15), "CLA_VISIT")
    # Not a long-term placement (U6): agreement does not change the 6 weeks.
    assert (
        timing.visit_due(placement(start, P.FOSTER_OTHER, visits=[(D(2025, 3, 3), True)]))[1] == "CLA_VISIT"
    )


def test_six_months_from_the_end_of_august_is_the_end_of_february():
    # Agreed visit Sun 31 Aug 2025 + 6 months: no 31 Feb 2026 -> Sat 28 Feb 2026; from Thu 29 Feb 2024 -> 29
    # Aug.
    assert timing.visit_due(
        placement(D(2024, 6, 1), P.FOSTER_LONG_TERM, visits=[(D(2025, 8, 31), True)])
    ) == (D(2026, 2, 28), "CLA_VISIT_LONG_TERM_AGREED")
    assert timing.visit_due(
        placement(D(2023, 1, 2), P.KINSHIP_LONG_TERM, visits=[(D(2024, 2, 29), True)])
    ) == (D(2024, 8, 29), "CLA_VISIT_LONG_TERM_AGREED")


# Reg 28(3): placed with a parent under reg 19 (Thrive treats every placement with a parent not on an
# interim care order so): weekly until the first review, then every 6 weeks.


def test_placed_with_a_parent_weekly_until_the_first_review_then_six_weekly():
    start, statuses = D(2026, 1, 5), [(D(2025, 12, 1), C2)]  # the care order was made before the placement
    assert timing.visit_due(placement(start, P.WITH_PARENTS, statuses)) == (D(2026, 1, 12), "CLA_VISIT_FIRST")
    # Visited Mon 12 Jan, no review yet: next within a week, Mon 19 Jan.
    assert timing.visit_due(placement(start, P.WITH_PARENTS, statuses, visits=[D(2026, 1, 12)])) == (
        D(2026, 1, 19),
        "CLA_VISIT_WEEKLY",
    )
    # Visited Mon 19 Jan; the first review is held Wed 21 Jan, before the next weekly visit would fall due
    # (26 Jan): from then 6 weeks from the last visit, Mon 2 Mar.
    reviewed = placement(
        start, P.WITH_PARENTS, statuses, reviews=[D(2026, 1, 21)], visits=[D(2026, 1, 12), D(2026, 1, 19)]
    )
    assert timing.visit_due(reviewed) == (D(2026, 3, 2), "CLA_VISIT")
    # Missed the visit due Mon 19 Jan and held the review on Wed 21 Jan: the missed weekly visit stays due.
    missed = placement(start, P.WITH_PARENTS, statuses, reviews=[D(2026, 1, 21)], visits=[D(2026, 1, 12)])
    assert timing.visit_due(missed) == (D(2026, 1, 19), "CLA_VISIT_WEEKLY")
    # A review before the placement began (the child's first, in foster care) does not end the weekly visits.
    before = placement(start, P.WITH_PARENTS, statuses, reviews=[D(2025, 12, 20)], visits=[D(2026, 1, 12)])
    assert timing.visit_due(before) == (D(2026, 1, 19), "CLA_VISIT_WEEKLY")


# Reg 28(4): at home on an interim care order, or with a temporarily approved connected person: weekly until
# the first review, then every 4 weeks.


def test_at_home_on_an_interim_care_order_weekly_then_four_weekly():
    start = D(2026, 2, 2)
    # Visited Fri 6 and 13 and 20 Feb; first review Fri 27 Feb (the weekly visit due that day falls on it).
    visits = [D(2026, 2, 6), D(2026, 2, 13), D(2026, 2, 20)]
    before_review = placement(start, P.WITH_PARENTS, visits=visits)
    assert timing.visit_due(before_review) == (D(2026, 2, 27), "CLA_VISIT_WEEKLY")
    reviewed = placement(start, P.WITH_PARENTS, reviews=[D(2026, 2, 27)], visits=visits)
    assert timing.visit_due(reviewed) == (D(2026, 3, 20), "CLA_VISIT_FOUR_WEEKS")  # 20 Feb + 28 days


def test_a_connected_person_weekly_then_four_weekly_while_temporarily_approved_then_six_weekly():
    # Placed with an aunt (U3) on Mon 6 Jan 2025, temporarily approved that day.
    start, approved = D(2025, 1, 6), [(D(2025, 1, 6), None)]
    assert timing.visit_due(
        placement(start, P.KINSHIP_OTHER, approvals=approved, visits=[D(2025, 1, 10)])
    ) == (D(2025, 1, 17), "CLA_VISIT_WEEKLY")
    reviewed = placement(
        start,
        P.KINSHIP_OTHER,
        approvals=approved,
        reviews=[D(2025, 2, 3)],
        visits=[D(2025, 1, 10), D(2025, 1, 17), D(2025, 1, 24), D(2025, 1, 31)],
    )
    assert timing.visit_due(reviewed) == (D(2025, 2, 28), "CLA_VISIT_FOUR_WEEKS")
    # Approved as foster carers on Tue 1 Apr 2025: reg 24 no longer applies, so 6 weeks from a visit on 2 Apr.
    approved_then = placement(
        start,
        P.KINSHIP_OTHER,
        approvals=[(D(2025, 1, 6), D(2025, 4, 1))],
        reviews=[D(2025, 2, 3)],
        visits=[D(2025, 4, 2)],
    )
    assert timing.visit_due(approved_then) == (D(2025, 5, 14), "CLA_VISIT")


# Reg 28(5): a full care order made while the child lives with a parent.


def test_a_care_order_made_at_home_needs_a_visit_within_a_week_of_it():
    # At home on an interim care order from Mon 5 Jan 2026, reviewed Tue 27 Jan; the full care order is made
    # Mon 2 Mar. Last visit Fri 20 Feb: the 4-weekly visit would be due 20 Mar, but reg 28(5)(a) wants one
    # within a week of the order, Mon 9 Mar.
    statuses = [(D(2026, 1, 5), C1), (D(2026, 3, 2), C2)]
    home = placement(
        D(2026, 1, 5), P.WITH_PARENTS, statuses, reviews=[D(2026, 1, 27)], visits=[D(2026, 2, 20)]
    )
    assert timing.visit_due(home) == (D(2026, 3, 9), "CLA_VISIT_CARE_ORDER_AT_HOME")
    # Visited Fri 6 Mar: the order's visit is done; now every 6 weeks, Fri 17 Apr.
    visited = placement(
        D(2026, 1, 5),
        P.WITH_PARENTS,
        statuses,
        reviews=[D(2026, 1, 27)],
        visits=[D(2026, 2, 20), D(2026, 3, 6)],
    )
    assert timing.visit_due(visited) == (D(2026, 4, 17), "CLA_VISIT")


def test_short_breaks_are_not_visited_under_reg_28():
    assert timing.visit_due(placement(D(2026, 1, 5), P.FOSTER_OTHER, [(D(2026, 1, 5), V3)])) is None
    assert timing.visit_due(placement(D(2026, 1, 5), P.FOSTER_OTHER, [(D(2026, 1, 5), V2)])) is not None


# Placed for adoption: Adoption Agencies Regulations 2005 reg 36.


def test_placed_for_adoption_visited_in_a_week_weekly_to_the_first_review_then_as_the_council_decides():
    # Foster carers become adopters: the placement for adoption (A5) starts Mon 1 Jun 2026.
    start = D(2026, 6, 1)
    assert timing.visit_due(placement(start, P.ADOPTION_ORDER_FOSTER_CARER)) == (
        D(2026, 6, 8),
        "ADOPTION_VISIT_FIRST",
    )
    weekly = placement(
        start, P.ADOPTION_ORDER_FOSTER_CARER, visits=[D(2026, 6, 5), D(2026, 6, 12)], reviews=[D(2026, 6, 26)]
    )
    assert timing.visit_due(weekly) == (D(2026, 6, 19), "ADOPTION_VISIT_WEEKLY")  # the review is after it
    after = placement(start, P.ADOPTION_ORDER_FOSTER_CARER, visits=[D(2026, 6, 26)], reviews=[D(2026, 6, 26)])
    assert timing.visit_due(after) == (D(2026, 8, 7), "ADOPTION_VISIT")  # 26 Jun + 6 weeks


def test_reviews_of_a_child_placed_for_adoption():
    # Looked after since 10 Jan 2025; placed for adoption Mon 1 Jun 2026: first review within 4 weeks, 29 Jun;
    # held Fri 26 Jun: the second within 3 months, 26 Sep; held 20 Sep: the next within 6 months, 20 Mar 2027.
    earlier = [D(2025, 2, 6), D(2025, 5, 5), D(2025, 11, 3), D(2026, 5, 1)]
    placed = D(2026, 6, 1)
    assert timing.next_review(D(2025, 1, 10), earlier, placed) == (D(2026, 6, 29), "ADOPTION_REVIEW_FIRST")
    assert timing.next_review(D(2025, 1, 10), [*earlier, D(2026, 6, 26)], placed) == (
        D(2026, 9, 26),
        "ADOPTION_REVIEW_SECOND",
    )
    assert timing.next_review(D(2025, 1, 10), [*earlier, D(2026, 6, 26), D(2026, 9, 20)], placed) == (
        D(2027, 3, 20),
        "ADOPTION_REVIEW_SUBSEQUENT",
    )


def test_authority_to_place_brings_the_next_review_within_three_months():
    # Reviews 6 Feb, 5 May, 3 Nov 2025: reg 33 puts the next at 3 May 2026. A placement order on Mon 1 Dec
    # 2025
    # makes it due within 3 months of that, Sun 1 Mar 2026 (reg 36(1)(a)); once held (20 Feb), reg 33 again.
    held = [D(2025, 2, 6), D(2025, 5, 5), D(2025, 11, 3)]
    assert timing.next_review(D(2025, 1, 10), held) == (D(2026, 5, 3), "CLA_REVIEW_SUBSEQUENT")
    assert timing.next_review(D(2025, 1, 10), held, authority_to_place=D(2025, 12, 1)) == (
        D(2026, 3, 1),
        "ADOPTION_AUTHORITY_REVIEW",
    )
    assert timing.next_review(D(2025, 1, 10), [*held, D(2026, 2, 20)], authority_to_place=D(2025, 12, 1)) == (
        D(2026, 8, 20),
        "CLA_REVIEW_SUBSEQUENT",
    )
