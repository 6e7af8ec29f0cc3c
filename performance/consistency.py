"""Checking a published dashboard against the rules: where the printed columns disagree.

A printed dashboard typed or assembled by hand can say "Decline" on a rising value, print one
row's previous value on the next row too, or show a RAG with no target. Thrive computes these
columns from the figures, so they cannot disagree; this module shows where the printed ones did.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from . import benchmarks, periods, rating, registry
from .definitions import Frequency, Target
from .models import IndicatorValue, PublishedDashboard
from .published import TOPIC_THEME
from .rating import QUARTILE_NAMES, Dot, Rag

# Kinds of finding, with the heading each is listed under.
KINDS = {
    "trend": "Trend disagrees with the printed values",
    "rag": "RAG differs from the rules",
    "target": "Target differs from the indicator's target",
    "rag_without_target": "RAG printed with no target",
    "repeated_previous": "Previous value printed twice",
    "previous_period": "Compared with an unexpected period",
    "stale_period": "Latest period earlier than the dashboard's",
    "differs_from_record": "Previous value differs from the figure held",
    "polarity": "Polarity differs from the indicator's",
    "quartile": "Quartile differs from national benchmarks",
}
MOVEMENT_WORDS = {"increase": "up", "decrease": "down", "no change": "same"}
PERFORMANCE_WORDS = {
    "improve": Dot.IMPROVE,
    "improved": Dot.IMPROVE,
    "improving": Dot.IMPROVE,
    "decline": Dot.WORSE,
    "declined": Dot.WORSE,
    "worse": Dot.WORSE,
    "deteriorated": Dot.WORSE,
}
MOVED = {"up": "rose", "down": "fell", "same": "did not change"}
COMPARISON_WORDS = {
    periods.CompareWith.PREVIOUS_PERIOD: "the previous period",
    periods.CompareWith.SAME_PERIOD_LAST_YEAR: "the same period a year earlier",
}
PRINTED_POLARITY = {"high = good": "high", "low = good": "low", "n/a": "none"}


@dataclass(frozen=True)
class Finding:
    position: int
    indicator_code: str
    printed_name: str
    kind: str
    message: str

    @property
    def heading(self):
        return KINDS[self.kind]


@dataclass
class CheckedRow:
    """A printed row with what the rules make of the same figures."""

    row: object
    indicator: object
    printed_dot: Dot
    dot: Dot
    rag: Rag
    quartile: int | None
    quartile_from_benchmarks: bool
    findings: list = field(default_factory=list)

    @property
    def printed_rag(self) -> Rag:
        return Rag(self.row.rag or Rag.NA)


def _add(checked, kind, message):
    checked.findings.append(
        Finding(checked.row.position, checked.indicator.code, checked.row.printed["Indicator"], kind, message)
    )


def printed_dot(trend: str, previous, latest, polarity) -> Dot:
    """What a printed trend word means as direction of travel (no tolerance: words are exact)."""
    word = trend.strip().lower()
    if word in PERFORMANCE_WORDS:
        return PERFORMANCE_WORDS[word]
    if word in MOVEMENT_WORDS:
        moved = {"up": Decimal(1), "down": Decimal(-1), "same": Decimal(0)}[MOVEMENT_WORDS[word]]
        return rating.direction(Decimal(0), moved, polarity)
    return Dot.NA


def _fmt(indicator, value):
    return indicator.format(value)


def _check_trend(checked):
    row, indicator = checked.row, checked.indicator
    word = row.trend.strip().lower()
    if not word:
        return
    moved = rating.movement(row.previous_value, row.latest_value)
    values = f"from {_fmt(indicator, row.previous_value)} to {_fmt(indicator, row.latest_value)}"
    if word in MOVEMENT_WORDS:
        if moved and MOVEMENT_WORDS[word] != moved:
            _add(checked, "trend", f"Printed '{row.trend}' but the value {MOVED[moved]} {values}.")
    elif word in PERFORMANCE_WORDS:
        if PERFORMANCE_WORDS[word] != checked.dot:
            _add(
                checked,
                "trend",
                f"Printed '{row.trend}' but the value {MOVED.get(moved, 'is missing')} {values}, "
                f"which the rules call {checked.dot.label.lower()}.",
            )
    else:
        _add(checked, "trend", f"'{row.trend}' is not a trend Thrive recognises.")


def _check_rag_and_target(checked):
    row, indicator = checked.row, checked.indicator
    printed_target = Target.parse(row.target)
    if printed_target != indicator.target:
        _add(
            checked,
            "target",
            f"Printed target {row.target or 'none'}; the indicator's target is "
            f"{indicator.target_text or 'none'}.",
        )
    if checked.printed_rag != checked.rag:
        against = f"target {indicator.target_text}" if indicator.target else "no target"
        quartile = f", quartile {checked.quartile}" if checked.quartile else ", no quartile"
        _add(
            checked,
            "rag",
            f"Printed {checked.printed_rag.label}; the rules give {checked.rag.label} "
            f"({_fmt(indicator, row.latest_value)} against {against}{quartile}).",
        )
    if checked.printed_rag != Rag.NA and printed_target is None:
        basis = (
            f"the national quartile ({QUARTILE_NAMES[row.quartile]})"
            if row.quartile
            else "no printed quartile"
        )
        _add(
            checked,
            "rag_without_target",
            f"{checked.printed_rag.label} printed with no target: it follows {basis}.",
        )


def _check_periods(checked, dashboard_end, layout):
    row, indicator = checked.row, checked.indicator
    latest = registry.period_of(indicator, row.latest_period)
    if (
        indicator.frequency in (Frequency.QUARTER, Frequency.LAST_MONTH_OF_QUARTER)
        and latest.end < dashboard_end
    ):
        _add(
            checked,
            "stale_period",
            f"Latest period {row.latest_period} is earlier than the dashboard's quarter.",
        )
    if layout == TOPIC_THEME and row.previous_period:  # the other layout does not print the previous period
        expected = periods.comparison(latest, indicator.compare_with)
        if expected.label != row.previous_period:
            rule = COMPARISON_WORDS[indicator.compare_with]
            _add(
                checked,
                "previous_period",
                f"Compared with {row.previous_period}; the indicator compares with {rule}, {expected.label}.",
            )


def _check_polarity(checked):
    printed = checked.row.printed.get("Polarity")
    if printed is None:
        return
    meaning = PRINTED_POLARITY.get(printed.strip().lower())
    if meaning and meaning != checked.indicator.polarity.value:
        _add(
            checked,
            "polarity",
            f"Printed '{printed}'; the indicator's polarity is {checked.indicator.polarity.label.lower()}.",
        )


def _check_repeated_previous(checked_rows):
    groups = defaultdict(list)
    for checked in checked_rows:
        row = checked.row
        if row.previous_value is not None:
            groups[(row.previous_period, row.previous_value, checked.indicator.value_type)].append(checked)
    for (period, _, _), group in groups.items():
        if len(group) < 2 or len({c.row.latest_value for c in group}) < 2:
            continue
        for checked in group[1:]:
            others = ", ".join(f"'{c.row.printed['Indicator']}'" for c in group if c is not checked)
            _add(
                checked,
                "repeated_previous",
                f"Previous value {_fmt(checked.indicator, checked.row.previous_value)} for {period} is also "
                f"printed for {others}.",
            )


def _check_held_figures(checked_rows, source):
    wanted = {
        (c.indicator.code, c.row.previous_period) for c in checked_rows if c.row.previous_value is not None
    }
    held = {
        (v.indicator_code, v.period_label): v
        for v in IndicatorValue.objects.filter(indicator_code__in={code for code, _ in wanted}).exclude(
            source=source
        )
        if (v.indicator_code, v.period_label) in wanted
    }
    for checked in checked_rows:
        figure = held.get((checked.indicator.code, checked.row.previous_period))
        if figure and figure.value != checked.row.previous_value:
            _add(
                checked,
                "differs_from_record",
                f"Printed {_fmt(checked.indicator, checked.row.previous_value)} for "
                f"{checked.row.previous_period}; "
                f"the figure held is {_fmt(checked.indicator, figure.value)} ({figure.source}).",
            )


def check(dashboard: PublishedDashboard) -> list[CheckedRow]:
    """Every printed row beside the rules' reading of it, with its findings."""
    indicators = registry.by_code()
    policy = rating.current_policy()
    rows = list(dashboard.rows.all())
    dashboard_end = periods.parse(dashboard.period_label).end
    found = benchmarks.benchmarks_for(
        [
            (
                indicators[r.indicator_code],
                r.latest_value,
                registry.period_of(indicators[r.indicator_code], r.latest_period).end,
            )
            for r in rows
            if r.indicator_code in indicators
        ]
    )
    checked_rows = []
    for row in rows:
        indicator = indicators.get(row.indicator_code)
        if indicator is None:  # a council indicator since removed
            continue
        benchmark = found.get(indicator.code)
        from_benchmarks = bool(benchmark and benchmark.quartile)
        quartile = benchmark.quartile if from_benchmarks else row.quartile
        checked = CheckedRow(
            row=row,
            indicator=indicator,
            printed_dot=printed_dot(row.trend, row.previous_value, row.latest_value, indicator.polarity),
            dot=rating.direction(
                row.previous_value,
                row.latest_value,
                indicator.polarity,
                rating.tolerance(indicator.value_type, policy),
            ),
            rag=rating.rag(row.latest_value, indicator.target, quartile, indicator.rag_rule, policy),
            quartile=quartile,
            quartile_from_benchmarks=from_benchmarks,
        )
        _check_trend(checked)
        _check_rag_and_target(checked)
        _check_periods(checked, dashboard_end, dashboard.layout)
        _check_polarity(checked)
        if from_benchmarks and row.quartile and row.quartile != quartile:
            _add(
                checked,
                "quartile",
                f"Printed quartile {QUARTILE_NAMES[row.quartile]}; national data for "
                f"{benchmark.year} give {QUARTILE_NAMES[quartile]}.",
            )
        checked_rows.append(checked)

    _check_repeated_previous(checked_rows)
    _check_held_figures(checked_rows, f"Published dashboard {dashboard.period_label}")
    return checked_rows


def findings(dashboard: PublishedDashboard) -> list[Finding]:
    """Every inconsistency in a published dashboard, in row order."""
    return sorted((f for c in check(dashboard) for f in c.findings), key=lambda f: f.position)


@dataclass(frozen=True)
class _Counted:
    dot: Dot
    rag: Rag
    quartile: int | None


def printed_summary(checked_rows) -> rating.Summary:
    """The counters the printed columns give (a blank trend counts as n.a.)."""
    return rating.summarise(_Counted(c.printed_dot, c.printed_rag, c.row.quartile) for c in checked_rows)


def computed_summary(checked_rows) -> rating.Summary:
    """The counters the rules give for the same figures."""
    return rating.summarise(_Counted(c.dot, c.rag, c.quartile) for c in checked_rows)
