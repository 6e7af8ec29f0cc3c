"""Forgiving matching of people: the one way Find a child, the header's search box and the front door's
"new child" flow find someone, so a misspelt name or a mistyped date of birth finds the record that
exists rather than inviting a duplicate.

Candidates come from indexed keys (blocking, as record linkage does), then each is scored here:
- a name matches when it starts with what was typed, sounds the same (Metaphone), or is a typing slip
  away from it (Damerau-Levenshtein: one slip in a name of 5 to 7 letters, two in a longer one);
- a date of birth matches exactly, with the day and month swapped, or with the year one out;
- council ID, NHS number and postcode (of any address, past or present) match exactly.
Exact matches come first, then close ones, each saying why it is close. The same code runs on SQLite
and PostgreSQL: the keys are stored columns, the distances worked out in Python.
"""

import datetime
from dataclasses import dataclass
from typing import Any

import jellyfish
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce

from .models import Address, Person, search_key, sound_key

CLOSE_CANDIDATES = 400  # close matches scored at most: enough for any real search, bounded for speed
SHOWN_FIELDS = (
    "forename",
    "surname",
    "birth_date",
    "expected_birth_date",
    "la_id",
    "search_forename",
    "search_surname",
    "sound_forename",
    "sound_surname",
)
SOUND_FROM = 4  # letters typed before a name is matched by sound: fewer are the start of a name
NAME_SIMILARITY = 0.85  # Jaro-Winkler, for names beside a date of birth that matched


@dataclass(frozen=True)
class Criteria:
    """What was typed; names as typed (keys are worked out here), the date of birth as a date."""

    forename: str = ""
    surname: str = ""
    name: str = ""  # one name that may be either (the header's box given one word)
    dob: datetime.date | None = None
    nhs_number: str = ""
    la_id: str = ""
    postcode: str = ""

    @property
    def forename_key(self) -> str:
        return search_key(self.forename)

    @property
    def surname_key(self) -> str:
        return search_key(self.surname)

    @property
    def name_key(self) -> str:
        return search_key(self.name)

    @property
    def longest_name(self) -> int:
        return max(len(self.forename_key), len(self.surname_key), len(self.name_key))

    def __bool__(self) -> bool:
        return any(
            (
                self.forename_key,
                self.surname_key,
                self.name_key,
                self.dob,
                self.nhs_number,
                self.la_id,
                self.postcode,
            )
        )


@dataclass
class Found:
    people: list  # Person objects, each with `exact` and `reasons` (why a close match is close)
    total: int
    more: bool


def typo_allowance(key: str) -> int:
    """Slips forgiven in a typed name: none in a short one (likely the start of a name), one up to 7 letters,
    then two."""
    return 0 if len(key) < 5 else 1 if len(key) <= 7 else 2


def dob_variants(dob: datetime.date) -> dict[datetime.date, str]:
    """The date typed and the slips people make writing it, each with why it is close."""
    variants = {dob: ""}
    if dob.day <= 12 and dob.day != dob.month:
        variants[datetime.date(dob.year, dob.day, dob.month)] = "date of birth with day and month swapped"
    for years in (-1, 1):
        try:
            variants.setdefault(dob.replace(year=dob.year + years), "date of birth a year out")
        except ValueError:  # 29 February in a year that has none
            pass
    return variants


def name_closeness(typed: str, key: str, sound: str, loose: bool = False) -> str | None:
    """ "" when the name starts with what was typed; why it is close; None when it is not."""
    if key.startswith(typed):
        return ""
    if len(typed) >= SOUND_FROM and sound and sound == sound_key(typed):
        return "sounds like"
    allowed = typo_allowance(typed) + loose
    if allowed and jellyfish.damerau_levenshtein_distance(typed, key) <= allowed:
        return "spelt like"
    if loose and jellyfish.jaro_winkler_similarity(typed, key) >= NAME_SIMILARITY:
        return "spelt like"
    return None


def _next_key(prefix: str) -> str:
    """The first key after every key starting with `prefix`: a range the B-tree index answers on both
    databases."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _prefix(field_name: str, key: str) -> Q:
    return Q(**{f"{field_name}__gte": key, f"{field_name}__lt": _next_key(key)})


def _close_keys(field_name: str, typed: str) -> list[str]:
    """Distinct stored keys sharing the typed name's first two letters and a slip or two from it."""
    allowed = typo_allowance(typed)
    if not allowed:
        return []
    stored = (
        Person.objects.filter(_prefix(field_name, typed[:2]))
        .order_by()
        .values_list(field_name, flat=True)
        .distinct()
    )
    return [
        key
        for key in stored
        if not key.startswith(typed) and jellyfish.damerau_levenshtein_distance(typed, key) <= allowed
    ]


def _name_block(part: str, typed: str) -> Q:
    """People whose `part` (forename or surname) may be the typed one: prefix, sound or a slip away."""
    block = _prefix(f"search_{part}", typed)
    if len(typed) >= SOUND_FROM:
        block |= Q(**{f"sound_{part}": sound_key(typed)})
    close = _close_keys(f"search_{part}", typed)
    if close:
        block |= Q(**{f"search_{part}__in": close})
    return block


def _current_people(within: Q | None) -> QuerySet[Person]:
    # Rather than .current(): without table statistics SQLite would choose the merged_into index, which
    # matches nearly every row; testing a function of the column leaves the other indexes to do the work.
    people = Person.objects.alias(merged=Coalesce("merged_into_id", 0)).filter(merged=0)
    return people.filter(within) if within is not None else people


def _exactly(people: QuerySet[Person], criteria: Criteria) -> QuerySet[Person]:
    """The criteria that are only ever exact: NHS number, council ID, postcode."""
    if criteria.nhs_number:
        people = people.filter(nhs_number=criteria.nhs_number)
    if criteria.la_id:
        people = people.filter(la_id__in={criteria.la_id, criteria.la_id.upper()})
    if criteria.postcode:
        people = people.filter(pk__in=Address.objects.filter(postcode=criteria.postcode).values("person_id"))
    return people


def _ordered(people: QuerySet[Person]) -> QuerySet[Person]:
    return people.only(*SHOWN_FIELDS).order_by("search_surname", "search_forename", "birth_date", "pk")


def _reasons(person: Person, criteria: Criteria, variants: dict[datetime.date, Any]) -> list[str] | None:
    """Why a candidate is a close match, or None when it is not one."""
    reasons: list[str] = []
    loose = criteria.dob is not None and person.birth_date in variants
    for part, typed in (("forename", criteria.forename_key), ("surname", criteria.surname_key)):
        if not typed:
            continue
        why = name_closeness(
            typed, getattr(person, f"search_{part}"), getattr(person, f"sound_{part}"), loose
        )
        if why is None:
            return None
        if why:
            label = "first name" if part == "forename" else "last name"
            reasons.append(f"{label} {why} {getattr(criteria, part)}")
    if criteria.name_key:
        either = [
            name_closeness(
                criteria.name_key, getattr(person, f"search_{part}"), getattr(person, f"sound_{part}"), loose
            )
            for part in ("forename", "surname")
        ]
        found = [why for why in either if why is not None]
        if not found:
            return None
        if "" not in found:
            reasons.append(f"name {found[0]} {criteria.name}")
    if criteria.dob is not None:
        if person.birth_date not in variants:
            return None
        if variants[person.birth_date]:
            reasons.append(variants[person.birth_date])
    return reasons


def find(criteria: Criteria, limit: int, within: Q | None = None) -> Found:
    """The people matching every criterion, exact matches first; `within` keeps to records a user may open."""
    people = _exactly(_current_people(within), criteria)
    exact = people
    for part, typed in (("forename", criteria.forename_key), ("surname", criteria.surname_key)):
        if typed:
            exact = exact.filter(_prefix(f"search_{part}", typed))
    if criteria.name_key:
        exact = exact.filter(
            _prefix("search_forename", criteria.name_key) | _prefix("search_surname", criteria.name_key)
        )
    if criteria.dob:
        exact = exact.filter(birth_date=criteria.dob)
    shown = list(_ordered(exact)[: limit + 1])
    for person in shown:
        person.exact, person.reasons = True, []  # type: ignore[attr-defined]  # for the results page
    if len(shown) > limit:
        return Found(shown[:limit], exact.count(), True)

    candidates = people
    if criteria.dob:
        variants = dob_variants(criteria.dob)
        candidates = candidates.filter(birth_date__in=list(variants))  # names are scored loosely beside it
    else:
        variants = {}
        for part, typed in (("forename", criteria.forename_key), ("surname", criteria.surname_key)):
            if typed:
                candidates = candidates.filter(_name_block(part, typed))
        if criteria.name_key:
            candidates = candidates.filter(
                _name_block("forename", criteria.name_key) | _name_block("surname", criteria.name_key)
            )
        if criteria.longest_name < SOUND_FROM:
            return Found(shown, len(shown), False)  # nothing to be forgiving about
    seen = {person.pk for person in shown}
    close = []
    for person in _ordered(candidates.exclude(pk__in=seen))[:CLOSE_CANDIDATES]:
        reasons = _reasons(person, criteria, variants)
        if reasons:
            person.exact, person.reasons = False, reasons  # type: ignore[attr-defined]
            close.append(person)
    close.sort(key=lambda p: len(p.reasons))  # type: ignore[attr-defined]  # stable: by name within as many differences
    total = len(shown) + len(close)
    return Found((shown + close)[:limit], total, total > limit)
