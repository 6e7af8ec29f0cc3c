"""A fictional county: localities, towns, streets and postcodes in the unused "SX" area.

Made once per run from its own random stream, so schools, families and teams all share one map:
a family's town belongs to a locality, and the locality's teams pick up its cases.
"""
import random
from dataclasses import dataclass

from council.scales import Scale

POSTCODE_AREA = "SX"  # not a real UK postcode area
POSTCODE_DISTRICTS = 99
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters Royal Mail uses in the last two places
TOWNS_PER_LOCALITY = 3

_STEMS = (
    "Brack", "Calder", "Dunn", "Elder", "Fenn", "Gorse", "Harrow", "Kelm", "Larch", "Marl", "Nether",
    "Oster", "Pell", "Quarn", "Ravel", "Sedge", "Thistle", "Ulver", "Wend", "Yarrow", "Alder", "Birch",
    "Cotter", "Drax", "Ember", "Fallow", "Glen", "Hazel", "Ivel", "Kestle",
)
_ENDINGS = (
    "by", "ford", "ham", "ley", "ton", "worth", "well", "field", "bridge", "stead", "thorpe", "combe",
    "wick", "borough", "mere", "dale",
)
_QUALIFIERS = ("", "Market ", "Great ", "Little ", "Upper ", "Lower ", "North ", "South ")
_STREET_WORDS = (
    "Church", "Mill", "Station", "Victoria", "Park", "Orchard", "Meadow", "School", "Chapel", "Manor",
    "Oak", "Willow", "Beech", "Ash", "Elm", "Cedar", "Queens", "Kings", "Albert", "Windsor", "Grange",
    "Brook", "Hill", "Green", "Rectory", "Forge", "Granary", "Spinney", "Paddock", "Foxglove",
)
_STREET_KINDS = (
    "Road", "Street", "Lane", "Close", "Avenue", "Drive", "Way", "Crescent", "Gardens", "Court", "Grove",
    "Place", "Walk", "Rise", "View",
)


@dataclass(frozen=True)
class Town:
    name: str
    locality: int
    districts: tuple[int, ...]
    streets: tuple[str, ...]


@dataclass(frozen=True)
class Geography:
    county: str
    localities: tuple[str, ...]  # named after their main town
    towns: tuple[Town, ...]

    def postcode(self, rng: random.Random, town: Town) -> str:
        district = rng.choice(town.districts)
        return f"{POSTCODE_AREA}{district} {rng.randrange(10)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"

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


def build_geography(rng: random.Random, scale: Scale) -> Geography:
    town_count = scale.localities * TOWNS_PER_LOCALITY
    names = _town_names(rng, town_count)
    towns = []
    for i, name in enumerate(names):
        districts = tuple(sorted({(i * 2 + k) % POSTCODE_DISTRICTS + 1 for k in range(2)}))
        streets = tuple(
            dict.fromkeys(f"{rng.choice(_STREET_WORDS)} {rng.choice(_STREET_KINDS)}" for _ in range(40))
        )
        towns.append(Town(name, i % scale.localities, districts, streets))
    localities = tuple(names[: scale.localities])
    county = scale.council_name.split()[0]
    return Geography(county, localities, tuple(towns))
