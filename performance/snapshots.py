"""Freezing a quarter's report as it was reported, and explaining what a recomputation changes.

Records move after a committee has read the figures: an assessment authorised late, a referral
typed in weeks after it arrived, two records of one child merged. A snapshot keeps what was
reported (every report line, and the children behind each computed figure). `changes` recomputes
each computed figure from the records held now and lists the children added to or removed from
its denominator and numerator, with the reason read from the record's history, instead of
silently rewriting what the committee saw.
"""

import dataclasses
from dataclasses import dataclass, replace
from functools import cached_property

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from people.models import PersonMerge

from . import computed, periods, registry
from . import report as reports
from .definitions import Frequency, Indicator, Obtained, Polarity, Target, ValueType
from .models import FigureCases, Origin, Snapshot, SnapshotCases, SnapshotRow
from .rating import Dot, Rag
from .registry import Case, Figure
from .report import Line, Report

STORED = [f.name for f in dataclasses.fields(Line) if f.name not in ("indicator", "history")]


def freeze(period: periods.Period, user, note: str = "") -> Snapshot:
    """Keep the report for `period` as it stands, with the children behind each computed figure."""
    built = reports.build(period)
    with transaction.atomic():
        snapshot = Snapshot.objects.create(
            period_label=period.label,
            period_start=period.start,
            period_end=period.end,
            frozen_by=user,
            note=note,
        )
        rows = SnapshotRow.objects.bulk_create(
            _row(snapshot, position, line) for position, line in enumerate(built.lines)
        )
        row_for = {(row.indicator_code, row.period_label): row for row in rows}
        held = FigureCases.objects.filter(
            figure__origin=Origin.COMPUTED,
            figure__indicator_code__in={code for code, _ in row_for},
            figure__period_label__in={label for _, label in row_for},
        ).values_list("figure__indicator_code", "figure__period_label", "cases")
        SnapshotCases.objects.bulk_create(
            SnapshotCases(row=row_for[code, label], cases=cases)
            for code, label, cases in held
            if (code, label) in row_for
        )
    return snapshot


def _row(snapshot, position, line: Line) -> SnapshotRow:
    indicator = line.indicator
    return SnapshotRow(
        snapshot=snapshot,
        position=position,
        indicator_code=indicator.code,
        name=indicator.name,
        outcome=indicator.outcome,
        area=indicator.area,
        value_type=indicator.value_type,
        target=indicator.target_text,
        **{name: getattr(line, name) for name in STORED},
    )


def _indicator(row: SnapshotRow) -> Indicator:
    """The indicator as it was reported: its name, grouping and target then, not as they are now."""
    frozen = {
        "name": row.name,
        "outcome": row.outcome,
        "area": row.area,
        "value_type": ValueType(row.value_type),
        "target": Target.parse(row.target),
    }
    try:
        return replace(registry.get(row.indicator_code), **frozen)
    except KeyError:  # a council indicator deleted since
        return Indicator(
            row.indicator_code,
            polarity=Polarity.NONE,
            frequency=Frequency.QUARTER,
            definition="",
            source="",
            obtained=Obtained.IMPORTED,
            **frozen,
        )


def line_of(row: SnapshotRow) -> Line:
    values = {name: getattr(row, name) for name in STORED}
    return Line(indicator=_indicator(row), **{**values, "dot": Dot(row.dot), "rag": Rag(row.rag)})


def report(snapshot: Snapshot) -> Report:
    """The report exactly as it was frozen."""
    period = periods.Period(snapshot.period_label, snapshot.period_start, snapshot.period_end, "quarter")
    return Report(
        period,
        [line_of(row) for row in snapshot.rows.all()],
        reports.council_name(),
        snapshot=snapshot,
        generated_at=snapshot.frozen_at,
    )


# What changed since.


@dataclass
class CaseChange:
    """A case that moved since `since`; its reason is read from history only when asked for, so a page
    explains just the children it shows."""

    person_id: int
    date: object
    counted: bool  # in the numerator now (or, for a removed case, then)
    record: str
    since: object

    @cached_property
    def reason(self) -> str:
        return why(self, self.since)


@dataclass(frozen=True)
class Change:
    """One computed figure: as reported, as the records give it now, and the children that moved."""

    line: Line
    now: Figure | None
    added: list  # CaseChanges in the denominator now but not then
    removed: list
    into_numerator: list
    out_of_numerator: list

    @property
    def changed(self) -> bool:
        now = (self.now.value, self.now.numerator, self.now.denominator) if self.now else (None, None, None)
        return now != (self.line.value, self.line.numerator, self.line.denominator) or any(
            (self.added, self.removed, self.into_numerator, self.out_of_numerator)
        )


def changes(snapshot: Snapshot) -> list[Change]:
    """Recompute every computed figure the snapshot holds and compare, case by case."""
    found = []
    for row in snapshot.rows.filter(origin=Origin.COMPUTED).select_related("case_list"):
        line = line_of(row)
        if registry.computation(row.indicator_code) is None:
            continue
        now = computed.evaluate(row.indicator_code, registry.period_of(line.indicator, row.period_label))
        then = {case.record: case for case in _cases_of(row)}
        current = {case.record: case for case in (now.cases if now else ())}
        both = current.keys() & then.keys()
        found.append(
            Change(
                line,
                now,
                added=_explained((current[key] for key in current.keys() - then.keys()), snapshot.frozen_at),
                removed=_explained((then[key] for key in then.keys() - current.keys()), snapshot.frozen_at),
                into_numerator=_explained(
                    (current[key] for key in both if current[key].counted and not then[key].counted),
                    snapshot.frozen_at,
                ),
                out_of_numerator=_explained(
                    (current[key] for key in both if then[key].counted and not current[key].counted),
                    snapshot.frozen_at,
                ),
            )
        )
    return found


def _cases_of(row: SnapshotRow) -> list[Case]:
    try:
        return row.case_list.as_cases()
    except SnapshotCases.DoesNotExist:
        return []


def _explained(cases, since) -> list[CaseChange]:
    return sorted(
        (CaseChange(case.person_id, case.date, case.counted, case.record, since) for case in cases),
        key=lambda change: (change.date, change.record),
    )


def _day(moment) -> str:
    local = timezone.localtime(moment)
    return f"{local.day} {local:%B %Y}"


def why(case: Case, since) -> str:
    """Why a case moved since `since`, from the history of its record and its child's other records."""
    label, pk = case.record.split(":")
    model = apps.get_model(label)
    noun = model._meta.verbose_name
    history = model.history.filter(id=pk)
    since_then = list(history.filter(history_date__gt=since).order_by("history_date"))
    if since_then:
        first, last = since_then[0], since_then[-1]
        if first.history_type == "+":
            return f"The {noun} was recorded on {_day(first.history_date)}, after the report was frozen."
        if last.history_type == "-":
            return f"The {noun} was deleted on {_day(last.history_date)}."
        before = history.filter(history_date__lte=since).order_by("-history_date").first()
        changed = last.diff_against(before).changed_fields if before else []
        fields = ", ".join(str(model._meta.get_field(name).verbose_name) for name in changed)
        return f"The {noun} was changed on {_day(last.history_date)}" + (f": {fields}." if fields else ".")
    merge = (
        PersonMerge.objects.filter(survivor_id=case.person_id, merged_at__gt=since)
        .order_by("merged_at")
        .first()
    )
    if merge:
        return (
            f"Another record of the child ({merge.duplicate.la_id}) was merged into theirs on "
            f"{_day(merge.merged_at)}."
        )
    other = (
        model.history.filter(person_id=case.person_id, history_date__gt=since)
        .exclude(id=pk)
        .order_by("history_date")
    )
    if other.exists():
        return f"Another {noun} of the child was recorded or changed on {_day(other.last().history_date)}."
    return f"The {noun} is unchanged; another of the child's records changed."
