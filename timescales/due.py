"""What is due and overdue: one list, to which every journey app contributes.

Each app declares `<app>/due.py` with functions decorated `@due_source` (a `DueSource`); each receives
the children in scope and the date, and returns DueItems from indexed queries on stored due dates.
Worklists for a worker, a team or a manager are the same list over different sets of children.
The `due` modules are imported by `TimescalesConfig.ready` (Django's autodiscover_modules).
"""

import datetime
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BigIntegerField, Expression
from django.db.models.sql.compiler import SQLCompiler


@dataclass(frozen=True)
class DueItem:
    person_id: int
    what: str
    due: datetime.date
    timescale: str  # registry code, so the page can show the rule and its legal source
    drift: bool = False  # a management-oversight flag rather than a single deadline
    managers_only: bool = False  # a manager's decision (e.g. reviewing a share): on managers' lists only

    def overdue_on(self, on: datetime.date) -> bool:
        return on > self.due  # the due date itself is still on time


class PersonIds(Expression):
    """The children in scope as one query parameter, for each source's `person_id__in=`.

    Django sends a list as one placeholder per id; for a manager's hundreds of children that
    costs more than the query itself, once per source. These go as one JSON array (SQLite) or
    one array (PostgreSQL). Iterating gives the ids, for sources that need them in Python.
    """

    output_field = BigIntegerField()

    def __init__(self, ids: Iterable[int | str]) -> None:
        super().__init__()
        self.ids = sorted({int(i) for i in ids})

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def as_sql(  # type: ignore[override]  # the stubs want a tuple of params; Django takes a list too
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, list[Any]]:
        return ", ".join(["%s"] * len(self.ids)), self.ids

    def as_sqlite(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> tuple[str, list[Any]]:
        return "SELECT value FROM json_each(%s)", [json.dumps(self.ids)]

    def as_postgresql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> tuple[str, list[Any]]:
        return "SELECT unnest(%s::bigint[])", [self.ids]


class DueSource(Protocol):
    """An app's contribution to the list of what is due: the items for these children on the day."""

    __qualname__: str

    def __call__(self, person_ids: PersonIds, on: datetime.date) -> Iterable[DueItem]: ...


_sources: dict[str, DueSource] = {}


def due_source(func: DueSource) -> DueSource:
    """Register `func(person_ids, on) -> Iterable[DueItem]`."""
    _sources[f"{func.__module__}.{func.__qualname__}"] = func
    return func


def due_items(
    person_ids: Iterable[int], on: datetime.date, apps: Iterable[str] | None = None
) -> list[DueItem]:
    """Every item due for these children, soonest (most overdue) first; `apps` keeps to those apps' sources
    (a worklist showing only their timescales need not run the rest)."""
    ids = PersonIds(person_ids)
    items: list[DueItem] = []
    if ids:
        for name, source in _sources.items():
            if apps is None or name.split(".")[0] in apps:
                items.extend(source(ids, on))
    return sorted(items, key=lambda item: (item.due, item.person_id, item.what))
