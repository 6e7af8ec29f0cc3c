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
"""
import importlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
import datetime

from django.conf import settings
from django.utils.module_loading import module_has_submodule


@dataclass(frozen=True)
class Fact:
    person_id: int
    rule: str
    on: datetime.date | None = None


_providers: list[Callable[[], Iterable[Fact]]] = []
_anonymisers: list[Callable[[int], int]] = []
_discovered = False


def provides_facts(fn):
    if fn not in _providers:
        _providers.append(fn)
    return fn


def anonymiser(fn):
    if fn not in _anonymisers:
        _anonymisers.append(fn)
    return fn


def autodiscover() -> None:
    """Import `<app>.retention` for every Thrive app that has one."""
    global _discovered
    for app in settings.THRIVE_APPS:
        package = importlib.import_module(app)
        if app != "retention" and module_has_submodule(package, "retention"):
            importlib.import_module(f"{app}.retention")
    _discovered = True


def all_facts() -> dict[int, list[Fact]]:
    if not _discovered:
        autodiscover()
    found = defaultdict(list)
    for provider in _providers:
        for fact in provider():
            found[fact.person_id].append(fact)
    return found


def anonymisers() -> list[Callable[[int], int]]:
    if not _discovered:
        autodiscover()
    return list(_anonymisers)
