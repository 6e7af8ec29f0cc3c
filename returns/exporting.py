"""Producing a return: build it, check every child against the year's rules, and write it only if no
error is left without a recorded reason."""
import datetime
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from council.models import LocalAuthority

from .validation.run import Validation, blocking, record_overrides


class ExportBlocked(Exception):
    def __init__(self, issues):
        super().__init__(f"{len(issues)} validation error(s) without an override")
        self.issues = issues


@dataclass
class Outcome:
    issues: list
    count: int  # children in the return


def la_code() -> str:
    """The council's DfE code, which heads every return (and UPNs issued here start with it)."""
    council = LocalAuthority.objects.first()
    code = council.dfe_code if council else ""
    if not (len(code) == 3 and code.isdigit()):
        raise ValueError("Set the council's 3-digit DfE local authority code before producing a return.")
    return code


def validate_only(builder, year) -> Outcome:
    validation = Validation(builder.registry, year, builder.kind)
    count = sum(1 for _ in map(validation.check, builder.children(year)))
    return Outcome(validation.finish(), count)


def export(builder, year, out: Path, *, override_reason: str = "", user=None) -> Outcome:
    """Write the return to `out` (a file or a folder, as the return needs). Blocking errors raise
    ExportBlocked, unless a reason is given to record against each of them."""
    code = la_code()
    validation = Validation(builder.registry, year, builder.kind)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".export-") as work:
        draft = Path(work) / out.name
        count = builder.write(draft, year, code, map(validation.check, builder.children(year)),
                              datetime.datetime.now())
        issues = validation.finish()
        if blocking(issues) and override_reason and user:
            record_overrides(issues, builder.kind, year.year, override_reason, user)
        if blocking(issues):
            raise ExportBlocked(blocking(issues))
        if out.is_dir():
            for path in draft.iterdir():
                os.replace(path, out / path.name)
        else:
            os.replace(draft, out)
    return Outcome(issues, count)
