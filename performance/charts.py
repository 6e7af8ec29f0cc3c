"""Charts drawn on the server as SVG: no JavaScript, readable without styles.

A trend chart (the council's figures, with the England and statistical-neighbour averages of the national
year each figure falls in, and the target), and a sparkline per indicator for the dashboard table and the
report's summary. A chart only shows the shape of the history; the tables beside it carry every figure, so
a chart is decorative for screen readers apart from its one-sentence description.
"""

from dataclasses import dataclass
from decimal import Decimal

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 48


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    text: str


@dataclass(frozen=True)
class Comparison:
    """A line beside the council's: the England or statistical-neighbour average."""

    name: str
    css: str  # performance-chart__england, performance-chart__neighbours
    polyline: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    points: list
    polyline: str
    axis: list  # (y, text) gridlines
    target_y: float | None
    baseline_y: float
    description: str
    comparisons: list = ()


@dataclass(frozen=True)
class Sparkline:
    width: int
    height: int
    polyline: str
    last: tuple  # (x, y) of the latest figure, marked with a dot
    description: str


SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 96, 24, 3
SPARK_FIGURES = 8  # the latest figures a sparkline shows


def sparkline(indicator, figures, width: int = SPARK_WIDTH, height: int = SPARK_HEIGHT) -> Sparkline | None:
    """The shape of the latest figures (oldest first), for a table cell or the report's summary; None with
    fewer than two."""
    figures = [f for f in figures if f.value is not None][-SPARK_FIGURES:]
    if len(figures) < 2:
        return None
    values = [f.value for f in figures]
    low, high = min(values), max(values)
    span = (high - low) or Decimal(1)
    step = (width - 2 * SPARK_PAD) / (len(values) - 1)

    def y_of(value):
        return round(SPARK_PAD + float((high - value) / span) * (height - 2 * SPARK_PAD), 1)

    points = [(round(SPARK_PAD + i * step, 1), y_of(value)) for i, value in enumerate(values)]
    first, last = figures[0], figures[-1]
    return Sparkline(
        width,
        height,
        " ".join(f"{x},{y}" for x, y in points),
        points[-1],
        f"{indicator.name}: {indicator.format(first.value)} in {first.period_label}, "
        f"{indicator.format(last.value)} in {last.period_label}.",
    )


def _nice_bounds(values):
    low, high = min(values), max(values)
    if low == high:
        pad = abs(low) * Decimal("0.1") or Decimal(1)
    else:
        pad = (high - low) * Decimal("0.1")
    return low - pad, high + pad


COMPARISONS = (
    ("England average", "performance-chart__england"),
    ("Statistical neighbour average", "performance-chart__neighbours"),
)


def trend(indicator, figures, target=None, england=None, neighbours=None) -> Chart | None:
    """`figures` are IndicatorValues oldest first; `england` and `neighbours` the averages beside each figure
    (None where there is none); None if there is nothing to draw."""
    if not figures:
        return None
    lines = [
        (name, css, series)
        for (name, css), series in zip(COMPARISONS, (england, neighbours))
        if series and any(v is not None for v in series)
    ]
    values = [f.value for f in figures] + ([target.value] if target else [])
    values += [v for _, _, series in lines for v in series if v is not None]
    low, high = _nice_bounds(values)
    span = high - low
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y_of(value):
        return round(TOP + float((high - value) / span) * plot_h, 1)

    step = plot_w / max(len(figures) - 1, 1)
    points = [
        Point(
            round(LEFT + (i * step if len(figures) > 1 else plot_w / 2), 1),
            y_of(f.value),
            f.period_label,
            indicator.format(f.value),
        )
        for i, f in enumerate(figures)
    ]
    axis = [(y_of(v), indicator.format(v)) for v in (high, (high + low) / 2, low)]
    first, last = figures[0], figures[-1]
    description = (
        f"{indicator.name}: {len(figures)} figures from {first.period_label} "
        f"({indicator.format(first.value)}) "
        f"to {last.period_label} ({indicator.format(last.value)})"
        + "".join(f", with the {name.lower()}" for name, _, _ in lines)
        + "."
    )
    comparisons = [
        Comparison(name, css, " ".join(f"{p.x},{y_of(v)}" for p, v in zip(points, series) if v is not None))
        for name, css, series in lines
    ]
    return Chart(
        WIDTH,
        HEIGHT,
        points,
        " ".join(f"{p.x},{p.y}" for p in points),
        axis,
        y_of(target.value) if target else None,
        HEIGHT - BOTTOM,
        description,
        comparisons,
    )
