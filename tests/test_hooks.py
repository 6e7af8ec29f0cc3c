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
        f.__module__ for f in indicators._computations.values())
    assert {"people", "frontdoor", "care", "leavers"} <= _apps(timeline._providers)
    assert {"frontdoor", "familyhelp", "protection", "care"} <= _apps(casework._cards)
    assert {"protection", "care"} <= _apps(alerts._raisers)
    assert {"care", "frontdoor"} <= _apps(f.__module__ for f in facts._providers)
    assert {"people", "access", "frontdoor", "care", "leavers"} <= _apps(c.name for c in synthetic.contributions())


def test_no_app_discovers_modules_by_hand():
    """importlib.import_module over the apps, module_has_submodule or find_spec: autodiscover_modules instead."""
    found = []
    for app in settings.THRIVE_APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                name = getattr(node, "attr", None) or getattr(node, "id", None)
                if name in {"module_has_submodule", "find_spec"}:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found
