"""The child's timeline: one chronology that every part of the journey contributes to.

Apps do not know about each other's pages, so each app registers a provider in its own
`<app>.timeline` module; the child's page asks every provider for the same set of person
ids (the record and any duplicates merged into it) and shows the entries newest first.
Each provider says which part of the record (access.parts) its entries belong to, and an entry may say
otherwise (a plan in force is a current plan too), so a share's reader sees only entries of parts shared.
"""

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Protocol, cast

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from access.parts import Part, as_parts

from .codes import INVERSE_KIND, RelationshipKind
from .models import Address, Person, PersonMerge, Relationship


@dataclass(frozen=True)
class TimelineEntry:
    """One event in a child's life or casework.

    `date` may be a date or, where the time matters (a contact received, a merge), a datetime.
    `kind` is "<app>.<what>", e.g. "people.address", so pages can style or filter entries.
    """

    date: datetime.date
    title: str
    detail: str = ""
    kind: str = ""
    url: str | None = None
    person_id: int | None = None
    parts: tuple = ()  # the parts of the record it belongs to, when not its provider's

    @property
    def sort_key(self) -> datetime.datetime:
        if isinstance(self.date, datetime.datetime):
            return (
                timezone.localtime(self.date).replace(tzinfo=None)
                if timezone.is_aware(self.date)
                else self.date
            )
        return datetime.datetime.combine(self.date, datetime.time.min)

    @property
    def has_time(self) -> bool:
        return isinstance(self.date, datetime.datetime)


class TimelineProvider(Protocol):
    """An app's entries on the children's timeline (`<app>/timeline.py`, imported by `PeopleConfig.ready`)."""

    __qualname__: str

    def __call__(self, person_ids: list[int]) -> list[TimelineEntry]: ...


_providers: dict[str, TimelineProvider] = {}
_parts: dict[str, tuple] = {}  # provider name -> the parts of the record its entries belong to


def provider(part: Part | tuple[Part, ...]) -> Callable[[TimelineProvider], TimelineProvider]:
    """Register `func(person_ids) -> list[TimelineEntry]` as a source of timeline entries belonging to `part`
    (one Part or several) of the record unless an entry says otherwise."""

    def register(func: TimelineProvider) -> TimelineProvider:
        name = f"{func.__module__}.{func.__qualname__}"
        _providers[name], _parts[name] = func, tuple(as_parts(part))
        return func

    return register


def entries_for(person_ids: Iterable[int]) -> list[TimelineEntry]:
    """Every provider's entries for these people, newest first."""
    ids = list(person_ids)
    entries: list[TimelineEntry] = []
    for name, func in _providers.items():
        entries.extend(entry if entry.parts else replace(entry, parts=_parts[name]) for entry in func(ids))
    return sorted(entries, key=lambda e: e.sort_key, reverse=True)


# People's own entries: birth, death, addresses, family network, merges.


@provider(Part.IDENTITY)
def life_events(person_ids: list[int]) -> list[TimelineEntry]:
    entries = []
    for person in Person.objects.filter(pk__in=person_ids).only(
        "birth_date", "expected_birth_date", "death_date"
    ):
        if person.birth_date:
            entries.append(TimelineEntry(person.birth_date, "Born", kind="people.birth", person_id=person.pk))
        elif person.expected_birth_date:
            entries.append(
                TimelineEntry(
                    person.expected_birth_date,
                    "Expected date of birth",
                    kind="people.birth",
                    person_id=person.pk,
                )
            )
        if person.death_date:
            entries.append(TimelineEntry(person.death_date, "Died", kind="people.death", person_id=person.pk))
    return entries


@provider(Part.ADDRESS)
def address_moves(person_ids: list[int]) -> list[TimelineEntry]:
    entries = []
    for address in Address.objects.filter(person_id__in=person_ids):
        where, whose = str(address), address.person_id
        entries.append(
            TimelineEntry(address.start_date, "Address from", where, "people.address", person_id=whose)
        )
        if address.end_date:
            entries.append(
                TimelineEntry(address.end_date, "Left address", where, "people.address", person_id=whose)
            )
    return entries


@provider(Part.FAMILY)
def family_network(person_ids: list[int]) -> list[TimelineEntry]:
    """A relationship starting is an event for both people in it, so read it from both sides."""
    entries = []
    wanted = set(person_ids)
    relationships = Relationship.objects.filter(
        Q(person_id__in=person_ids) | Q(relative_id__in=person_ids), start_date__isnull=False
    ).select_related("person", "relative")
    for rel in relationships:
        if rel.person_id in wanted:
            entries.append(
                TimelineEntry(
                    cast(datetime.date, rel.start_date),  # start_date__isnull=False
                    f"{rel.get_kind_display()}: {rel.relative}",
                    "Relationship recorded as starting",
                    "people.relationship",
                    reverse("people:record", args=[rel.relative_id]),
                    rel.person_id,
                )
            )
        if rel.relative_id in wanted:
            kind = RelationshipKind(INVERSE_KIND[cast(RelationshipKind, rel.kind)]).label
            entries.append(
                TimelineEntry(
                    cast(datetime.date, rel.start_date),  # start_date__isnull=False
                    f"{kind}: {rel.person}",
                    "Relationship recorded as starting",
                    "people.relationship",
                    reverse("people:record", args=[rel.person_id]),
                    rel.relative_id,
                )
            )
    return entries


@provider(Part.COUNCIL_ONLY)
def merges(person_ids: list[int]) -> list[TimelineEntry]:
    entries = []
    for merge in PersonMerge.objects.filter(
        Q(survivor_id__in=person_ids) | Q(duplicate_id__in=person_ids)
    ).select_related("survivor", "duplicate", "merged_by", "undone_by"):
        what = f"{merge.duplicate.la_id} merged into {merge.survivor.la_id}"
        entries.append(
            TimelineEntry(
                merge.merged_at,
                "Records merged",
                f"{what} by {merge.merged_by}: {merge.reason}",
                "people.merge",
                person_id=merge.survivor_id,
            )
        )
        if merge.undone_at:
            entries.append(
                TimelineEntry(
                    merge.undone_at,
                    "Merge undone",
                    f"{what}, undone by {merge.undone_by}: {merge.undo_reason}",
                    "people.merge",
                    person_id=merge.survivor_id,
                )
            )
    return entries


# Filtering: by journey (the app that recorded the entry), by type, and by date.

ACRONYMS = {"cin": "CIN", "fgdm": "FGDM", "cp": "CP", "pep": "PEP", "sdq": "SDQ", "uasc": "UASC"}


def journey_of(kind: str) -> str:
    return kind.split(".", 1)[0]


def kind_words(kind: str) -> str:
    """ "familyhelp.cin_plan" -> "CIN plan": the type of an entry, as a filter offers it."""
    words = kind.split(".", 1)[-1].split("_")
    text = " ".join(ACRONYMS.get(word, word) for word in words)
    return text[:1].upper() + text[1:]


def journey_words(label: str) -> str:
    from django.apps import apps

    try:
        return str(apps.get_app_config(label).verbose_name)
    except LookupError:
        return label


@dataclass(frozen=True)
class TimelineFilter:
    """What a reader asked to see: one journey, one type, from and to dates (all optional)."""

    journey: str = ""
    kind: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> "TimelineFilter":
        def day(name: str) -> datetime.date | None:
            try:
                return datetime.date.fromisoformat(query.get(name, ""))
            except ValueError:
                return None

        return cls(query.get("journey", ""), query.get("type", ""), day("from"), day("to"))

    @property
    def active(self) -> bool:
        return bool(self.journey or self.kind or self.start or self.end)

    def keeps(self, entry: TimelineEntry) -> bool:
        day = entry.sort_key.date()
        return (
            (not self.journey or journey_of(entry.kind) == self.journey)
            and (not self.kind or entry.kind == self.kind)
            and (self.start is None or day >= self.start)
            and (self.end is None or day <= self.end)
        )

    def apply(self, entries: list) -> list:
        return [entry for entry in entries if self.keeps(entry)] if self.active else entries


def filter_choices(entries: Iterable[TimelineEntry]) -> tuple[list, list]:
    """The journeys and types the child's entries have, as (value, words), for the filter's selects."""
    kinds = sorted({entry.kind for entry in entries if entry.kind})
    journeys = sorted({journey_of(kind) for kind in kinds}, key=journey_words)
    return (
        [(label, journey_words(label)) for label in journeys],
        sorted(((kind, kind_words(kind)) for kind in kinds), key=lambda choice: choice[1]),
    )
