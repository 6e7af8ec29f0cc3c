"""Forenames and surnames for synthetic people, read once from Faker's lists.

Calling Faker per person is slow; its lists are plain tuples (or weighted dicts), so they are
read once and drawn from with each contribution's own random stream. Pools follow heritage so a
family's names fit its recorded ethnicity.
"""

import itertools
import random
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from typing import Any


@dataclass(frozen=True)
class Pool:
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    surname_cum_weights: tuple[float, ...] | None = None

    def forename(self, rng: random.Random, sex: str) -> str:
        if sex == "M" or (sex != "F" and rng.random() < 0.5):
            return rng.choice(self.male)
        return rng.choice(self.female)

    def surname(self, rng: random.Random) -> str:
        if self.surname_cum_weights:
            return rng.choices(self.surnames, cum_weights=self.surname_cum_weights)[0]
        return rng.choice(self.surnames)


@dataclass(frozen=True)
class NamePools:
    british: Pool
    south_asian: Pool
    african: Pool
    east_european: Pool

    def for_ethnicity(self, code: str) -> Pool:
        if code in ("AIND", "APKN", "ABAN", "AOTH"):
            return self.south_asian
        if code in ("BAFR", "BOTH"):
            return self.african
        if code in ("WOTH", "WROM"):
            return self.east_european
        return self.british


def _provider(locale: str) -> Any:
    return import_module(f"faker.providers.person.{locale}").Provider


def _names(*lists: Iterable[str]) -> tuple[str, ...]:
    """Distinct names in first-seen order (fixed, so draws are reproducible)."""
    return tuple(
        dict.fromkeys(n for n in itertools.chain(*lists) if n.replace("-", "").replace("'", "").isalpha())
    )


@cache
def name_pools() -> NamePools:
    gb, ie = _provider("en_GB"), _provider("en_IE")
    surnames = tuple(gb.last_names)
    weights = tuple(itertools.accumulate(gb.last_names.values()))
    british = Pool(
        _names(gb.first_names_male, ie.first_names_male),
        _names(gb.first_names_female, ie.first_names_female),
        surnames,
        weights,
    )
    india = _provider("en_IN")
    south_asian = Pool(
        _names(india.first_names_male), _names(india.first_names_female), _names(india.last_names)
    )
    yoruba, twi = _provider("yo_NG"), _provider("tw_GH")
    african = Pool(
        _names(yoruba.first_names_male, twi.first_names_male),
        _names(yoruba.first_names_female, twi.first_names_female),
        _names(yoruba.last_names, twi.last_names),
    )
    romanian = _provider("ro_RO")
    east_european = Pool(
        _names(romanian.first_names_male), _names(romanian.first_names_female), _names(romanian.last_names)
    )
    return NamePools(british, south_asian, african, east_european)
