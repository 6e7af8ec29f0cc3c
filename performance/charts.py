"""A small trend chart drawn on the server as SVG: no JavaScript, readable without styles.

The chart only shows the shape of the history; the table beside it carries every figure, so the
chart is decorative for screen readers apart from its one-sentence description.
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
class Chart:
    width: int
    height: int
    points: list
    polyline: str
    axis: list  # (y, text) gridlines
    target_y: float | None
    baseline_y: float
    description: str


def _nice_bounds(values):
    low, high = min(values), max(values)
    if low == high:
        pad = abs(low) * Decimal("0.1") or Decimal(1)
    else:
        pad = (high - low) * Decimal("0.1")
    return low - pad, high + pad


def trend(indicator, figures, target=None) -> Chart | None:
    """`figures` are IndicatorValues oldest first; None if there is nothing to draw."""
    if not figures:
        return None
    values = [f.value for f in figures] + ([target.value] if target else [])
    low, high = _nice_bounds(values)
    span = high - low
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y_of(value):
        return round(TOP + float((high - value) / span) * plot_h, 1)

    step = plot_w / max(len(figures) - 1, 1)
    points = [
        Point(round(LEFT + (i * step if len(figures) > 1 else plot_w / 2), 1), y_of(f.value), f.period_label,
              indicator.format(f.value))
        for i, f in enumerate(figures)
    ]
    axis = [(y_of(v), indicator.format(v)) for v in (high, (high + low) / 2, low)]
    first, last = figures[0], figures[-1]
    description = (
        f"{indicator.name}: {len(figures)} figures from {first.period_label} ({indicator.format(first.value)}) "
        f"to {last.period_label} ({indicator.format(last.value)})."
    )
    return Chart(
        WIDTH, HEIGHT, points, " ".join(f"{p.x},{p.y}" for p in points), axis,
        y_of(target.value) if target else None, HEIGHT - BOTTOM, description,
    )
