"""axe-core, the accessibility engine, run in the page under test: outside truth for WCAG checks.

`assert_accessible(page)` evaluates node_modules/axe-core/axe.min.js in the page through Playwright (as the
browser's devtools would, so a strict Content-Security-Policy does not block it; no inline script is added to
the page) and fails with every violation, its rule, impact, help and the elements at fault.
"""

from functools import cache
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# The WCAG 2.2 A and AA rules and axe's best practices; nothing experimental.
RUN_OPTIONS = {"resultTypes": ["violations"]}


@cache
def _source() -> str:
    return AXE.read_text()


def violations(page, options: dict | None = None) -> list[dict]:
    """axe's violations on the page as it stands now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_source())
    result = page.evaluate(
        "async (options) => await window.axe.run(document, options)", options or RUN_OPTIONS
    )
    return result["violations"]


def describe(found: list[dict]) -> str:
    lines = []
    for violation in found:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


def assert_accessible(page, what: str = "") -> None:
    found = violations(page)
    assert not found, f"axe-core found accessibility violations on {what or page.url}:\n{describe(found)}"
