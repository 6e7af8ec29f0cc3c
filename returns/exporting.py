"""Producing a return: build it, check it with the DfE-aligned validators, and write it only if no error
is left without a recorded reason.

Each check is kept (`ValidationRun` and its `ValidationIssue` rows), so the returns page shows the
latest without building and checking the return again for every page an analyst reads.
"""

import datetime
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from council.models import LocalAuthority

from . import dfe, timing
from .models import FixRequest, IssueKind, ValidationIssue, ValidationOverride, ValidationRun


class ExportBlocked(Exception):
    def __init__(self, issues):
        super().__init__(f"{len(issues)} validation error(s) without an override")
        self.issues = issues


@dataclass
class Outcome:
    run: ValidationRun | None  # None when written without the validators
    issues: list[ValidationIssue]
    count: int  # children in the return

    @property
    def errors(self) -> list[ValidationIssue]:
        return [i for i in self.issues if i.kind == IssueKind.ERROR and not i.not_yet_due]

    @property
    def queries(self) -> list[ValidationIssue]:
        return [i for i in self.issues if i.kind == IssueKind.QUERY and not i.not_yet_due]


def la_code() -> str:
    """The council's DfE code, which heads every return (and UPNs issued here start with it)."""
    council = LocalAuthority.objects.first()
    code = council.dfe_code if council else ""
    if not (len(code) == 3 and code.isdigit()):
        raise ValueError("Set the council's 3-digit DfE local authority code before producing a return.")
    return code


def ons_code() -> str:
    """The council's ONS area code: the 903 validator places each placement in or out of the council by it."""
    council = LocalAuthority.objects.first()
    code = council.ons_code if council else ""
    if not (len(code) == 9 and code[0] in "EW"):
        raise ValueError("Set the council's ONS area code (like E10000018) before checking the SSDA903.")
    return code


def file_name(builder, year) -> str:
    return f"{builder.kind}_{year.year}" + (".xml" if builder.kind == "cin" else "")


def build(builder, year, target: Path) -> tuple[int, dict]:
    """Write the return to `target`: (children, {LA child ID: person id})."""
    people = {}

    def noted(children):
        for child in children:
            people[child.get("LAchildID") or child.get("CHILD")] = child.get("_person_id")
            yield child

    count = builder.write(target, year, la_code(), noted(builder.children(year)), datetime.datetime.now())
    return count, people


def check(builder, year, *, user=None, today: datetime.date | None = None) -> Outcome:
    """Build the return and check it, keeping the run."""
    with tempfile.TemporaryDirectory(prefix="thrive-check-") as work:
        target = Path(work) / file_name(builder, year)
        count, people = build(builder, year, target)
        return _validate(builder, year, target, count, people, user, today)


def _validate(builder, year, target, count, people, user, today) -> Outcome:
    findings = dfe.validate(builder.kind, target, year.year, ons_code() if builder.kind == "ssda903" else "")
    today = today or timezone.localdate()
    found_rules = {f.rule for f in findings.findings}
    with transaction.atomic():
        run = ValidationRun.objects.create(
            return_kind=builder.kind,
            year=year.year,
            ran_by=user,
            validator=findings.validator,
            ruleset=findings.ruleset,
            children=count,
            seconds=round(findings.seconds, 2),
            rules={code: rule for code, rule in findings.rules.items() if code in found_rules},
        )
        issues = [
            ValidationIssue(
                run=run,
                rule_code=f.rule,
                kind=f.kind,
                child=f.child,
                person_id=people.get(f.child),
                table=f.table,
                row=f.row,
                fields=f.fields,
                values=f.values,
                not_yet_due=timing.not_yet_due(f, year, today),
            )
            for f in findings.findings
        ]
        ValidationIssue.objects.bulk_create(issues, batch_size=2000)
        _close_resolved_fix_requests(run, issues)
    _attach_overrides(builder.kind, year.year, issues)
    return Outcome(run, issues, count)


def _close_resolved_fix_requests(run, issues):
    still = {(i.rule_code, i.person_id) for i in issues}
    open_requests = FixRequest.objects.filter(
        return_kind=run.return_kind, year=run.year, closed_at__isnull=True
    )
    resolved = [
        r.pk for r in open_requests.only("rule_code", "person_id") if (r.rule_code, r.person_id) not in still
    ]
    FixRequest.objects.filter(pk__in=resolved).update(closed_at=run.ran_at, closed_how="resolved")


def _attach_overrides(kind, year, issues):
    overrides = {
        (o.rule_code, o.child): o
        for o in ValidationOverride.objects.filter(return_kind=kind, year=year).select_related(
            "overridden_by"
        )
    }
    for issue in issues:
        issue.override = overrides.get((issue.rule_code, issue.child))


def blocking(issues) -> list[ValidationIssue]:
    """Errors with no recorded reason: the DfE would send the return back with them."""
    return [
        i
        for i in issues
        if i.kind == IssueKind.ERROR and not i.not_yet_due and getattr(i, "override", None) is None
    ]


def record_overrides(issues, kind: str, year: int, reason: str, user) -> int:
    """Record the reason for each blocking error, so the return can go with them (one batch: a council's
    first draft can carry thousands)."""
    existing = {
        (o.rule_code, o.child): o for o in ValidationOverride.objects.filter(return_kind=kind, year=year)
    }
    new = {}
    for issue in blocking(issues):
        key = (issue.rule_code, issue.child)
        if key not in existing and key not in new:
            new[key] = ValidationOverride(
                return_kind=kind,
                year=year,
                rule_code=issue.rule_code,
                child=issue.child,
                reason=reason,
                overridden_by=user,
            )
    ValidationOverride.objects.bulk_create(new.values(), batch_size=1000)
    for issue in blocking(issues):
        issue.override = existing.get((issue.rule_code, issue.child)) or new[(issue.rule_code, issue.child)]
    return len(new)


def export(
    builder, year, out: Path, *, override_reason: str = "", user=None, validate: bool = True
) -> Outcome:
    """Write the return to `out` (a file, or a folder for the 903). Errors without a reason raise
    ExportBlocked, unless a reason is given to record against each. `validate=False` writes it unchecked."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".export-") as work:
        draft = Path(work) / out.name
        count, people = build(builder, year, draft)
        outcome = Outcome(None, [], count)
        if validate:
            outcome = _validate(builder, year, draft, count, people, user, None)
            if blocking(outcome.issues) and override_reason and user:
                record_overrides(outcome.issues, builder.kind, year.year, override_reason, user)
            if blocking(outcome.issues):
                raise ExportBlocked(blocking(outcome.issues))
        if draft.is_dir():
            out.mkdir(exist_ok=True)
            for path in draft.iterdir():
                os.replace(path, out / path.name)
        else:
            os.replace(draft, out)
    return outcome


def latest_run(kind: str, year: int) -> ValidationRun | None:
    return ValidationRun.objects.filter(return_kind=kind, year=year).order_by("-ran_at", "-pk").first()
