"""The dashboard for a quarter, computed from the figures held: nothing on it is typed by hand.

For each indicator: its latest figure for a period ending by the end of the quarter, the figure it
is compared with (for its comparison period, else the most recent earlier figure, whose period
the page shows), and the direction of travel, RAG and quartile from the rules. An indicator whose
latest figure is older than SHOW_FOR_MONTHS (by frequency) is left off, as the published dashboards
leave off indicators with no new data.

The quartile and neighbour average come from national benchmark data where Thrive holds it;
otherwise from a published dashboard that printed them for the same figure (marked as such).
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from . import benchmarks, conf, periods, rating, registry
from .definitions import Indicator
from .models import IndicatorValue, PublishedRow
from .periods import Period, PeriodError
from .rating import Dot, Rag

FROM_BENCHMARKS = "benchmarks"
FROM_PUBLISHED = "published"


@dataclass(frozen=True)
class DashboardRow:
    indicator: Indicator
    latest: IndicatorValue
    previous: IndicatorValue | None
    dot: Dot
    movement: str
    rag: Rag
    quartile: int | None
    quartile_source: str
    neighbour_average: Decimal | None
    england_average: Decimal | None
    benchmark_year: str = ""  # the national figures the quartile is from
    history: tuple = ()  # the figures held up to the quarter, oldest first (for the sparkline)

    # The names a report line uses, so the dashboard and the report share one table
    # (performance/_indicator_table.html).
    @property
    def value(self):
        return self.latest.value

    @property
    def period_label(self):
        return self.latest.period_label

    @property
    def numerator(self):
        return self.latest.numerator

    @property
    def denominator(self):
        return self.latest.denominator

    @property
    def previous_value(self):
        return self.previous.value if self.previous else None

    @property
    def previous_label(self):
        return self.previous.period_label if self.previous else ""

    @property
    def sparkline(self):
        from .charts import sparkline

        return sparkline(self.indicator, self.history)


@dataclass(frozen=True)
class Dashboard:
    period: Period
    rows: list
    summary: rating.Summary
    outcomes: list
    areas: list


def quarters_held() -> list[Period]:
    """Quarters that any figure ends in, newest first: the choices in the period selector."""
    ends = IndicatorValue.objects.values_list("period_end", flat=True).distinct()
    return sorted({periods.quarter_containing(end) for end in ends}, reverse=True)


def _comparison_figure(indicator, latest, history):
    """The figure for the indicator's comparison period, else the most recent one before the latest."""
    try:
        wanted = periods.comparison(
            registry.period_of(indicator, latest.period_label), indicator.compare_with
        ).label
    except PeriodError:
        wanted = None
    for figure in history:
        if figure.period_label == wanted:
            return figure
    earlier = [f for f in history if f.period_end < latest.period_end]
    return earlier[-1] if earlier else None


def _months_of_history() -> int:
    """Enough history for the oldest figure still shown and the figure a year before it."""
    return max(conf.get("SHOW_FOR_MONTHS").values()) + 12


def _shown(indicator, latest, period) -> bool:
    months = conf.get("SHOW_FOR_MONTHS")[indicator.frequency.value]
    return latest.period_end > period.end - relativedelta(months=months)


def _matches(indicator, outcome, area, search) -> bool:
    if outcome and indicator.outcome != outcome:
        return False
    if area and indicator.area != area:
        return False
    if search:
        haystack = " ".join((indicator.code, *indicator.names, indicator.definition)).lower()
        return all(word in haystack for word in search.lower().split())
    return True


def build(period: Period, outcome: str = "", area: str = "", search: str = "") -> Dashboard:
    indicators = registry.all_indicators()
    history = defaultdict(list)
    for figure in (
        IndicatorValue.objects.filter(
            period_end__lte=period.end,
            period_end__gt=period.end - relativedelta(months=_months_of_history()),
        )
        .defer("source", "loaded_at", "loaded_by")
        .order_by("period_end", "period_start")
    ):
        history[figure.indicator_code].append(figure)
    current = []
    for indicator in indicators:
        figures = history.get(indicator.code)
        if figures and _shown(indicator, figures[-1], period) and _matches(indicator, outcome, area, search):
            current.append((indicator, figures[-1], _comparison_figure(indicator, figures[-1], figures)))
    shown_history = {indicator.code: tuple(history[indicator.code]) for indicator, _, _ in current}
    found = benchmarks.benchmarks_for([(i, latest.value, latest.period_end) for i, latest, _ in current])
    printed = {}
    for row in PublishedRow.objects.filter(
        indicator_code__in=[i.code for i, _, _ in current],
        latest_period__in={f.period_label for _, f, _ in current},
    ).order_by("dashboard__loaded_at"):
        printed[(row.indicator_code, row.latest_period)] = row
    policy = rating.current_policy()
    rows = []
    for indicator, latest, previous in current:
        benchmark = found.get(indicator.code)
        published = printed.get((indicator.code, latest.period_label))
        quartile, source, neighbours, year = None, "", None, ""
        if benchmark and benchmark.quartile:
            quartile, source, neighbours, year = (
                benchmark.quartile,
                FROM_BENCHMARKS,
                benchmark.neighbour_average,
                benchmark.year,
            )
        elif published and published.quartile:
            quartile, source = published.quartile, FROM_PUBLISHED
        if neighbours is None and published:
            neighbours = published.neighbour_average
        previous_value = previous.value if previous else None
        rows.append(
            DashboardRow(
                indicator=indicator,
                latest=latest,
                previous=previous,
                dot=rating.direction(
                    previous_value,
                    latest.value,
                    indicator.polarity,
                    rating.tolerance(indicator.value_type, policy),
                ),
                movement=rating.movement(previous_value, latest.value),
                rag=rating.rag(latest.value, indicator.target, quartile, indicator.rag_rule, policy),
                quartile=quartile,
                quartile_source=source,
                neighbour_average=neighbours,
                england_average=benchmark.england_average if benchmark else None,
                benchmark_year=year,
                history=shown_history[indicator.code],
            )
        )
    area_order = list(dict.fromkeys(i.area for i in indicators))
    rows.sort(
        key=lambda row: area_order.index(row.indicator.area)
    )  # stable: declaration order within an area
    return Dashboard(
        period=period,
        rows=rows,
        summary=rating.summarise(rows),
        outcomes=sorted({i.outcome for i in indicators}),
        areas=sorted({i.area for i in indicators}),
    )
