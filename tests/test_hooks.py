"""The plugin hooks (docs/architecture.md, "Hooks"): each registry is filled at start-up by Django's
autodiscover_modules, called from the AppConfig.ready() of the core that owns it, and no app discovers
modules by hand."""

import ast
from pathlib import Path

from django.conf import settings

from council.synthetic import registry as synthetic
from people import alerts, casework, timeline
from performance import registry as indicators
from retention import facts
from timescales import due

ROOT = Path(settings.BASE_DIR)


def _apps(names) -> set[str]:
    return {name.split(".")[0] for name in names}


def test_every_hook_is_filled_at_start_up_from_the_apps_that_contribute():
    assert {"frontdoor", "familyhelp", "protection", "care", "leavers"} <= _apps(due._sources)
    assert {"frontdoor", "familyhelp", "protection", "care", "leavers", "education"} <= _apps(
        f.__module__ for f in indicators._computations.values()
    )
    assert {"people", "frontdoor", "care", "leavers"} <= _apps(timeline._providers)
    assert {"frontdoor", "familyhelp", "protection", "care"} <= _apps(casework._cards)
    assert {"protection", "care"} <= _apps(alerts._raisers)
    assert {"care", "leavers"} <= _apps(f.__module__ for f in facts._providers)
    assert {"frontdoor", "sharing"} <= _apps(f.__module__ for f in facts._anonymisers)
    assert {"people", "access", "frontdoor", "care", "leavers"} <= _apps(
        c.name for c in synthetic.contributions()
    )


def _discovers_by_hand(node: ast.AST) -> bool:
    """module_has_submodule, or import_module / find_spec of a name built from the app: f"{app}.timeline"."""
    if not isinstance(node, ast.Call):
        return False
    name = getattr(node.func, "attr", getattr(node.func, "id", ""))
    if name == "module_has_submodule":
        return True
    first = node.args[0] if node.args else None
    return (
        name in {"import_module", "find_spec"}
        and isinstance(first, ast.JoinedStr)
        and isinstance(first.values[0], ast.FormattedValue)
    )


def test_no_app_discovers_modules_by_hand():
    found = []
    for app in settings.THRIVE_APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            found += [
                f"{path.relative_to(ROOT)}:{node.lineno}"
                for node in ast.walk(ast.parse(path.read_text()))
                if _discovers_by_hand(node)
            ]
    assert found == []
    assert _discovers_by_hand(ast.parse('importlib.import_module(f"{app}.due")').body[0].value)
