"""What is due and overdue: one list, to which every journey app contributes.

Each app declares `<app>/due.py` with functions decorated `@due_source`; each receives the
children in scope and the date, and returns DueItems from indexed queries on stored due dates.
Worklists for a worker, a team or a manager are the same list over different sets of children.
"""
import datetime
import importlib
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import module_has_submodule

_sources = {}


@dataclass(frozen=True)
class DueItem:
    person_id: int
    what: str
    due: datetime.date
    timescale: str  # registry code, so the page can show the rule and its legal source
    drift: bool = False  # a management-oversight flag rather than a single deadline

    def overdue_on(self, on: datetime.date) -> bool:
        return on > self.due  # the due date itself is still on time


def due_source(func):
    """Register `func(person_ids, on) -> Iterable[DueItem]`."""
    _sources[f"{func.__module__}.{func.__qualname__}"] = func
    return func


def _autodiscover():
    for app in settings.THRIVE_APPS:
        package = importlib.import_module(app)
        if module_has_submodule(package, "due"):
            importlib.import_module(f"{app}.due")


def due_items(person_ids, on: datetime.date) -> list[DueItem]:
    """Every item due for these children, soonest (most overdue) first."""
    _autodiscover()
    person_ids = list(person_ids)
    items = []
    if person_ids:
        for source in _sources.values():
            items.extend(source(person_ids, on))
    return sorted(items, key=lambda item: (item.due, item.person_id, item.what))
