"""A plan's next review due has one home, a function of its dates, which the record, the imports and the
synthetic
council call alike; here with a due-date function that shows which timescale it counts from which day."""

import datetime

from education.models.send import ehc_review_due
from familyhelp.models import cin_plan_review_due
from leavers.models import pathway_plan_review_due
from protection.models import next_review_due

D = datetime.date
START, FIRST, SECOND = D(2025, 1, 6), D(2025, 3, 31), D(2025, 9, 1)


def asked(code: str, day: datetime.date) -> tuple:
    return code, day


def test_a_child_protection_plan_is_reviewed_first_from_its_start_then_from_its_latest_review():
    assert next_review_due(START, [], asked) == ("CP_REVIEW_FIRST", START)
    assert next_review_due(START, [SECOND, FIRST], asked) == ("CP_REVIEW_SUBSEQUENT", SECOND)


def test_a_child_in_need_plan_and_a_pathway_plan_count_from_their_latest_review_or_their_start():
    assert cin_plan_review_due(START, [], asked) == ("CIN_PLAN_REVIEW", START)
    assert cin_plan_review_due(START, [FIRST, SECOND], asked) == ("CIN_PLAN_REVIEW", SECOND)
    assert pathway_plan_review_due(START, [], asked) == ("PATHWAY_PLAN_REVIEW", START)
    assert pathway_plan_review_due(START, [SECOND, FIRST], asked) == ("PATHWAY_PLAN_REVIEW", SECOND)


def test_the_registry_gives_the_dates_a_page_stores():
    assert cin_plan_review_due(D(2025, 1, 6), []) == D(2025, 4, 6)  # 3 months (Working Together)
    assert ehc_review_due(D(2024, 2, 29), []) == D(2025, 2, 28)  # within 12 months: never a day late
    assert ehc_review_due(D(2024, 5, 1), [D(2025, 4, 30)]) == D(2026, 4, 30)
