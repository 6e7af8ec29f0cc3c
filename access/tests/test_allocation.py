"""Involvements, the source of every legitimate relationship, are made only by the allocation steps."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAKES = re.compile(
    r"Involvement\.objects\.(create|bulk_create|get_or_create|update_or_create)\b"
    r"|(?<!class )\bInvolvement\(|insert\(\s*Involvement\b"
)
# Where involvements may be made: the allocation steps, and the loaders of synthetic or imported history.
ALLOWED = {
    "access/allocation.py",
    "access/synthetic.py",
    "care/synthetic.py",
    "leavers/synthetic.py",
    "privatefostering/synthetic.py",
    "education/synthetic_inclusion.py",
    "returns/ssda903/workers.py",
}
SKIPPED = {".venv", "node_modules", "migrations", "tests"}


def test_involvements_are_made_only_by_allocation_steps():
    makers = set()
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if SKIPPED & set(relative.parts):
            continue
        if MAKES.search(path.read_text(encoding="utf-8")):
            makers.add(relative.as_posix())
    assert makers <= ALLOWED and "access/allocation.py" in makers
