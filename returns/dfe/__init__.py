"""The DfE-aligned validators (data-to-insight's csc-validator-be-cin and csc-validator-be-903), run on
exactly the file Thrive would submit.

They pin pandas and numpy versions Thrive does not use, so they live in their own virtual environment
(`make validators` builds .venv-validators) and run as a subprocess: `runner.py` beside this file,
under their Python, prints what they find as JSON. THRIVE_VALIDATORS_PYTHON names another Python.
"""

import csv
import json
import xml.etree.ElementTree as ET  # nosec B405: XML that Thrive itself wrote
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

RUNNER = Path(__file__).with_name("runner.py")
VALIDATOR_KINDS = {"cin": "cin", "ssda903": "903"}

# Where a validator contradicts its own year's rules, so that a council cannot clear the finding by
# correcting its records: (ruleset, rule) -> (which findings, why). Shown apart from errors and
# queries, with the reason, and never blocking. Each predicate takes the finding and the return's
# facts (`Facts`). Checked by returns/tests/test_dfe.py.
SW17_DEFECT = (
    lambda finding, facts: finding.child not in facts.looked_after_at_end,
    "SW17STG2 wants every child's latest social worker episode open on 31 March, but SW12STG2 wants episodes "
    "reported for children who left care in the year, whose worker may have left when they did: for such a "
    "child both cannot hold.",
)
SW11B_DEFECT = (
    lambda finding, facts: finding.child not in facts.looked_after_at_end,
    "SW11bSTG2 wants a next social worker episode after one that ended in the last days of March, but for a "
    "child who left care then (and so is no longer looked after on 31 March) there is none to report.",
)
LEFT_ON_LAST_DAY = (
    lambda finding, facts: finding.child in facts.left_on_reference_date,
    "Care ended on 31 March itself: the validator reads a child as still looked after then (so 191 wants OC2), "
    "and 187 then rejects the adoption or care leaver information the child's leaving calls for.",
)
CROSS_EPISODE_REVIEWS = (
    lambda finding, facts: finding.child not in facts.review_in_cin_plan,
    "The validator matches each CP review with every CP plan of the child that has the same number within its "
    "CIN episode, so a review that ended one episode's plan is compared with another episode's plan; no review "
    "was held while a CIN plan was open and its own plan carried on.",
)
STILL_MISSING_IN_CARE = (
    lambda finding, facts: finding.child in facts.looked_after_at_end,
    "The child is still looked after on 31 March, so a missing or away period still open then is right. The "
    "validator's rule 361 fills every open episode's end with 31 March in the table the later rules share, so "
    "575 and 577 then read the child's placement and care as ended.",
)
DEFECTS = {
    **{(f"cin{y}", "4003"): CROSS_EPISODE_REVIEWS for y in ("2024_25", "2025_26", "2026_27")},
    **{
        (f"lac{y}", rule): STILL_MISSING_IN_CARE
        for y in ("2024_25", "2025_26", "2026_27")
        for rule in ("575", "577")
    },
    **{(f"lac{y}", "187"): LEFT_ON_LAST_DAY for y in ("2024_25", "2025_26", "2026_27")},
    ("lac2025_26", "SW17STG2"): SW17_DEFECT,
    ("lac2026_27", "SW17STG2"): SW17_DEFECT,
    ("lac2024_25", "SW11bSTG2"): SW11B_DEFECT,
    ("lac2025_26", "SW11bSTG2"): SW11B_DEFECT,
    ("lac2026_27", "SW11bSTG2"): SW11B_DEFECT,
    ("lac2024_25", "146"): (
        lambda finding, facts: finding.values.get("PLACE") == "K3",
        "The 2024-25 validator lists placement type K3 as 'k3', and capitalises what it reads, so it rejects every "
        "registered supported accommodation placement; its other 2024-25 rules (221, 371) treat K3 as valid, and "
        "the 2025-26 rule accepts it.",
    ),
}


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

    looked_after_at_end: set = field(
        default_factory=set
    )  # the 903's children with an episode open on 31 March
    left_on_reference_date: set = field(
        default_factory=set
    )  # the 903's children whose care ended on 31 March
    review_in_cin_plan: set = field(default_factory=set)  # the census's children with a true 4003

    @classmethod
    def of(cls, kind: str, path: Path, year: int) -> "Facts":
        if kind == "cin":
            return cls(review_in_cin_plan=_reviews_in_cin_plans(Path(path)))
        episodes = next(
            (p for p in Path(path).glob("*.csv") if p.read_text(encoding="utf-8").startswith("CHILD,DECOM,")),
            None,
        )
        if episodes is None:
            return cls()
        with open(episodes, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        last_day = f"31/03/{year}"
        return cls(
            {r["CHILD"] for r in rows if not (r.get("DEC") or "").strip()},
            {r["CHILD"] for r in rows if r.get("DEC") == last_day and r.get("REC") != "X1"},
        )


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
