"""The alerts at the top of a child's record: declared once here, raised by the apps that hold the facts.

Each kind of alert is declared in ALERTS, with its words, its colour and any threshold it uses (3 placements
in 12 months), so a council changing what is flagged changes this one registry. An app raises the alerts it
knows about in its own `<app>/alerts.py`, with a function decorated `@raises(code)` that receives the child's
record ids (the kept record and any merged into it) and today, and returns the detail of each alert found
(an empty list when there is none). Apps do not know about each other's pages, as for the timeline.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class AlertKind:
    code: str
    title: str
    # GOV.UK tag colour: red for danger to the child or staff, orange for instability, blue for status
    colour: str
    months: int = 0  # a look-back, for alerts counted over a period
    threshold: int = 0  # a count, for alerts raised at a number of events


ALERTS = {
    kind.code: kind
    for kind in (
        AlertKind("risk_to_staff", "Risk to staff", "red"),
        AlertKind("missing", "Missing now", "red"),
        AlertKind("cp_plan", "On a child protection plan", "red"),
        AlertKind(
            "placement_instability", "3 or more placements in 12 months", "orange", months=12, threshold=3
        ),
        AlertKind("unsuitable_accommodation", "Living in unsuitable accommodation", "orange"),
        AlertKind("looked_after", "Looked after", "blue"),
        AlertKind("flag", "Warning", "orange"),  # other flags a worker records
    )
}


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    detail: str
    url: str = ""


class AlertRaiser(Protocol):
    """An app's alerts of one declared kind (`<app>/alerts.py`, imported by `PeopleConfig.ready`): the detail
    of
    each found, or (detail, url)."""

    __qualname__: str

    def __call__(self, person_ids: list[int], on: datetime.date) -> list[str | tuple[str, str]]: ...


_raisers: dict[str, tuple[str, AlertRaiser]] = {}


def raises(code: str) -> Callable[[AlertRaiser], AlertRaiser]:
    """Register `func(person_ids, on) -> list[str | tuple[str, url]]` as raising alerts of the declared
    `code`."""
    if code not in ALERTS:
        raise KeyError(f"{code} is not a declared alert (people.alerts.ALERTS)")

    def register(func: AlertRaiser) -> AlertRaiser:
        _raisers[f"{func.__module__}.{func.__qualname__}"] = (code, func)
        return func

    return register


def alerts_for(person_ids: Iterable[int], on: datetime.date) -> list[Alert]:
    """Every alert on the child's record today, in the order ALERTS declares them."""
    order = list(ALERTS)
    found = []
    for code, func in _raisers.values():
        for raised in func(list(person_ids), on):
            detail, url = raised if isinstance(raised, tuple) else (raised, "")
            found.append(Alert(ALERTS[code], detail, url))
    return sorted(found, key=lambda alert: order.index(alert.kind.code))


# The people app's own alerts: warnings recorded on the record.


def _flags(person_ids: list[int], on: datetime.date, kinds: list[str]) -> list[str | tuple[str, str]]:
    from .models import PersonFlag

    current = PersonFlag.objects.filter(person_id__in=person_ids, kind__in=kinds, start_date__lte=on)
    return [
        (f"{flag.detail} (since {flag.start_date:%-d %B %Y})", "")
        for flag in current.exclude(end_date__lte=on).order_by("start_date", "pk")
    ]


@raises("risk_to_staff")
def risk_to_staff(person_ids: list[int], on: datetime.date) -> list[str | tuple[str, str]]:
    return _flags(person_ids, on, ["risk_to_staff"])


@raises("flag")
def other_warnings(person_ids: list[int], on: datetime.date) -> list[str | tuple[str, str]]:
    return _flags(person_ids, on, ["other"])
