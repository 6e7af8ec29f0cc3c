"""Loading a published scrutiny dashboard, kept exactly as printed beside its figures.

Two printed layouts are known (tab-separated text, as extracted from the committee papers):

- "topic_theme" (Q3 2023/24): Topic, Theme, Indicator, Value Type, Polarity, Reporting Frequency,
  Previous Period, Previous Value, Latest Period, Latest Value, Trend, Target, Status RAG,
  National benchmark (quartile 1 = top), Most recent Statistical Neighbour average.
  Topic and Theme are printed only on the first row of each group.
- "area_latest" (Q4 2024/25): Area, Indicator, Latest Data, Period, Previous Data, Perform. DOT,
  Target, RAG, Quartiles. The previous period is not printed, so it is the indicator's comparison
  period. Area labels sit in merged cells and land mid-group in the text, so the printed Area is
  kept but the registry's area is used. The DOT column printed icons, which the text lost.

Each row's figures are also filed as IndicatorValues (origin "published") unless a figure for that
indicator and period is already held from a file, a computation or another dashboard.
"""

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from thrive import textfiles

from . import periods, registry, tables
from .definitions import Frequency, Target
from .models import IndicatorValue, Origin, PublishedDashboard, PublishedRow
from .periods import PeriodError
from .rating import Rag
from .tables import RowError, TableError

TOPIC_THEME = "topic_theme"
AREA_LATEST = "area_latest"

# Printed heading -> what it holds, per layout.
LAYOUTS = {
    TOPIC_THEME: {
        "Topic": "outcome",
        "Theme": "area",
        "Indicator": "indicator",
        "Value Type": "value_type",
        "Polarity": "polarity",
        "Reporting Frequency": "frequency",
        "Previous Period": "previous_period",
        "Previous Value": "previous_value",
        "Latest Period": "latest_period",
        "Latest Value": "latest_value",
        "Trend": "trend",
        "Target": "target",
        "Status RAG": "rag",
        "National benchmark (quartile 1 = top)": "quartile",
        "Most recent Statistical Neighbour average": "neighbour_average",
    },
    AREA_LATEST: {
        "Area": "area",
        "Indicator": "indicator",
        "Latest Data": "latest_value",
        "Period": "latest_period",
        "Previous Data": "previous_value",
        "Perform. DOT": "trend",
        "Target": "target",
        "RAG": "rag",
        "Quartiles": "quartile",
    },
}
_NOT_GIVEN = {"", "N/A", "NA", "N.A.", "-"}
_RAG_WORDS = {
    "green": Rag.GREEN,
    "g": Rag.GREEN,
    "amber": Rag.AMBER,
    "a": Rag.AMBER,
    "red": Rag.RED,
    "r": Rag.RED,
}
_QUARTILE_WORDS = {"1": 1, "1st": 1, "2": 2, "2nd": 2, "3": 3, "3rd": 3, "4": 4, "4th": 4}
_QUARTERLY = {Frequency.QUARTER, Frequency.LAST_MONTH_OF_QUARTER}


@dataclass(frozen=True)
class LoadResult:
    dashboard: PublishedDashboard
    rows: int
    figures_added: int
    figures_kept: int

    def __str__(self):
        return (
            f"{self.dashboard}: {self.rows} rows loaded; {self.figures_added} figures filed, "
            f"{self.figures_kept} already held and kept"
        )


def given(cell: str) -> bool:
    return cell.strip().upper() not in _NOT_GIVEN


def printed_value(cell: str) -> Decimal | None:
    return tables.number(cell) if given(cell) else None


def printed_rag(cell: str) -> Rag:
    return _RAG_WORDS.get(cell.strip().lower(), Rag.NA)


def printed_quartile(cell: str) -> int | None:
    return _QUARTILE_WORDS.get(cell.strip().lower())


def read(text: str) -> tuple[str, list[tuple[int, dict]]]:
    """The layout and the rows (line number, heading -> cell) of a printed dashboard."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    headings = [h.strip() for h in lines[0].split("\t")]
    layout = next((name for name, columns in LAYOUTS.items() if headings == list(columns)), None)
    if layout is None:
        raise TableError([RowError(1, None, "the headings are not those of a known dashboard layout")])
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        record = {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(headings)}
        if record["Indicator"].strip():  # a trailing group label alone is not a row
            rows.append((number, record))
    return layout, rows


def _parse_row(layout, number, record, indicators, errors):
    fields = {LAYOUTS[layout][heading]: cell for heading, cell in record.items()}
    heading = {field: printed for printed, field in LAYOUTS[layout].items()}
    before = len(errors)
    indicator = registry.find(fields["indicator"], indicators)
    if indicator is None:
        errors.append(
            RowError(number, "Indicator", f"'{fields['indicator']}' is not an indicator Thrive knows")
        )
        return None
    parsed = {"indicator": indicator}
    for field in ("latest_value", "previous_value", "neighbour_average"):
        try:
            parsed[field] = printed_value(fields.get(field, ""))
        except ValueError as error:
            errors.append(RowError(number, heading[field], str(error)))
    try:
        parsed["latest_period"] = registry.period_of(indicator, fields["latest_period"].strip())
    except PeriodError as error:
        errors.append(RowError(number, heading["latest_period"], str(error)))
        return None
    if layout == TOPIC_THEME:
        try:
            parsed["previous_period"] = registry.period_of(indicator, fields["previous_period"].strip())
        except PeriodError as error:
            errors.append(RowError(number, heading["previous_period"], str(error)))
    else:
        parsed["previous_period"] = periods.comparison(parsed["latest_period"], indicator.compare_with)
    try:
        parsed["target"] = Target.parse(fields["target"])
    except ValueError as error:
        errors.append(RowError(number, heading["target"], str(error)))
    if len(errors) > before:
        return None
    parsed.update(
        rag=printed_rag(fields["rag"]),
        quartile=printed_quartile(fields["quartile"]),
        trend=fields["trend"].strip(),
    )
    if not tables.check_fits(
        PublishedRow,
        number,
        {
            field: (heading.get(field, field), parsed[field])
            for field in ("latest_value", "previous_value", "neighbour_average", "trend")
        },
        errors,
    ):
        return None
    return parsed


def dashboard_period(parsed_rows) -> str:
    """The quarter a dashboard reports: the latest quarter any quarterly indicator reaches."""
    quarters = [r["latest_period"] for r in parsed_rows if r["indicator"].frequency in _QUARTERLY]
    return max(quarters).label if quarters else max(r["latest_period"] for r in parsed_rows).label


def _file_figure(indicator, period, value, source, user, counts):
    if value is None:
        return
    held = IndicatorValue.objects.filter(indicator_code=indicator.code, period_label=period.label).first()
    if held and held.source != source:
        counts["kept"] += 1
        return
    IndicatorValue.objects.update_or_create(
        indicator_code=indicator.code,
        period_label=period.label,
        defaults={
            "period_start": period.start,
            "period_end": period.end,
            "value": value,
            "numerator": None,
            "denominator": None,
            "origin": Origin.PUBLISHED,
            "source": source,
            "loaded_by": user,
        },
    )
    counts["added"] += 1


def load(text: str, source_name: str, period_label: str | None = None, user=None) -> LoadResult:
    """Load a printed dashboard (replacing an earlier load of the same period), all or nothing."""
    layout, rows = read(text)
    indicators = registry.all_indicators()
    errors, parsed_rows = [], []
    for number, record in rows:
        parsed = _parse_row(layout, number, record, indicators, errors)
        if parsed:
            parsed_rows.append((number, record, parsed))
    if errors:
        raise TableError(errors)
    if not parsed_rows:
        raise TableError([RowError(None, None, "The dashboard has no rows.")])
    period_label = period_label or dashboard_period([p for _, _, p in parsed_rows])
    source = f"Published dashboard {period_label}"
    counts = {"added": 0, "kept": 0}
    with transaction.atomic():
        dashboard, _ = PublishedDashboard.objects.update_or_create(
            period_label=period_label,
            defaults={"layout": layout, "source_name": source_name, "loaded_by": user},
        )
        dashboard.rows.all().delete()
        PublishedRow.objects.bulk_create(
            [
                PublishedRow(
                    dashboard=dashboard,
                    position=position,
                    indicator_code=p["indicator"].code,
                    printed=record,
                    previous_period=p["previous_period"].label,
                    previous_value=p["previous_value"],
                    latest_period=p["latest_period"].label,
                    latest_value=p["latest_value"],
                    trend=p["trend"],
                    target=p["target"].text(p["indicator"].value_type) if p["target"] else "",
                    rag=p["rag"].value,
                    quartile=p["quartile"],
                    neighbour_average=p["neighbour_average"],
                )
                for position, (_, record, p) in enumerate(parsed_rows, start=1)
            ]
        )
        for _, _, p in parsed_rows:
            _file_figure(p["indicator"], p["latest_period"], p["latest_value"], source, user, counts)
            _file_figure(p["indicator"], p["previous_period"], p["previous_value"], source, user, counts)
    return LoadResult(dashboard, len(parsed_rows), counts["added"], counts["kept"])


def load_file(path, period_label: str | None = None, user=None) -> LoadResult:
    path = Path(path)
    try:
        text = textfiles.decode(path.read_bytes(), path.name)
    except textfiles.UnreadableFile as error:
        raise TableError([RowError(None, None, error.message)]) from None
    return load(text, path.name, period_label, user)
