"""The DfE-aligned validators (data-to-insight's csc-validator-be-cin and csc-validator-be-903), run on
exactly the file Thrive would submit.

They pin pandas and numpy versions Thrive does not use, so they live in their own virtual environment
(`make validators` builds .venv-validators) and run as a subprocess: `runner.py` beside this file,
under their Python, prints what they find as JSON. THRIVE_VALIDATORS_PYTHON names another Python.
"""

import json
import os
import subprocess
import time
import xml.etree.ElementTree as ET  # nosec B405: XML that Thrive itself wrote
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

RUNNER = Path(__file__).with_name("runner.py")
VALIDATOR_KINDS = {"cin": "cin", "ssda903": "903"}

# Where a validator contradicts its own year's rules, so that a council cannot clear the finding by
# correcting its records: (ruleset, rule) -> (which findings, why). Shown apart from errors and
# queries, with the reason, and never blocking. Each predicate takes the finding and the return's
# facts (`Facts`). Checked by returns/tests/test_dfe.py.
CROSS_EPISODE_REVIEWS = (
    lambda finding, facts: finding.child not in facts.review_in_cin_plan,
    "The validator matches each CP review with every CP plan of the child that has the same number "
    "within its "
    "CIN episode, so a review that ended one episode's plan is compared with another episode's plan; no "
    "review "
    "was held while a CIN plan was open and its own plan carried on.",
)
DEFECTS = {(f"cin{y}", "4003"): CROSS_EPISODE_REVIEWS for y in ("2024_25", "2025_26", "2026_27")}


class ValidatorsMissing(Exception):
    def __init__(self, python: Path):
        super().__init__(
            f"The DfE-aligned validators are not installed ({python} is missing): run `make validators` in "
            "Thrive's folder, or set THRIVE_VALIDATORS_PYTHON to a Python that has csc-validator-be-cin and "
            "csc-validator-be-903."
        )


class ValidatorFailed(Exception):
    pass


@dataclass
class Facts:
    """What the defect checks need to know about the return besides the finding."""

    review_in_cin_plan: set = field(default_factory=set)  # the census's children with a true 4003

    @classmethod
    def of(cls, kind: str, path: Path, year: int) -> "Facts":
        if kind == "cin":
            return cls(review_in_cin_plan=_reviews_in_cin_plans(Path(path)))
        return cls()


def _reviews_in_cin_plans(path: Path) -> set:
    """Children with a CP review held while a CIN plan was open and its own plan went on (rule 4003 as the DfE
    words it: each review against the plan it belongs to, within its CIN episode)."""
    found = set()
    for child in ET.parse(path).getroot().iter("Child"):  # nosec B314: XML that Thrive itself wrote
        child_id = child.findtext("ChildIdentifiers/LAchildID")
        plans = [
            (p.findtext("CINPlanStartDate"), p.findtext("CINPlanEndDate")) for p in child.iter("CINPlanDates")
        ]
        for cpp in child.iter("ChildProtectionPlans"):
            ended = cpp.findtext("CPPendDate")
            for review in cpp.findall("Reviews/CPPreviewDate"):
                day = review.text
                if ended and day != ended and any(s and e and s <= day < e for s, e in plans):
                    found.add(child_id)
    return found


@dataclass
class Finding:
    rule: str
    kind: str  # "error" or "query"
    message: str
    child: str  # the LA child ID, "" for the whole return
    table: str
    row: int | None
    fields: list
    values: dict


@dataclass
class Findings:
    validator: str  # package and version
    ruleset: str  # the year's module, e.g. cin2024_25
    rules: dict
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0
    failed_rules: list = field(default_factory=list)


def python() -> Path:
    configured = getattr(settings, "THRIVE_VALIDATORS_PYTHON", "") or os.environ.get(
        "THRIVE_VALIDATORS_PYTHON", ""
    )
    return Path(configured) if configured else Path(settings.BASE_DIR) / ".venv-validators" / "bin" / "python"


def available() -> bool:
    return python().exists()


def validate(kind: str, path: Path, year: int, ons_code: str = "") -> Findings:
    """Run the year's validator on the return at `path` (the census XML, or the 903's folder of CSVs)."""
    interpreter = python()
    if not interpreter.exists():
        raise ValidatorsMissing(interpreter)
    command = [str(interpreter), str(RUNNER), VALIDATOR_KINDS[kind], str(path), "--year", str(year)]
    if kind == "ssda903":
        command += ["--la", ons_code]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if done.returncode != 0:
        raise ValidatorFailed(f"The {kind} validator stopped: {done.stderr.strip().splitlines()[-1:]}")
    result = json.loads(done.stdout)
    rules = result["rules"]
    findings = [
        Finding(
            i["rule"],
            rules.get(i["rule"], {}).get("kind", "error"),
            rules.get(i["rule"], {}).get("message", ""),
            i["child"],
            i["table"],
            i["row"],
            i["fields"],
            i["values"],
        )
        for i in result["issues"]
    ]
    facts = Facts.of(kind, path, year)
    for finding in findings:
        known = DEFECTS.get((result["ruleset"], finding.rule))
        if known and known[0](finding, facts):
            finding.kind = "defect"
            rules[finding.rule]["defect"] = known[1]
    return Findings(
        result["validator"],
        result["ruleset"],
        rules,
        findings,
        time.monotonic() - started,
        result.get("failed_rules", []),
    )
