"""The families who reach services: households, their addresses over time, and the family network.

Households are made one at a time from a single random stream and written in chunks, so the
national scale streams through in flat memory. What later contributions need is kept compact in
`ChildIndex` (lookup "people.children"): every child's id, date of birth and flags, by household.
"""

import datetime
from array import array
from dataclasses import dataclass

from stdnum.gb import nhs

from council.synthetic.registry import contributes
from timescales.dates import age_on

from .codes import Disability, Ethnicity, Sex, UPNUnknown
from .codes import RelationshipKind as Kind
from .identifiers import UPN_LA_NUMBERS, upn_check_letter
from .models import Address, Person, PersonDisability, Relationship, search_fields

YEAR_DAYS = 365.25
UNBORN, DIED, UNACCOMPANIED = 1, 2, 4
MIXED_HERITAGE = {  # a White British parent and a parent of this heritage: the child's code
    "BCRB": "MWBC",
    "BAFR": "MWBA",
    "AIND": "MWAS",
    "APKN": "MWAS",
    "ABAN": "MWAS",
    "AOTH": "MWAS",
}
LA_ID_START = 1_000_000
# Why a child at school has no UPN on the council's record: the census asks for a reason (query 8770Q). Only
# UN2 to UN5, which the 903 header takes too (UN6 is the census's alone: query 442 if the child comes into
# care).
UPN_MISSING_REASONS = {
    UPNUnknown.NEVER_IN_SCHOOL_IN_ENGLAND: 0.35,
    UPNUnknown.EDUCATED_OUTSIDE_ENGLAND: 0.15,
    UPNUnknown.NEWLY_ARRIVED: 0.15,
    UPNUnknown.DISCREPANCY: 0.35,
}


@dataclass(slots=True)
class Member:
    """What the household builder remembers of a person it has queued."""

    pk: int
    forename: str
    surname: str
    sex: str
    birth: int | None  # ordinal
    death: int | None


class ChildIndex:
    """Every child generated (duplicate records left out), in compact arrays grouped by household.

    `birth` holds the date of birth as an ordinal, or the expected date for an unborn child;
    `flags` holds UNBORN, DIED and UNACCOMPANIED bits.
    """

    def __init__(self):
        self.person_ids = array("q")
        self.birth = array("i")
        self.flags = bytearray()
        self.household_first = array("i")
        self.household_locality = array("i")

    def __len__(self):
        return len(self.person_ids)

    @property
    def households(self) -> int:
        return len(self.household_first)

    def start_household(self, locality: int) -> None:
        self.household_first.append(len(self.person_ids))
        self.household_locality.append(locality)

    def add(self, person_id: int, birth: int, flags: int = 0) -> None:
        self.person_ids.append(person_id)
        self.birth.append(birth)
        self.flags.append(flags)

    def children_of(self, household: int) -> range:
        end = self.household_first[household + 1] if household + 1 < self.households else len(self)
        return range(self.household_first[household], end)

    def age_on(self, child: int, on: datetime.date) -> int:
        """Whole years on the date; -1 for an unborn child."""
        if self.flags[child] & UNBORN:
            return -1
        return age_on(datetime.date.fromordinal(self.birth[child]), on)


class NhsNumbers:
    """Unique valid NHS numbers starting with 9: outside the ranges issued to patients.

    Index i maps to nine digits by a step coprime with 10**8, so numbers never repeat and later
    contributions can keep drawing from the same allocator.
    """

    STEP = 7_919_317

    def __init__(self, offset: int):
        self.offset = offset
        self.next_index = 0

    def next(self) -> str:
        while True:
            digits = (self.next_index * self.STEP + self.offset) % 10**8
            self.next_index += 1
            nine = f"9{digits:08d}"
            check = -nhs.checksum(nine + "0") % 11  # the digit that makes the Modulus 11 sum zero
            if check < 10:  # 10 would need two digits: no valid number starts with these nine
                return f"{nine}{check}"


class Upns:
    """Unique valid UPNs, issued when a child starts reception at a school in their town.

    The council's own DfE code is invented, and a UPN's LA number must be a real one, so the
    council's schools issue under one LA number from the published list.
    """

    def __init__(self, rng, schools, towns: int):
        self.rng = rng
        self.home_la = rng.choice(UPN_LA_NUMBERS)
        self.others = [n for n in UPN_LA_NUMBERS if n != self.home_la]
        primaries = [s for s in schools if s.phase in ("primary", "all_through")] or list(schools)
        by_town = {}
        for school in primaries:
            by_town.setdefault(school.town, []).append(school.establishment)
        everywhere = [s.establishment for s in primaries]
        self.by_town = [by_town.get(t, everywhere) for t in range(towns)]
        self.issued: dict[tuple[int, int, int], int] = {}

    def issue(self, birth: datetime.date, town: int, elsewhere: bool) -> str:
        year = (birth.year + (4 if birth.month < 9 else 5)) % 100
        if elsewhere:
            la, establishment = self.rng.choice(self.others), self.rng.randrange(2000, 3000)
        else:
            la, establishment = self.home_la, self.rng.choice(self.by_town[town])
        while self.issued.get((la, establishment, year), 0) >= 999:
            establishment = 2000 + (establishment + 1) % 1000
        serial = self.issued.get((la, establishment, year), 0) + 1
        self.issued[(la, establishment, year)] = serial
        body = f"{la:03d}{establishment:04d}{year:02d}{serial:03d}"
        return upn_check_letter(body) + body


def school_start(birth: datetime.date) -> datetime.date:
    """1 September of the school year in which the child turns five (reception)."""
    return datetime.date(birth.year + (4 if birth.month < 9 else 5), 9, 1)


def weighted(rng, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class Households:
    """Builds one household at a time: its people, addresses and relationships."""

    def __init__(self, council):
        self.council = council
        self.rates = council.rates
        self.as_at = council.as_at
        self.today = council.as_at.toordinal()
        self.towns = council.geography.towns
        self.geography = council.geography
        self.names = council.names
        self.rng = council.rng("people.households")
        self.index = ChildIndex()
        self.nhs = NhsNumbers(council.rng("people.nhs_numbers").randrange(10**8))
        self.upns = Upns(council.rng("people.upns"), council.lookups["education.schools"], len(self.towns))
        self.upn_reasons = council.rng("people.upn_unknown")  # its own stream: no one else's data moves
        self.duplicates: list[tuple[int, int]] = []
        self.expecting = self.rare_cases(self.rates.unborn_share, "people.unborn")
        self.duplicated = self.rare_cases(self.rates.duplicate_record_share, "people.duplicates")
        rates = self.rates
        self.kinds, self.kind_weights = list(rates.household_kinds), list(rates.household_kinds.values())
        self.ethnicities = list(rates.ethnicity_weights)
        self.ethnicity_cum = _cumulative(rates.ethnicity_weights.values())
        self.disabilities = list(rates.disability_weights)
        self.disability_cum = _cumulative(rates.disability_weights.values())
        self.eldest_ages = range(len(rates.eldest_age_weights))
        self.eldest_cum = _cumulative(rates.eldest_age_weights)

    # People

    def person(
        self,
        forename,
        surname,
        sex,
        ethnicity,
        birth=None,
        *,
        expected=None,
        death=None,
        nhs=None,
        upn=None,
        upn_unknown="",
        middle="",
        preferred="",
    ) -> Member:
        pk = self.council.new_id(Person)
        self.council.insert(
            Person,
            id=pk,
            la_id=str(LA_ID_START + pk),
            forename=forename,
            middle_names=middle,
            surname=surname,
            preferred_name=preferred,
            birth_date=_date(birth),
            expected_birth_date=_date(expected),
            death_date=_date(death),
            sex=sex,
            ethnicity=ethnicity,
            nhs_number=nhs,
            upn=upn,
            upn_unknown=upn_unknown,
            **search_fields(forename, surname),
        )
        return Member(pk, forename, surname, sex, birth, death)

    def adult(self, pool, sex, ethnicity, birth, surname=None, *, may_die=False) -> Member:
        r = self.rng
        death = None
        if may_die and r.random() < self.rates.grandparent_death_share:
            death = self.today - r.randrange(1, 5 * 365)
        nhs = self.nhs.next() if r.random() < self.rates.adult_nhs_number_share else None
        return self.person(
            pool.forename(r, sex), surname or pool.surname(r), sex, ethnicity, birth, death=death, nhs=nhs
        )

    def child(self, pool, surname, ethnicity, birth, town) -> Member:
        r, rates = self.rng, self.rates
        if r.random() < rates.sex_not_known_share:
            sex = Sex.UNKNOWN
        else:
            sex = Sex.MALE if r.random() < rates.male_share else Sex.FEMALE
        forename = pool.forename(r, sex)
        middle = pool.forename(r, sex) if r.random() < rates.middle_name_share else ""
        preferred = pool.forename(r, sex) if r.random() < rates.preferred_name_share else ""
        born = datetime.date.fromordinal(birth)
        death = None
        if r.random() < rates.child_death_share:
            death = birth + r.randrange(1, max(2, self.today - birth))
        nhs = self.nhs.next() if r.random() < rates.child_nhs_number_share else None
        upn, at_school = None, school_start(born) <= self.as_at
        if at_school and r.random() < rates.upn_share:
            upn = self.upns.issue(born, town, r.random() < rates.upn_issued_elsewhere_share)
        upn_unknown = (
            ""
            if upn
            else weighted(self.upn_reasons, UPN_MISSING_REASONS)
            if at_school
            else UPNUnknown.NOT_SCHOOL_AGE
        )
        person = self.person(
            forename,
            surname,
            sex,
            ethnicity,
            birth,
            death=death,
            nhs=nhs,
            upn=upn,
            upn_unknown=upn_unknown,
            middle=middle,
            preferred=preferred,
        )
        self.index.add(person.pk, birth, DIED if death else 0)
        self.disabilities_for(person)
        return person

    def unborn(self, surname, ethnicity) -> Member:
        expected = self.today + self.rng.randrange(14, 30 * 7)
        person = self.person("", surname, Sex.UNKNOWN, ethnicity, expected=expected)
        self.index.add(person.pk, expected, UNBORN)
        return person

    def duplicate(self, person: Member, history) -> None:
        """A second record of the same child, made before anyone linked them: no NHS number or UPN,
        and only the family's earliest address."""
        copy = self.person(person.forename, person.surname, person.sex, Ethnicity.NOBT, person.birth)
        lived = [a for a in history if a[5] is None or a[5] >= person.birth]
        self.live_at(copy, lived[-1:])
        self.duplicates.append((person.pk, copy.pk))

    def disabilities_for(self, person: Member) -> None:
        r, rates = self.rng, self.rates
        if r.random() < rates.disability_share:
            codes = {r.choices(self.disabilities, cum_weights=self.disability_cum)[0]}
            if r.random() < rates.second_disability_share:
                codes.add(r.choices(self.disabilities, cum_weights=self.disability_cum)[0])
        elif r.random() < rates.no_disability_recorded_share:
            codes = {Disability.NONE}
        else:
            return
        for code in sorted(codes):
            self.council.insert(PersonDisability, person_id=person.pk, code=code)

    # Places

    def address_history(self, town_index: int) -> list[tuple]:
        """(line1, line2, town, postcode, start, end) newest first; the current one has no end."""
        r, rates = self.rng, self.rates
        history = []
        end = None
        start = self.today - r.randrange(30, rates.current_address_max_years * 365)
        for move in range(weighted(r, rates.previous_addresses) + 1):
            town = self.towns[
                town_index
                if move == 0 or r.random() < rates.moved_within_town_share
                else r.randrange(len(self.towns))
            ]
            line1, line2 = self.geography.street_address(r, town)
            history.append((line1, line2, town.name, self.geography.postcode(r, town), start, end))
            end = start - 1
            start = end - r.randrange(180, 4 * 365)
        return history

    def live_at(self, person: Member, history, since: int | None = None) -> None:
        """Give the person the household's addresses from `since` (birth or moving in) until death."""
        since = since or person.birth
        for line1, line2, town, postcode, start, end in history:
            if since and end is not None and end < since:
                continue
            if person.death:
                if start > person.death:
                    continue
                end = min(end or person.death, person.death)
            self.council.insert(
                Address,
                person_id=person.pk,
                line1=line1,
                line2=line2,
                town=town,
                postcode=postcode,
                start_date=_date(max(start, since or 0)),
                end_date=_date(end),
            )

    def live_elsewhere(self, person: Member) -> None:
        self.live_at(person, self.address_history(self.rng.randrange(len(self.towns)))[:1])

    def relate(self, person, relative, kind, *, pr=False, lives_with=False, start=None) -> None:
        self.council.insert(
            Relationship,
            person_id=person.pk,
            relative_id=relative.pk,
            kind=kind,
            parental_responsibility=pr,
            lives_with=lives_with,
            start_date=_date(start),
        )

    # The household

    def rare_cases(self, share: float, name: str) -> set[int]:
        """Which households get a rare feature: a fixed number, so even a tiny council has some."""
        households = self.council.scale.households
        count = min(households, max(self.rates.fewest_rare_cases, round(households * share)))
        return set(self.council.rng(name).sample(range(households), count))

    def build(self, household: int) -> None:
        r, rates = self.rng, self.rates
        kind = r.choices(self.kinds, weights=self.kind_weights)[0]
        town_index = r.randrange(len(self.towns))
        self.index.start_household(self.towns[town_index].locality)
        heritage = r.choices(self.ethnicities, cum_weights=self.ethnicity_cum)[0]
        pool = self.names.for_ethnicity(heritage)
        other_heritage = heritage
        if r.random() < rates.second_heritage_share:
            other_heritage = r.choices(self.ethnicities, cum_weights=self.ethnicity_cum)[0]
        child_heritage = heritage
        if other_heritage != heritage:
            pair = {heritage, other_heritage}
            child_heritage = MIXED_HERITAGE.get((pair - {"WBRI"}).pop(), "MOTH") if "WBRI" in pair else "MOTH"

        ages = [r.choices(self.eldest_ages, cum_weights=self.eldest_cum)[0]]
        wanted = weighted(r, rates.children_per_household)
        while len(ages) < wanted and ages[-1] - 1 >= 0:
            ages.append(max(0, ages[-1] - weighted(r, rates.sibling_gap_years)))
        births = sorted(self.today - int((age + r.random()) * YEAR_DAYS) for age in ages)
        eldest_birth = births[0]
        mother_birth = eldest_birth - int(r.triangular(*rates.mother_age_at_first_birth) * YEAR_DAYS)
        father_birth = mother_birth - int(r.randint(*rates.father_age_difference) * YEAR_DAYS)
        surname = pool.surname(r)
        history = self.address_history(town_index)

        mother = self.adult(pool, Sex.FEMALE, heritage, mother_birth, surname)
        father_pool = self.names.for_ethnicity(other_heritage)
        father = None
        if kind != "lone_mother" or r.random() < rates.absent_father_recorded_share:
            same_name = (
                kind in ("two_parents", "lone_father") and r.random() < rates.father_shares_surname_share
            )
            father = self.adult(
                father_pool, Sex.MALE, other_heritage, father_birth, surname if same_name else None
            )
        mother_home = kind not in ("lone_father", "kinship")
        father_home = kind in ("two_parents", "lone_father")
        step = second_father = None
        step_since = None
        if kind == "mother_and_step_parent":
            step = self.adult(father_pool, Sex.MALE, other_heritage, father_birth + r.randrange(-1500, 1500))
            step_since = self.today - r.randrange(60, max(61, self.today - eldest_birth))
            if len(births) > 1 and r.random() < rates.step_family_half_sibling_share:
                second_father = step
        carers = []
        if kind == "kinship" or r.random() < rates.grandparents_share:
            gap = int(r.randint(*rates.grandparent_generation_gap) * YEAR_DAYS)
            carers.append(
                self.adult(pool, Sex.FEMALE, heritage, mother_birth - gap, may_die=kind != "kinship")
            )
            if r.random() < rates.second_grandparent_share:
                carers.append(
                    self.adult(
                        pool,
                        Sex.MALE,
                        heritage,
                        mother_birth - gap - r.randrange(0, 2000),
                        carers[0].surname,
                        may_die=kind != "kinship",
                    )
                )
        kinship = kind == "kinship"

        for adult, home, since in (
            (mother, mother_home, None),
            (father, father_home, None),
            (step, True, step_since),
        ):
            if adult is None:
                continue
            if home:
                self.live_at(adult, history, since)
            else:
                self.live_elsewhere(adult)
        for grandparent in carers:
            if kinship:
                self.live_at(grandparent, history)
            else:
                self.live_elsewhere(grandparent)

        children, fathers = [], []
        for position, birth in enumerate(births):
            own_father = second_father if second_father and position == len(births) - 1 else father
            takes_step_name = (
                step is not None and own_father is step and r.random() < rates.step_child_surname_share
            )
            child_surname = step.surname if takes_step_name else surname
            child = self.child(pool, child_surname, child_heritage, birth, town_index)
            children.append(child)
            fathers.append(own_father)
            self.live_at(child, history)
            if child.death is None and household in self.duplicated:
                self.duplicate(child, history)
                self.duplicated.discard(household)
        if household in self.expecting:
            children.append(self.unborn(surname, child_heritage))
            fathers.append(father)

        extras = []
        if r.random() < rates.aunt_uncle_share:
            sex = r.choice((Sex.FEMALE, Sex.MALE))
            extras.append(
                (Kind.AUNT_UNCLE, self.adult(pool, sex, heritage, mother_birth + r.randrange(-3000, 3000)))
            )
        if r.random() < rates.connected_person_share:
            sex = r.choice((Sex.FEMALE, Sex.MALE))
            friend_heritage = r.choices(self.ethnicities, cum_weights=self.ethnicity_cum)[0]
            friend = self.adult(
                self.names.for_ethnicity(friend_heritage),
                sex,
                friend_heritage,
                mother_birth + r.randrange(-4000, 4000),
            )
            extras.append((Kind.CONNECTED_PERSON, friend))
        for _, extra in extras:
            self.live_elsewhere(extra)

        for position, (child, own_father) in enumerate(zip(children, fathers)):
            born = child.birth
            self.relate(
                child, mother, Kind.MOTHER, pr=True, lives_with=mother_home and bool(born), start=born
            )
            if own_father is not None:
                at_home = (own_father is step or father_home) and bool(born)
                pr = at_home or r.random() < rates.absent_father_parental_responsibility_share
                self.relate(child, own_father, Kind.FATHER, pr=pr, lives_with=at_home, start=born)
            if step is not None and own_father is not step:
                self.relate(
                    child, step, Kind.STEP_PARENT, lives_with=bool(born), start=max(step_since, born or 0)
                )
            for elder, elder_father in zip(children[:position], fathers[:position]):
                kind_ = Kind.SIBLING if elder_father is own_father else Kind.HALF_SIBLING
                self.relate(child, elder, kind_, lives_with=bool(born))
            for grandparent in carers:
                pr = kinship and r.random() < rates.kinship_parental_responsibility_share
                self.relate(child, grandparent, Kind.GRANDPARENT, pr=pr, lives_with=kinship and bool(born))
            for kind_, extra in extras:
                self.relate(child, extra, kind_)

    def unaccompanied_child(self) -> None:
        """A child who arrived alone, looked after from arrival; some are now care leavers."""
        r, rates = self.rng, self.rates
        town_index = r.randrange(len(self.towns))
        self.index.start_household(self.towns[town_index].locality)
        ethnicity = weighted(r, rates.unaccompanied_ethnicity_weights)
        pool = self.names.for_ethnicity(ethnicity)
        arrived = self.today - r.randrange(14, 4 * 365)
        age = r.randint(*rates.unaccompanied_arrival_ages)
        born_year = datetime.date.fromordinal(arrived).year - age
        if r.random() < rates.designated_birth_date_share:
            birth = datetime.date(born_year, 1, 1).toordinal()
        else:
            birth = datetime.date(born_year, 1, 1).toordinal() + r.randrange(365)
        sex = Sex.MALE if r.random() < rates.unaccompanied_male_share else Sex.FEMALE
        nhs = self.nhs.next() if r.random() < rates.child_nhs_number_share else None
        # No UPN: never in a school in England (most go to college). Not UN4, "newly looked after": the 903
        # allows it only in a child's first week in care (rule 210), and these children are in care longer.
        unknown = UPNUnknown.NEVER_IN_SCHOOL_IN_ENGLAND
        person = self.person(
            pool.forename(r, sex), pool.surname(r), sex, ethnicity, birth, nhs=nhs, upn_unknown=unknown
        )
        self.index.add(person.pk, birth, UNACCOMPANIED)
        town = self.towns[town_index]
        line1, line2 = self.geography.street_address(r, town)
        self.live_at(person, [(line1, line2, town.name, self.geography.postcode(r, town), arrived, None)])


def _date(ordinal: int | None) -> datetime.date | None:
    return datetime.date.fromordinal(ordinal) if ordinal else None


def _cumulative(weights) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


@contributes(order=40)
def households(council):
    """The families, in chunks; then the unaccompanied children, from their own stream."""
    builder = Households(council)
    chunk = council.scale.chunk_households
    total = council.scale.households
    for household in range(total):
        builder.build(household)
        if (household + 1) % chunk == 0:
            council.flush()
            if (household + 1) % (chunk * 10) == 0:
                council.report(f"people.households: {household + 1:,} of {total:,} households")
    builder.rng = council.rng("people.unaccompanied")
    for _ in range(council.scale.open_children("unaccompanied")):
        builder.unaccompanied_child()
    council.lookups["people.children"] = builder.index
    council.lookups["people.nhs_numbers"] = builder.nhs
    council.lookups["people.duplicates"] = builder.duplicates
