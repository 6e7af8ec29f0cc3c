"""The hook by which journey apps tell retention what they know about a child, without retention
importing them (a core never imports a journey app).

An app declares facts in its own `<app>/retention.py`:

    from retention.facts import Fact, provides_facts

    @provides_facts
    def periods_of_care():
        for person_id, start in PeriodOfCare.objects.values_list("person_id", "start_date"):
            yield Fact(person_id, "looked_after", start)

`rule` is a code in `retention.schedule.RULES`; `on` is the date the rule counts from when it counts
from a fact (an adoption order), and otherwise only informative. Apps may also register an
`anonymiser(person_id) -> int` for free text the generic sweep cannot reach (rows not keyed by the child).
The `retention` modules are imported by `RetentionConfig.ready` (Django's autodiscover_modules).
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Fact:
    person_id: int
    rule: str
    on: datetime.date | None = None


class FactProvider(Protocol):
    """An app's facts about children that set how long their records are kept."""

    def __call__(self) -> Iterable[Fact]: ...


class Anonymiser(Protocol):
    """An app's sweep of one child's free text the generic sweep cannot reach; returns the rows changed."""

    def __call__(self, person_id: int) -> int: ...


_providers: list[FactProvider] = []
_anonymisers: list[Anonymiser] = []


def provides_facts(fn: FactProvider) -> FactProvider:
    if fn not in _providers:
        _providers.append(fn)
    return fn


def anonymiser(fn: Anonymiser) -> Anonymiser:
    if fn not in _anonymisers:
        _anonymisers.append(fn)
    return fn


def all_facts() -> dict[int, list[Fact]]:
    found = defaultdict(list)
    for provider in _providers:
        for fact in provider():
            found[fact.person_id].append(fact)
    return found


def anonymisers() -> list[Anonymiser]:
    return list(_anonymisers)
