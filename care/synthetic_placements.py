"""Where the synthetic council's children in care live: foster carers, agencies, children's homes and
supported accommodation, each with the provider, Ofsted URN, postcode and weekly cost the 903 and
the placements budget need (rates in council.scales.CareRates).

Homes and agencies are made once per run, so several children live in the same home, as they do.
Every placement is at a real postcode: in the council, one of the area's (council.synthetic.places);
out of it, one of a neighbouring or further council's, weighted as placements fall (most in the
next city, a few far away), so the placement's council and distance are derived as the DfE does.
"""

import random
from dataclasses import dataclass, replace
from decimal import Decimal

from council.synthetic.casework import Weighted, between
from council.synthetic.places import drawn_index
from people import postcodes

from .codes import PlacementProvider as PR
from .codes import PlacementType as P
from .timing import SEMI_INDEPENDENT_LAST_START

# Councils the synthetic council places children in, outside its own area, and how often (ONS codes).
OUT_OF_AREA = {
    "E06000016": 6,  # Leicester
    "E06000017": 1,  # Rutland
    "E06000018": 2,  # Nottingham
    "E10000024": 3,  # Nottinghamshire
    "E06000015": 1,  # Derby
    "E10000007": 2,  # Derbyshire
    "E10000031": 3,  # Warwickshire
    "E08000026": 1,  # Coventry
    "E06000061": 1,  # North Northamptonshire
    "E06000062": 1,  # West Northamptonshire
    "E10000019": 1,  # Lincolnshire
    "E08000025": 1,  # Birmingham
}
OUT_OF_AREA_LETTERS = "LNDCB"  # the first letters of those councils' postcodes
# Own provision that is not fostering or adoption must be in the council (903 rule 1015).
OWN_PROVISION_IN_COUNCIL = {"residential", "supported"}
# kind -> (placement type, long-term placement type, providers {code: weight})
KINDS = {
    "in_house": (P.FOSTER_OTHER, P.FOSTER_LONG_TERM, {PR.OWN_PROVISION: 1}),
    "kinship": (P.KINSHIP_OTHER, P.KINSHIP_LONG_TERM, {PR.OWN_PROVISION: 1}),
    "ifa": (P.FOSTER_OTHER, P.FOSTER_LONG_TERM, {PR.PRIVATE: 0.7, PR.VOLUNTARY: 0.3}),
    "residential": (P.CHILDRENS_HOME, None, {PR.PRIVATE: 0.8, PR.OWN_PROVISION: 0.15, PR.VOLUNTARY: 0.05}),
    "supported": (P.SUPPORTED_ACCOMMODATION, None, {PR.PRIVATE: 0.7, PR.VOLUNTARY: 0.3}),
    "parents": (P.WITH_PARENTS, None, {PR.PARENTS: 1}),
    "adoption": (
        P.ADOPTION_ORDER_OTHER,
        P.ADOPTION_ORDER_FOSTER_CARER,
        {PR.OWN_PROVISION: 0.7, PR.VOLUNTARY: 0.3},
    ),
}
FOSTERING = {"in_house", "kinship", "ifa"}
HOME_NAMES = ("House", "Lodge", "View", "Court", "Cottage", "Place", "Grange")
AGENCY_NAMES = ("Fostering", "Family Placements", "Foster Care", "Families")


@dataclass(frozen=True)
class Setting:
    """A children's home, supported accommodation service or fostering agency."""

    name: str
    urn: str
    provider: str
    postcode: str | None  # None for an agency: its carers live all over
    out_of_area: bool


@dataclass(frozen=True)
class Placement:
    kind: str
    place: str
    provider: str
    carers: str
    urn: str
    postcode: str
    cost: Decimal | None


def as_recorded(placement: Placement, day: int) -> Placement:
    """Supported accommodation begun before 1 April 2025 recorded as H5, as councils did while the 2024-25 903
    validator rejected K3 (its code list has "k3"); from then as K3, the only code 2025-26 has."""
    if placement.place == P.SUPPORTED_ACCOMMODATION and day <= SEMI_INDEPENDENT_LAST_START.toordinal():
        return replace(placement, place=P.SEMI_INDEPENDENT)
    return placement


class Market:
    """The placements the council uses, and a placement of a kind for a child."""

    def __init__(self, council, rng: random.Random, children_in_care: int):
        self.council, self.rng, self.rates = council, rng, council.rates.care
        self.geography = council.geography
        self.surnames = council.names.british
        self.elsewhere = self.out_of_area_postcodes()
        homes = max(4, round(children_in_care * self.rates.homes_per_100_in_care / 100))
        settings_made = 2 * homes + 2 * self.rates.foster_agencies + 5  # each setting below takes a URN
        self.urns = iter(rng.sample(range(100_000, 1_000_000), max(2_000, settings_made)))
        self.fostering = self.setting("Fostering Service", PR.OWN_PROVISION, agency=True)
        self.adoption = self.setting("Regional Adoption Agency", PR.OWN_PROVISION, agency=True)
        self.homes = {"residential": [], "supported": []}
        for _ in range(homes):
            for kind, settings in self.homes.items():
                settings.append(self.setting(self.home_name(), Weighted(KINDS[kind][2])(rng), kind=kind))
        self.agencies = {
            provider: [
                self.setting(f"{self.place_word()} {rng.choice(AGENCY_NAMES)}", provider, agency=True)
                for _ in range(self.rates.foster_agencies)
            ]
            for provider in (PR.PRIVATE, PR.VOLUNTARY)
        }
        self.adoption_agencies = [
            self.setting(f"{self.place_word()} Adoption", PR.VOLUNTARY, agency=True) for _ in range(3)
        ]
        self.weights = {band: Weighted(weights) for band, weights in self.rates.placements.items()}

    def place_word(self) -> str:
        return self.rng.choice(self.geography.towns).name.split()[-1]

    def home_name(self) -> str:
        return f"{self.rng.choice(self.surnames.surnames)} {self.rng.choice(HOME_NAMES)}"

    @staticmethod
    def out_of_area_postcodes() -> dict[str, tuple[str, ...]]:
        """Each council's postcodes (ONS code -> postcodes in order), for placements out of the area."""
        districts = {d: c for d, c in postcodes.councils_of_districts().items() if c in OUT_OF_AREA}
        found: dict[str, list[str]] = {council: [] for council in OUT_OF_AREA}
        for place in postcodes.in_districts(districts, OUT_OF_AREA_LETTERS):
            found[districts[place.district]].append(place.postcode)
        return {council: tuple(codes) for council, codes in found.items() if codes}

    def setting(self, name, provider, agency=False, kind="residential") -> Setting:
        out = self.rng.random() < self.rates.out_of_area_share[kind] and provider != PR.OWN_PROVISION
        return Setting(name, f"SC{next(self.urns)}", provider, None if agency else self.postcode(out), out)

    def postcode(self, out_of_area: bool) -> str:
        r = self.rng
        if out_of_area:
            # as many draws as the invented out-of-area postcodes took (an area of five, a district of 30,
            # then a digit and two letters), so the placements drawn after it are unchanged
            area, district = r.choice(range(5)), r.randint(1, 30)
            share = ((area * 30 + district - 1) * 4000 + drawn_index(r, None)) / (5 * 30 * 4000)
            council = self.out_of_area_council(share)
            pool = self.elsewhere[council]
            return pool[int(share * 1_000_003) % len(pool)]
        return self.geography.postcode(r, r.choice(self.geography.towns))

    def out_of_area_council(self, share: float) -> str:
        """The council at this share (0 to 1) of the weights in OUT_OF_AREA."""
        weights = [(c, w) for c, w in OUT_OF_AREA.items() if c in self.elsewhere]
        mark = share * sum(w for _, w in weights)
        for council, weight in weights:
            mark -= weight
            if mark < 0:
                return council
        return weights[-1][0]

    def kind_for(self, age: int, uasc: bool) -> str:
        if uasc:
            return self.weights["uasc_16_plus" if age >= 16 else "uasc_under_16"](self.rng)
        band = "under_5" if age < 5 else "5_to_11" if age < 12 else "12_to_15" if age < 16 else "16_plus"
        return self.weights[band](self.rng)

    def placement(
        self,
        kind: str,
        home_postcode: str,
        long_term=False,
        carers: Placement | None = None,
        leaving: Placement | None = None,
        day: int | None = None,
    ) -> Placement:
        """A placement of this kind, begun on `day`; `carers` keeps the carers of an earlier placement (a
        change of placement with the same carers, as when foster carers adopt). A move from `leaving` goes
        somewhere else: the 903 reads a move to the same home as no move (rule 435)."""
        for _ in range(20):
            found = self._placement(kind, home_postcode, long_term, carers)
            found = as_recorded(found, day) if day is not None else found
            if (
                carers is not None
                or leaving is None
                or (found.postcode, found.urn, found.place) != (leaving.postcode, leaving.urn, leaving.place)
            ):
                return found
        return found

    def _placement(self, kind, home_postcode, long_term, carers) -> Placement:
        r, rates = self.rng, self.rates
        place, long_place, providers = KINDS[kind]
        place = long_place if long_term and long_place else place
        provider = Weighted(providers)(r)
        if kind == "parents":
            return Placement(kind, place, provider, "Parents", "", home_postcode, None)
        if kind in self.homes:
            setting = r.choice(self.homes[kind])
            provider, name, urn = setting.provider, setting.name, setting.urn
            postcode, out = setting.postcode, setting.out_of_area
        else:
            agency = self.fostering
            if kind == "ifa":
                agency = r.choice(self.agencies[provider])
            elif kind == "adoption":
                agency = self.adoption if provider == PR.OWN_PROVISION else r.choice(self.adoption_agencies)
            out = r.random() < rates.out_of_area_share[kind]
            name, urn, postcode = self.carers_name(kind), agency.urn, self.postcode(out)
            if carers is not None:
                name, postcode = carers.carers, carers.postcode
        while postcode == home_postcode:
            postcode = self.postcode(out)
        return Placement(kind, place, provider, name, urn, postcode, self.cost(kind))

    def carers_name(self, kind: str) -> str:
        r = self.rng
        surname = self.surnames.surname(r)
        if kind == "kinship":
            return r.choice(("Grandparents", "Aunt", "Uncle", "Family friend")) + f" ({surname})"
        return r.choice((f"Mr and Mrs {surname}", f"Ms {surname}", f"Mr {surname}", f"The {surname} family"))

    def cost(self, kind: str) -> Decimal | None:
        r, rates = self.rng, self.rates
        if kind not in rates.weekly_costs:
            return None
        bounds = rates.weekly_costs[kind]
        if kind == "residential" and r.random() < rates.residential_high_cost_share:
            bounds = rates.residential_high_cost
        return Decimal(between(r, bounds))
