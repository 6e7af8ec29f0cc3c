"""RAG and direction of travel, hand-worked at the edges of each band."""

from decimal import Decimal as D

import pytest

from performance import rating
from performance.definitions import Polarity, RagRule, Target, ValueType
from performance.rating import Dot, Policy, Rag

POLICY = Policy(
    amber_band_percent=D(5),
    missed_target_rag="quartile",
    quartile_rag={1: Rag.GREEN, 2: Rag.AMBER, 3: Rag.AMBER, 4: Rag.RED},
    dot_tolerance={ValueType.PERCENT: D("0.2"), ValueType.NUMBER: D(0), ValueType.SCORE: D("0.01")},
)
AT_LEAST_90 = Target(">", D(90))  # amber band: 5% of 90 = 4.5 points, so 85.5 to 90
UNDER_20 = Target("<", D(20))  # amber band: 5% of 20 = 1 point, so 20 to 21


@pytest.mark.parametrize(
    "value, expected",
    [
        ("90.1", Rag.GREEN),  # met
        ("90", Rag.AMBER),  # ">" is strict: exactly on the target is not met, but within the band
        ("85.5", Rag.AMBER),  # the band's edge, 4.5 below: still amber
        ("85.49", Rag.RED),  # just outside the band
    ],
)
def test_amber_band_for_a_high_is_good_target(value, expected):
    assert rating.rag(D(value), AT_LEAST_90, None, RagRule.TARGET_THEN_QUARTILE, POLICY) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("19.9", Rag.GREEN),
        ("20", Rag.AMBER),
        ("21", Rag.AMBER),
        ("21.01", Rag.RED),
    ],
)
def test_amber_band_for_a_low_is_good_target(value, expected):
    assert rating.rag(D(value), UNDER_20, None, RagRule.TARGET, POLICY) == expected


def test_inclusive_target_is_met_on_the_target():
    assert rating.rag(D(90), Target(">=", D(90)), None, RagRule.TARGET, POLICY) == Rag.GREEN


@pytest.mark.parametrize("quartile, expected", [(1, Rag.AMBER), (2, Rag.AMBER), (3, Rag.AMBER), (4, Rag.RED)])
def test_missed_target_follows_the_quartile_capped_at_amber(quartile, expected):
    # 50 is far outside the band, yet the published dashboards print amber unless bottom quartile
    assert rating.rag(D(50), AT_LEAST_90, quartile, RagRule.TARGET_THEN_QUARTILE, POLICY) == expected


def test_met_target_is_green_whatever_the_quartile():
    assert rating.rag(D(95), AT_LEAST_90, 4, RagRule.TARGET_THEN_QUARTILE, POLICY) == Rag.GREEN


def test_band_policy_ignores_the_quartile_for_a_missed_target():
    band = Policy(D(5), "band", POLICY.quartile_rag, POLICY.dot_tolerance)
    assert rating.rag(D(50), AT_LEAST_90, 2, RagRule.TARGET_THEN_QUARTILE, band) == Rag.RED
    assert rating.rag(D(86), AT_LEAST_90, 4, RagRule.TARGET_THEN_QUARTILE, band) == Rag.AMBER


@pytest.mark.parametrize(
    "quartile, expected", [(1, Rag.GREEN), (2, Rag.AMBER), (3, Rag.AMBER), (4, Rag.RED), (None, Rag.NA)]
)
def test_without_a_target_rag_follows_the_quartile(quartile, expected):
    assert rating.rag(D(50), None, quartile, RagRule.TARGET_THEN_QUARTILE, POLICY) == expected


def test_no_rag_for_rule_none_or_missing_value():
    assert rating.rag(D(50), AT_LEAST_90, 1, RagRule.NONE, POLICY) == Rag.NA
    assert rating.rag(None, AT_LEAST_90, 1, RagRule.TARGET_THEN_QUARTILE, POLICY) == Rag.NA
    assert rating.rag(D(50), None, 1, RagRule.TARGET, POLICY) == Rag.NA


@pytest.mark.parametrize(
    "previous, latest, polarity, expected",
    [
        ("92.0", "92.2", Polarity.HIGH_GOOD, Dot.NO_CHANGE),  # exactly the 0.2 tolerance: no change
        ("92.0", "92.21", Polarity.HIGH_GOOD, Dot.IMPROVE),  # just over
        ("92.0", "91.79", Polarity.HIGH_GOOD, Dot.WORSE),
        ("26.2", "26.4", Polarity.LOW_GOOD, Dot.NO_CHANGE),
        ("24.5", "24.9", Polarity.LOW_GOOD, Dot.WORSE),  # a rise on a low-is-good indicator
        ("1.3", "1.0", Polarity.LOW_GOOD, Dot.IMPROVE),
        ("2566", "2823", Polarity.NONE, Dot.NA),
        (None, "5", Polarity.HIGH_GOOD, Dot.NA),
    ],
)
def test_direction_of_travel_for_percentages(previous, latest, polarity, expected):
    previous = D(previous) if previous else None
    assert rating.direction(previous, D(latest), polarity, D("0.2")) == expected


def test_direction_of_travel_tolerance_for_scores_and_counts():
    assert rating.direction(D("-0.09"), D("-0.10"), Polarity.HIGH_GOOD, D("0.01")) == Dot.NO_CHANGE
    assert rating.direction(D("-0.09"), D("-0.11"), Polarity.HIGH_GOOD, D("0.01")) == Dot.WORSE
    assert rating.direction(D(14), D(15), Polarity.LOW_GOOD, D(0)) == Dot.WORSE
    assert rating.direction(D(14), D(14), Polarity.LOW_GOOD, D(0)) == Dot.NO_CHANGE


def test_tolerances_come_from_settings(settings):
    settings.THRIVE_PERFORMANCE = {"DOT_TOLERANCE": {"percent": "0.5"}}
    assert rating.tolerance(ValueType.PERCENT) == D("0.5")
    assert rating.tolerance(ValueType.SCORE) == D(0)  # not listed: any change counts


def test_summary_counts_in_printed_order():
    class Row:
        def __init__(self, dot, rag, quartile):
            self.dot, self.rag, self.quartile = dot, rag, quartile

    summary = rating.summarise(
        [Row(Dot.IMPROVE, Rag.GREEN, 1), Row(Dot.WORSE, Rag.RED, 4), Row(Dot.NA, Rag.NA, None)]
    )
    assert summary.as_tuples() == {"dot": (1, 0, 1, 1), "rag": (1, 0, 1, 1), "quartile": (1, 0, 0, 1, 1)}
    assert summary.benchmarked == 2
