"""Every timescale in one place, declared as data (`timescales.table`), and the council's overrides.

Journey apps ask this registry for due dates rather than writing "45" or "3 months" themselves,
so a change in law or in a council's local standard is one edit there (or one setting).

Local standards, and legal maxima a council may tighten (`statutory_limit`), can be set without
editing code:

    THRIVE_TIMESCALE_OVERRIDES = {"CLA_VISIT": 4, "CP_VISIT": 5}

The amount keeps the timescale's unit. A council may tighten a legal maximum but never loosen
it, and cannot change anything else set in law, national guidance or a DfE data definition;
`manage.py check` reports a bad override.
"""

import datetime
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

from .dates import birthday
from .definitions import UNIT_WORDS, Basis, Timescale, Unit
from .table import TIMESCALES

__all__ = [
    "Basis",
    "Due",
    "Timescale",
    "Unit",
    "TIMESCALES",
    "due",
    "get",
    "all_timescales",
    "health_review_code",
]

# --- Education and inclusion: their own block, in timescales/education.py (one line here) ---
from .education import education_timescales

TIMESCALES = TIMESCALES + education_timescales()
# --- end of the education block ---

_DECLARED = {t.code: t for t in TIMESCALES}
if len(_DECLARED) != len(TIMESCALES):
    raise ImproperlyConfigured("Two timescales share a code")


def override_errors(overrides: dict) -> list[str]:
    """What is wrong with a THRIVE_TIMESCALE_OVERRIDES value, one sentence per problem."""
    errors = []
    for code, amount in overrides.items():
        timescale = _DECLARED.get(code)
        if timescale is None:
            errors.append(f"{code} is not a timescale code.")
        elif not timescale.local_standard:
            errors.append(
                f"{code} is set in law, national guidance or a DfE data definition, not a local standard."
            )
        elif isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
            errors.append(f"{code} must be a positive whole number of {UNIT_WORDS[timescale.unit][1]}.")
        elif timescale.statutory_limit is not None and amount > timescale.statutory_limit:
            limit = replace(timescale, amount=timescale.statutory_limit).describe()
            errors.append(f"{code} cannot be longer than the statutory {limit}.")
    return errors


def _configured_overrides() -> dict:
    return getattr(settings, "THRIVE_TIMESCALE_OVERRIDES", None) or {}


def _apply(overrides: dict) -> dict[str, Timescale]:
    errors = override_errors(overrides)
    if errors:
        raise ImproperlyConfigured("THRIVE_TIMESCALE_OVERRIDES: " + " ".join(errors))
    table = dict(_DECLARED)
    for code, amount in overrides.items():
        table[code] = replace(table[code], amount=amount)
    return table


# Settings do not change while Thrive runs, so the table is built once; tests that change the
# setting send setting_changed, which rebuilds it.
_effective: dict[str, Timescale] | None = None


@receiver(setting_changed)
def _forget_overrides(setting: str, **kwargs: Any) -> None:
    global _effective
    if setting == "THRIVE_TIMESCALE_OVERRIDES":
        _effective = None


def _table() -> dict[str, Timescale]:
    global _effective
    if _effective is None:
        _effective = _apply(_configured_overrides())
    return _effective


def get(code: str) -> Timescale:
    """The timescale with this code, with the council's local standard applied."""
    try:
        return _table()[code]
    except KeyError:
        raise KeyError(f"No timescale with code {code!r}") from None


# A timescale's due date from a start: `due` below for a page, the synthetic council's cached calendar
# (council.synthetic.casework.Workdays.due_on) for the generator, so both set derived dates with one rule.
Due = Callable[[str, datetime.date], datetime.date]


def due(code: str, start: datetime.date) -> datetime.date:
    """The last day on time for the timescale `code` counted from `start`, with the council's calendar."""
    return get(code).due(start)


def all_timescales() -> list[Timescale]:
    """Every timescale in declaration order (the order of a child's journey), overrides applied."""
    table = _table()
    return [table[t.code] for t in TIMESCALES]


def health_review_code(date_of_birth: datetime.date, last_assessment: datetime.date) -> str:
    """Which health review timescale applies: 6-monthly before the fifth birthday, then yearly."""
    return (
        "CLA_HEALTH_REVIEW_UNDER_5" if last_assessment < birthday(date_of_birth, 5) else "CLA_HEALTH_REVIEW"
    )


def check_overrides(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Django system check: report a bad THRIVE_TIMESCALE_OVERRIDES at start-up, not mid-request."""
    return [Error(message, id="timescales.E001") for message in override_errors(_configured_overrides())]
