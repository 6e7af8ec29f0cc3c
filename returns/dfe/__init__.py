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
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

RUNNER = Path(__file__).with_name("runner.py")
VALIDATOR_KINDS = {"cin": "cin", "ssda903": "903"}


class ValidatorsMissing(Exception):
    def __init__(self, python: Path):
        super().__init__(
            f"The DfE-aligned validators are not installed ({python} is missing): run `make validators` in "
            "Thrive's folder, or set THRIVE_VALIDATORS_PYTHON to a Python that has csc-validator-be-cin and "
            "csc-validator-be-903.")


class ValidatorFailed(Exception):
    pass


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
    configured = getattr(settings, "THRIVE_VALIDATORS_PYTHON", "") or os.environ.get("THRIVE_VALIDATORS_PYTHON", "")
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
        Finding(i["rule"], rules.get(i["rule"], {}).get("kind", "error"), rules.get(i["rule"], {}).get("message", ""),
                i["child"], i["table"], i["row"], i["fields"], i["values"])
        for i in result["issues"]
    ]
    return Findings(result["validator"], result["ruleset"], rules, findings, time.monotonic() - started,
                    result.get("failed_rules", []))
