"""RAG rating, direction of travel and the summary counters: the rules, declared once.

What the published dashboards show (docs/performance.md has the evidence):

- A met target is green.
- A missed target is amber, or red when the council is in the bottom national quartile; amber is
  the best a missed target gets. Where no quartile is known, a missed target within the amber band
  (AMBER_BAND_PERCENT of the target value) is amber, beyond it red.
- With no target, RAG follows the national quartile: 1st green, 2nd and 3rd amber, 4th red.
- Direction of travel compares with the previous figure by polarity; a change no bigger than the
  tolerance for the value type is "no change". Without polarity it is "n.a.".
"""

import enum
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from . import conf
from .definitions import Polarity, RagRule, Target, ValueType


class Rag(enum.StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NA = "n.a."

    @property
    def label(self):
        return "n.a." if self is Rag.NA else self.value.capitalize()


class Dot(enum.StrEnum):
    IMPROVE = "improve"
    NO_CHANGE = "no change"
    WORSE = "worse"
    NA = "n.a."

    @property
    def label(self):
        return "n.a." if self is Dot.NA else self.value.capitalize()


QUARTILES = (1, 2, 3, 4)
QUARTILE_NAMES = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}
_SEVERITY = {Rag.GREEN: 0, Rag.AMBER: 1, Rag.RED: 2}


@dataclass(frozen=True)
class Policy:
    """The configurable parts of the rules (see `conf.DEFAULTS`)."""

    amber_band_percent: Decimal
    missed_target_rag: str
    quartile_rag: dict
    dot_tolerance: dict

    @classmethod
    def from_settings(cls) -> "Policy":
        missed = conf.get("MISSED_TARGET_RAG")
        if missed not in ("quartile", "band"):
            raise ValueError('THRIVE_PERFORMANCE MISSED_TARGET_RAG must be "quartile" or "band"')
        return cls(
            amber_band_percent=Decimal(str(conf.get("AMBER_BAND_PERCENT"))),
            missed_target_rag=missed,
            quartile_rag={int(q): Rag(r) for q, r in conf.get("QUARTILE_RAG").items()},
            dot_tolerance={ValueType(t): Decimal(str(v)) for t, v in conf.get("DOT_TOLERANCE").items()},
        )


def current_policy() -> Policy:
    return Policy.from_settings()


def within_amber_band(value: Decimal, target: Target, band_percent: Decimal) -> bool:
    """Whether a missed target is missed by no more than `band_percent` % of the target value."""
    return abs(value - target.value) <= abs(target.value) * band_percent / 100


def rag(
    value,
    target: Target | None,
    quartile: int | None,
    rule=RagRule.TARGET_THEN_QUARTILE,
    policy: Policy | None = None,
) -> Rag:
    """The RAG rating of `value` against its target, else its national quartile."""
    policy = policy or current_policy()
    if rule == RagRule.NONE or value is None:
        return Rag.NA
    uses_target = rule in (RagRule.TARGET_THEN_QUARTILE, RagRule.TARGET)
    uses_quartile = rule in (RagRule.TARGET_THEN_QUARTILE, RagRule.QUARTILE)
    if uses_target and target is not None:
        if target.met(value):
            return Rag.GREEN
        if uses_quartile and quartile and policy.missed_target_rag == "quartile":
            by_quartile = policy.quartile_rag[quartile]
            return by_quartile if _SEVERITY[by_quartile] > _SEVERITY[Rag.AMBER] else Rag.AMBER
        return Rag.AMBER if within_amber_band(value, target, policy.amber_band_percent) else Rag.RED
    if uses_quartile and quartile:
        return policy.quartile_rag[quartile]
    return Rag.NA


def direction(previous, latest, polarity: Polarity, tolerance: Decimal = Decimal(0)) -> Dot:
    """Improve, no change or worse from `previous` to `latest`, given which way is good."""
    if polarity == Polarity.NONE or previous is None or latest is None:
        return Dot.NA
    change = Decimal(latest) - Decimal(previous)
    if abs(change) <= tolerance:
        return Dot.NO_CHANGE
    better = change > 0 if polarity == Polarity.HIGH_GOOD else change < 0
    return Dot.IMPROVE if better else Dot.WORSE


def tolerance(value_type: ValueType, policy: Policy | None = None) -> Decimal:
    return (policy or current_policy()).dot_tolerance.get(value_type, Decimal(0))


def movement(previous, latest) -> str:
    """Which way the value itself moved ("up", "down", "same"), whatever its polarity: for arrows."""
    if previous is None or latest is None:
        return ""
    if latest > previous:
        return "up"
    return "down" if latest < previous else "same"


@dataclass(frozen=True)
class Summary:
    """The counters above the dashboard table: progress, RAG and quartile."""

    dot: dict
    rag: dict
    quartile: dict

    @property
    def benchmarked(self) -> int:
        return sum(self.quartile[q] for q in QUARTILES)

    def as_tuples(self) -> dict:
        """Plain counts in printed order, for tests and the page: {"dot": (6, 7, 5, 4), ...}."""
        return {
            "dot": tuple(self.dot[d] for d in Dot),
            "rag": tuple(self.rag[r] for r in Rag),
            "quartile": tuple(self.quartile[q] for q in (*QUARTILES, None)),
        }


def summarise(rows) -> Summary:
    """Count rows' `dot`, `rag` and `quartile` (None counts as n.a.)."""
    dots, rags, quartiles = Counter(), Counter(), Counter()
    for row in rows:
        dots[row.dot] += 1
        rags[row.rag] += 1
        quartiles[row.quartile if row.quartile in QUARTILES else None] += 1
    return Summary(
        dot={d: dots[d] for d in Dot},
        rag={r: rags[r] for r in Rag},
        quartile={q: quartiles[q] for q in (*QUARTILES, None)},
    )
