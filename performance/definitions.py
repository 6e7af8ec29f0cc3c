"""The shape of an indicator: what the registry declares for each one.

Kept apart from the data (`indicators.py`) and the lookups (`registry.py`) so that a council's own
indicators (`LocalIndicator`) can be turned into the same shape.
"""

import enum
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .periods import CompareWith, Span, YearKind


class ValueType(enum.StrEnum):
    NUMBER = "number"
    PERCENT = "percent"
    RATE = "rate"  # per 10,000 children
    SCORE = "score"  # e.g. Progress 8: can be negative, no unit

    @property
    def label(self):
        return {"number": "Number", "percent": "Percent", "rate": "Rate per 10,000", "score": "Score"}[self]


class Polarity(enum.StrEnum):
    HIGH_GOOD = "high"
    LOW_GOOD = "low"
    NONE = "none"

    @property
    def label(self):
        return {"high": "High is good", "low": "Low is good", "none": "No polarity"}[self]


class Frequency(enum.StrEnum):
    QUARTER = "quarter"
    TERM = "term"
    ANNUAL = "annual"
    LAST_MONTH_OF_QUARTER = "last_month_of_quarter"

    @property
    def label(self):
        return {
            "quarter": "Quarter",
            "term": "Term",
            "annual": "Annual",
            "last_month_of_quarter": "Last month of quarter",
        }[self]

    @property
    def adjective(self):
        return {
            "quarter": "quarterly",
            "term": "termly",
            "annual": "annual",
            "last_month_of_quarter": "last-month-of-quarter",
        }[self]


class Obtained(enum.StrEnum):
    COMPUTED = "computed"  # from Thrive's own case records, by a registered computation
    IMPORTED = "imported"  # loaded from a file (school census, Ofsted, DfE releases, youth justice)


class RagRule(enum.StrEnum):
    """How an indicator's RAG is decided; the rules themselves live in `rules.py`."""

    TARGET_THEN_QUARTILE = "target_then_quartile"
    TARGET = "target"
    QUARTILE = "quartile"
    NONE = "none"


# Decimal places shown when nothing else is declared: as the published dashboards print them.
DEFAULT_DECIMALS = {ValueType.NUMBER: 0, ValueType.PERCENT: 1, ValueType.RATE: 1, ValueType.SCORE: 2}

_TARGET = re.compile(r"^(>=|<=|>|<|≥|≤)\s*(-?\d+(?:\.\d+)?)\s*%?$")
_NO_TARGET = {"", "NA", "N/A", "NONE", "-"}


@dataclass(frozen=True)
class Target:
    """A target as printed, e.g. ">97.2%": a comparator and a value in the indicator's unit."""

    comparator: str
    value: Decimal

    @classmethod
    def parse(cls, text) -> "Target | None":
        """ ">97.2%" -> Target(">", 97.2); "N/A" or blank -> None; anything else -> ValueError."""
        text = str(text or "").strip()
        if text.upper() in _NO_TARGET:
            return None
        m = _TARGET.match(text)
        if not m:
            raise ValueError(f"'{text}' is not a target like >97.2% or <20.8%")
        comparator = {"≥": ">=", "≤": "<="}.get(m[1], m[1])
        try:
            return cls(comparator, Decimal(m[2]))
        except InvalidOperation:
            raise ValueError(f"'{text}' is not a target like >97.2% or <20.8%") from None

    @property
    def higher_is_better(self) -> bool:
        return self.comparator.startswith(">")

    def met(self, value: Decimal) -> bool:
        return {
            ">": value > self.value,
            ">=": value >= self.value,
            "<": value < self.value,
            "<=": value <= self.value,
        }[self.comparator]

    def text(self, value_type: ValueType = ValueType.NUMBER) -> str:
        suffix = "%" if value_type == ValueType.PERCENT else ""
        return f"{self.comparator}{self.value}{suffix}"


@dataclass(frozen=True)
class Indicator:
    """One indicator on the dashboard. See docs/performance.md for what each field means."""

    code: str
    name: str
    outcome: str
    area: str
    value_type: ValueType
    polarity: Polarity
    frequency: Frequency
    definition: str
    source: str
    obtained: Obtained
    computed_by: str = ""  # the app expected to supply the computation, e.g. "frontdoor"
    target: Target | None = None
    rag_rule: RagRule = RagRule.TARGET_THEN_QUARTILE
    benchmark_key: str = ""  # the `indicator` value in national benchmark files
    aliases: tuple[str, ...] = ()  # other printed names, including truncated ones
    compare_with: CompareWith = CompareWith.PREVIOUS_PERIOD
    year_kind: YearKind = YearKind.FINANCIAL
    decimals: int | None = None
    local: bool = False
    # Computed indicators: what a figure for a reporting period counts, what one case behind it is
    # ("referral", "referrals"), and which date of the case the drill-down shows.
    span: Span = Span.PERIOD
    counts: tuple[str, str] = ("child", "children")
    case_date: str = ""
    phrase: str = ""  # how a report's narrative names it, if not by its printed name

    def counted(self, number) -> str:
        """ "1 referral", "1,682 referrals"."""
        number = Decimal(number)
        singular, plural = self.counts
        return f"{number:,.0f} {singular if number == 1 else plural}"

    @property
    def described_as(self) -> str:
        if self.phrase:
            return self.phrase
        return self.name if self.name[1:2].isupper() else self.name[0].lower() + self.name[1:]

    @property
    def places(self) -> int:
        return DEFAULT_DECIMALS[self.value_type] if self.decimals is None else self.decimals

    def format(self, value) -> str:
        """A value as the dashboard prints it: "82.6%", "1,247", "-0.09"."""
        if value is None:
            return "n.a."
        text = f"{Decimal(value):,.{self.places}f}"
        return f"{text}%" if self.value_type == ValueType.PERCENT else text

    @property
    def target_text(self) -> str:
        return self.target.text(self.value_type) if self.target else ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)
