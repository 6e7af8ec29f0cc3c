"""The quarterly scrutiny report: numbered paragraphs per outcome, then the dashboard table.

A report is a list of `Line`s: the dashboard's rows for a quarter as they stand now (`build`), or
as a snapshot froze them (`snapshots.report`). Both have the same shape, so the narrative, the
table and every export read one thing, and a frozen report reads exactly as it was reported.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from council.models import LocalAuthority

from . import dashboard as dashboards
from . import narrative, rating
from .definitions import Indicator
from .periods import Period
from .rating import Dot, Rag

REPORT_CHART_WIDTH, REPORT_CHART_HEIGHT = 200, 56


@dataclass(frozen=True)
class Line:
    """One indicator's figures in a report, and the columns the rules worked out from them."""

    indicator: Indicator
    period_label: str
    value: Decimal
    numerator: Decimal | None
    denominator: Decimal | None
    in_period_numerator: Decimal | None
    in_period_denominator: Decimal | None
    previous_label: str
    previous_value: Decimal | None
    previous_numerator: Decimal | None
    previous_denominator: Decimal | None
    previous_in_period_numerator: Decimal | None
    previous_in_period_denominator: Decimal | None
    dot: Dot
    movement: str
    rag: Rag
    quartile: int | None
    quartile_source: str
    benchmark_year: str
    neighbour_average: Decimal | None
    england_average: Decimal | None
    origin: str
    source: str
    history: tuple = ()  # the figures held up to the quarter, oldest first (for the report's charts)

    @property
    def chart(self):
        """A small trend for the report's summary page (None with fewer than two figures)."""
        from .charts import sparkline

        return sparkline(self.indicator, self.history, width=REPORT_CHART_WIDTH, height=REPORT_CHART_HEIGHT)

    @classmethod
    def from_dashboard_row(cls, row: dashboards.DashboardRow) -> "Line":
        latest, previous = row.latest, row.previous
        return cls(
            indicator=row.indicator,
            period_label=latest.period_label,
            value=latest.value,
            numerator=latest.numerator,
            denominator=latest.denominator,
            in_period_numerator=latest.in_period_numerator,
            in_period_denominator=latest.in_period_denominator,
            previous_label=previous.period_label if previous else "",
            previous_value=previous.value if previous else None,
            previous_numerator=previous.numerator if previous else None,
            previous_denominator=previous.denominator if previous else None,
            previous_in_period_numerator=previous.in_period_numerator if previous else None,
            previous_in_period_denominator=previous.in_period_denominator if previous else None,
            dot=row.dot,
            movement=row.movement,
            rag=row.rag,
            quartile=row.quartile,
            quartile_source=row.quartile_source,
            benchmark_year=row.benchmark_year,
            neighbour_average=row.neighbour_average,
            england_average=row.england_average,
            origin=latest.origin,
            source=latest.source,
            history=row.history,
        )


@dataclass(frozen=True)
class Section:
    outcome: str
    paragraphs: list  # of (number, text)


@dataclass(frozen=True)
class Report:
    period: Period
    lines: list
    council: str
    snapshot: object = None  # the Snapshot it was frozen as, if it was
    generated_at: object = field(default_factory=timezone.now)

    @property
    def summary(self) -> rating.Summary:
        return rating.summarise(self.lines)

    @property
    def introduction(self) -> list[str]:
        return narrative.introduction(self)

    @property
    def sections(self) -> list[Section]:
        """Paragraphs grouped by outcome, numbered on from the introduction, as the reports number them."""
        by_outcome = {}
        for line in self.lines:
            by_outcome.setdefault(line.indicator.outcome, []).append(line)
        number, sections = len(self.introduction), []
        for outcome, lines in by_outcome.items():
            numbered = [
                (number + i, narrative.paragraph(line, self)) for i, line in enumerate(lines, start=1)
            ]
            number += len(lines)
            sections.append(Section(outcome, numbered))
        return sections


def council_name() -> str:
    authority = LocalAuthority.objects.first()
    return authority.name if authority else "the council"


def build(period: Period) -> Report:
    """The report for a quarter from the figures held now."""
    board = dashboards.build(period)
    return Report(period, [Line.from_dashboard_row(row) for row in board.rows], council_name())
