"""The layers of docs/architecture.md: a core (people, timescales, access, council, retention) imports no
journey
app, anywhere in its code (inside functions too; its tests may use journey apps to build their data). A
journey
app contributes to a core through the hooks (tests/test_hooks.py) instead of the core calling it by name."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CORES = {"people", "timescales", "access", "council", "retention"}
RUNNING = {"ops"}  # running Thrive: may read any app (health checks, jobs)
JOURNEY_APPS = set(settings.THRIVE_APPS) - CORES - RUNNING


def _imported(tree: ast.AST):
    """(line, module) for every import, and every import_module("...") or apps.get_model("app", ...) by
    name."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in {"import_module", "get_model"} and isinstance(node.args[0].value, str):
                yield node.lineno, node.args[0].value


def core_to_journey_imports() -> list[str]:
    found = []
    for core in sorted(CORES):
        for path in sorted((ROOT / core).rglob("*.py")):
            if {"tests", "migrations"} & set(path.relative_to(ROOT).parts):
                continue
            for line, module in _imported(ast.parse(path.read_text())):
                if module.split(".")[0] in JOURNEY_APPS:
                    found.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return found


def test_the_cores_import_no_journey_app():
    assert core_to_journey_imports() == []


def test_the_check_sees_an_import_inside_a_function():
    tree = ast.parse(
        "def f():\n    from care.models import Episode\n    apps.get_model('frontdoor', 'Referral')\n"
    )
    assert [module for _, module in _imported(tree)] == ["care.models", "frontdoor"]
