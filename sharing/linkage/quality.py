"""How well linkage does on synthetic records whose truth is known: precision and recall by kind of error.

Auto-linking is what must be nearly always right (a record on the wrong child's file is a safeguarding
risk) and must catch nearly every known child (one missed is a worker's time, or a risk unseen).
Targets: precision at least 0.99 and recall at least 0.95. Records about children the council does
not know count against precision when linked, and are left out of recall.
"""

from collections import Counter
from dataclasses import dataclass, field

from ..partners.models import LinkStatus, PartnerRecord
from . import linking

TARGET_PRECISION, TARGET_RECALL = 0.99, 0.95
UNKNOWN_CHILD = "child not known to the council"
NO_ERROR = "no error"
ERROR_LABELS = {
    "misspelling": "misspelt name",
    "nickname": "nickname",
    "swapped_day_month": "day and month swapped",
    "old_address": "old address",
    "nhs_missing": "NHS number missing",
    "nhs_mistyped": "NHS number mistyped",
}


@dataclass
class Row:
    label: str
    counts: Counter = field(default_factory=Counter)

    @property
    def records(self) -> int:
        return sum(self.counts.values())

    @property
    def precision(self) -> float | None:
        if self.label == UNKNOWN_CHILD:
            return None  # every link made for them is wrong: counted in the "wrong" column
        linked = self.counts["right"] + self.counts["wrong"]
        return self.counts["right"] / linked if linked else None

    @property
    def recall(self) -> float | None:
        known = self.records - self.counts["unknown_left"]
        return self.counts["right"] / known if known else None


def outcome(decision, truth_person: int | None) -> str:
    if decision.status == LinkStatus.LINKED:
        return "right" if decision.person_id == truth_person else "wrong"
    if truth_person is None:
        return "unknown_left"
    if decision.status == LinkStatus.REVIEW and truth_person in {c.left for c in decision.candidates}:
        return "review_right"
    return "missed"


def measure(splink_json: dict, held_out: bool = True, limits=None) -> dict[str, Row]:
    """Link the synthetic records (held out, or tuning) afresh, without saving, and count the outcomes."""
    records = list(
        PartnerRecord.objects.filter(truth__held_out=held_out).select_related("truth").order_by("pk")
    )
    made = {d.record_id: d for d in linking.decisions(records, splink_json, limits=limits)}
    table = {"all": Row("all records")}
    for record in records:
        truth = record.truth
        result = outcome(made[record.pk], truth.person_id)
        labels = (
            [UNKNOWN_CHILD]
            if truth.person_id is None
            else [ERROR_LABELS[e] for e in truth.errors.split(",") if e] or [NO_ERROR]
        )
        if truth.person_id is not None and labels == [ERROR_LABELS["nhs_missing"]]:
            labels.append(NO_ERROR + " (besides NHS number)")
        for label in ["all", *labels]:
            table.setdefault(label, Row(label)).counts[result] += 1
    return table


def format_table(table: dict[str, Row]) -> str:
    def pct(value):
        return "-" if value is None else f"{value:.3f}"

    head = (
        f"{'records with':<40} {'n':>6} {'linked ok':>9} {'wrong':>6} {'review':>7} {'missed':>7} "
        f"{'precision':>9} {'recall':>7}"
    )
    lines = [head, "-" * len(head)]
    order = ["all", NO_ERROR, NO_ERROR + " (besides NHS number)", *ERROR_LABELS.values(), UNKNOWN_CHILD]
    for key in order:
        row = table.get(key)
        if row is None:
            continue
        c = row.counts
        lines.append(
            f"{row.label:<40} {row.records:>6} {c['right']:>9} {c['wrong']:>6} "
            f"{c['review_right']:>7} {c['missed']:>7} {pct(row.precision):>9} {pct(row.recall):>7}"
        )
    return "\n".join(lines)
