"""The synthetic council's map: localities, towns and streets with invented names, at the real postcodes
of one real area (Leicestershire's seven districts, from the ONS postcode directory in people.postcodes).

Real postcodes let the placement's council, whether it is in the council and its distance from home be
derived as the DfE derives them; the people living there are invented. Made once per run from its
own random stream, so schools, families and teams all share one map: a family's town belongs to a
locality, and the locality's teams pick up its cases. Each town takes whole postcode districts
("LE11"), in postcode order, so the same seed gives the same map.
"""

import random
from dataclasses import dataclass

from council.scales import Scale
from people import postcodes

TOWNS_PER_LOCALITY = 3
# The draws a postcode takes from the caller's random stream, the same as the invented postcodes this map
# replaced took (a district, a digit, two letters), so the families and journeys drawn after them are
# unchanged.
_DRAW_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def drawn_index(rng: random.Random, districts: int | None = 2) -> int:
    """A number from 0 to districts * 4000 - 1, drawn as the invented postcodes were: one of a town's two
    districts (left out when `districts` is None), a digit, two of 20 letters."""
    number = rng.choice(range(districts)) if districts else 0
    number = number * 10 + rng.randrange(10)
    number = number * 20 + _DRAW_LETTERS.index(rng.choice(_DRAW_LETTERS))
    return number * 20 + _DRAW_LETTERS.index(rng.choice(_DRAW_LETTERS))


@dataclass(frozen=True)
class Area:
    """The real area the synthetic council's families live in."""

    ons_code: str  # the upper-tier council, as the 903's PL_LA names it
    name: str
    districts: tuple[str, ...]  # its lower-tier districts (ONS codes)
    letters: str  # the first letters of its postcodes


AREA = Area(
    "E10000018",
    "Leicestershire",
    ("E07000129", "E07000130", "E07000131", "E07000132", "E07000133", "E07000134", "E07000135"),
    "L",
)


def outward(postcode: str) -> str:
    return postcode.split()[0]


_STEMS = (
    "Brack",
    "Calder",
    "Dunn",
    "Elder",
    "Fenn",
    "Gorse",
    "Harrow",
    "Kelm",
    "Larch",
    "Marl",
    "Nether",
    "Oster",
    "Pell",
    "Quarn",
    "Ravel",
    "Sedge",
    "Thistle",
    "Ulver",
    "Wend",
    "Yarrow",
    "Alder",
    "Birch",
    "Cotter",
    "Drax",
    "Ember",
    "Fallow",
    "Glen",
    "Hazel",
    "Ivel",
    "Kestle",
)
_ENDINGS = (
    "by",
    "ford",
    "ham",
    "ley",
    "ton",
    "worth",
    "well",
    "field",
    "bridge",
    "stead",
    "thorpe",
    "combe",
    "wick",
    "borough",
    "mere",
    "dale",
)
_QUALIFIERS = ("", "Market ", "Great ", "Little ", "Upper ", "Lower ", "North ", "South ")
_STREET_WORDS = (
    "Church",
    "Mill",
    "Station",
    "Victoria",
    "Park",
    "Orchard",
    "Meadow",
    "School",
    "Chapel",
    "Manor",
    "Oak",
    "Willow",
    "Beech",
    "Ash",
    "Elm",
    "Cedar",
    "Queens",
    "Kings",
    "Albert",
    "Windsor",
    "Grange",
    "Brook",
    "Hill",
    "Green",
    "Rectory",
    "Forge",
    "Granary",
    "Spinney",
    "Paddock",
    "Foxglove",
)
_STREET_KINDS = (
    "Road",
    "Street",
    "Lane",
    "Close",
    "Avenue",
    "Drive",
    "Way",
    "Crescent",
    "Gardens",
    "Court",
    "Grove",
    "Place",
    "Walk",
    "Rise",
    "View",
)


@dataclass(frozen=True)
class Town:
    name: str
    locality: int
    postcodes: tuple[str, ...]  # real postcodes of the area, in postcode order
    streets: tuple[str, ...]


@dataclass(frozen=True)
class Geography:
    county: str
    localities: tuple[str, ...]  # named after their main town
    towns: tuple[Town, ...]

    area: Area = AREA

    def postcode(self, rng: random.Random, town: Town) -> str:
        return town.postcodes[drawn_index(rng) % len(town.postcodes)]

    def street_address(self, rng: random.Random, town: Town) -> tuple[str, str]:
        """(line1, line2): mostly a numbered house, sometimes a flat."""
        street = rng.choice(town.streets)
        number = rng.randint(1, 180)
        if rng.random() < 0.15:
            return f"Flat {rng.randint(1, 24)}", f"{number} {street}"
        return f"{number} {street}", ""


def _town_names(rng: random.Random, count: int) -> list[str]:
    names: dict[str, None] = {}
    while len(names) < count:
        qualifier = _QUALIFIERS[0] if rng.random() < 0.7 else rng.choice(_QUALIFIERS[1:])
        names[f"{qualifier}{rng.choice(_STEMS)}{rng.choice(_ENDINGS)}"] = None
    return list(names)


def _postcode_districts(area: Area) -> list[tuple[str, ...]]:
    """The area's postcodes grouped by postcode district (LE11, LE12...), in postcode order."""
    grouped: dict[str, list[str]] = {}
    for place in postcodes.in_districts(area.districts, area.letters):
        grouped.setdefault(outward(place.postcode), []).append(place.postcode)
    return [tuple(grouped[key]) for key in sorted(grouped, key=lambda k: (len(k), k))]


def build_geography(rng: random.Random, scale: Scale) -> Geography:
    town_count = scale.localities * TOWNS_PER_LOCALITY
    names = _town_names(rng, town_count)
    districts = _postcode_districts(AREA)
    towns = []
    for i, name in enumerate(names):
        if town_count >= len(districts):
            codes = districts[i % len(districts)]
        else:  # more postcode districts than towns: each town takes every town_count-th
            codes = tuple(p for group in districts[i::town_count] for p in group)
        streets = tuple(
            dict.fromkeys(f"{rng.choice(_STREET_WORDS)} {rng.choice(_STREET_KINDS)}" for _ in range(40))
        )
        towns.append(Town(name, i % scale.localities, codes, streets))
    localities = tuple(names[: scale.localities])
    county = scale.council_name.split()[0]
    return Geography(county, localities, tuple(towns))
