"""Partner agencies' records of the synthetic council's children: school rolls, GP registrations, police
incidents, each copied with the errors real systems carry, the truth kept beside it.

`RecordMaker` is independent of the database, so benchmarks can make a million records the same way;
the contribution reads the children the generator wrote and queues the records. Nothing here draws
from another contribution's random streams or writes to another app's tables.
"""

import datetime
import random
from dataclasses import dataclass, field

from council.synthetic.casework import moment
from council.synthetic.registry import contributes
from people.models import Address, Person
from people.synthetic import DIED, UNBORN
from timescales.dates import age_on

from . import errors as err
from .models import LinkStatus, PartnerRecord, RecordKind, SyntheticTruth

CHUNK = 5_000
SIBLING_SAMPLE = 10_000
AGENCY_FOR_KIND = {RecordKind.GP_REGISTRATION: "health", RecordKind.POLICE_INCIDENT: "police"}
REFERENCE_PREFIX = {
    RecordKind.SCHOOL_ROLL: "ROLL",
    RecordKind.GP_REGISTRATION: "GP",
    RecordKind.POLICE_INCIDENT: "INC",
}
IDENTITY_ERRORS = ("misspelling", "nickname", "swapped_day_month", "old_address")


@dataclass
class Identity:
    """A child as the council knows them (person_id None: a child it does not know)."""

    person_id: int | None
    forename: str
    surname: str
    sex: str
    birth: datetime.date
    nhs_number: str | None
    addresses: list = field(default_factory=list)  # (line, postcode, is_current), current first


class RecordMaker:
    """Copies of a child's identity as a partner agency would hold it, with one identity error at most
    (two for a few), NHS numbers held, missing or mistyped by kind of agency."""

    def __init__(self, rates, as_at: datetime.date, agencies: dict, school_agencies: list):
        self.rates = rates
        self.today = as_at.toordinal()
        self.agencies = agencies
        self.school_agencies = school_agencies
        self.error_kinds = list(rates.errors)
        self.error_weights = list(rates.errors.values())

    def agency_for(self, kind: str, rng: random.Random) -> int:
        if kind == RecordKind.SCHOOL_ROLL:
            return rng.choice(self.school_agencies)
        return self.agencies[AGENCY_FOR_KIND[kind]]

    def record(self, child: Identity, kind: str, rng: random.Random) -> tuple[dict, list[str]]:
        """(PartnerRecord columns, the errors given)."""
        wanted = rng.choices(self.error_kinds, weights=self.error_weights)[0]
        if wanted == "two_errors":
            wanted = rng.sample(IDENTITY_ERRORS, 2)
        elif wanted == "none":
            wanted = []
        else:
            wanted = [wanted]
        forename, surname, born = child.forename, child.surname, child.birth
        line, postcode = child.addresses[0][:2] if child.addresses else ("", "")
        made = []
        for error in wanted:
            if error == "misspelling":
                if rng.random() < 0.5:
                    changed, forename = misspelt(forename, rng)
                else:
                    changed, surname = misspelt(surname, rng)
            elif error == "nickname":
                known_as = err.nickname(forename, rng)
                changed, forename = known_as is not None, known_as or forename
            elif error == "swapped_day_month":
                swapped = err.swap_day_month(born)
                changed, born = swapped is not None, swapped or born
            else:
                earlier = [a for a in child.addresses if not a[2]]
                changed = bool(earlier)
                if earlier:
                    line, postcode = rng.choice(earlier)[:2]
            if changed:
                made.append(error)
        nhs = ""
        if child.nhs_number and rng.random() < self.rates.nhs_number_held[kind]:
            nhs = child.nhs_number
            if rng.random() < self.rates.nhs_mistyped_share:
                nhs = err.mistype_nhs_number(nhs, rng)
                made.append("nhs_mistyped")
        else:
            made.append("nhs_missing")
        received = self.today - rng.randint(*self.rates.received_days)
        columns = dict(
            agency_id=self.agency_for(kind, rng),
            kind=kind,
            reference=f"{REFERENCE_PREFIX[kind]}-{rng.randrange(10**7):07d}",
            forename=err.as_typed(forename, rng, 0.05),
            surname=err.as_typed(surname, rng),
            birth_date=born,
            sex=child.sex,
            address=err.as_typed(line, rng, 0.05),
            postcode=err.postcode_as_typed(postcode, rng),
            nhs_number=err.nhs_as_typed(nhs, rng),
            received_at=moment(received, rng.randrange(8 * 60, 18 * 60)),
            status=LinkStatus.AWAITING,
        )
        return columns, made

    def unknown_child(
        self, rng: random.Random, names, towns, geography, sibling_of: Identity | None
    ) -> Identity:
        """A child the council has never met: a brother or sister of a known child, or anyone."""
        sex = rng.choice("MF")
        if sibling_of is not None:
            pool = names.british
            surname, addresses = sibling_of.surname, sibling_of.addresses[:1]
            gap = rng.choice((-1, 1)) * rng.randint(365, 6 * 365)
            born = datetime.date.fromordinal(min(self.today - 30, sibling_of.birth.toordinal() + gap))
        else:
            pool = rng.choice((names.british,) * 8 + (names.south_asian, names.african))
            surname = pool.surname(rng)
            town = rng.choice(towns)
            line1, line2 = geography.street_address(rng, town)
            addresses = [(", ".join(p for p in (line1, line2) if p), geography.postcode(rng, town), True)]
            born = datetime.date.fromordinal(self.today - rng.randint(30, 17 * 365))
        return Identity(None, pool.forename(rng, sex), surname, sex, born, None, addresses)


def misspelt(name: str, rng: random.Random) -> tuple[bool, str]:
    changed = err.misspell(name, rng)
    return changed is not None, changed or name


def known_children(council, chunk: int = CHUNK):
    """The generated children (not unborn, alive), in the generator's order, with their addresses."""
    index = council.lookups["people.children"]
    wanted = [index.person_ids[i] for i in range(len(index)) if not index.flags[i] & (UNBORN | DIED)]
    for start in range(0, len(wanted), chunk):
        ids = wanted[start : start + chunk]
        addresses: dict[int, list] = {}
        rows = Address.objects.filter(person_id__in=ids).order_by("person_id", "-start_date", "pk")
        for person_id, line1, line2, postcode, end in rows.values_list(
            "person_id", "line1", "line2", "postcode", "end_date"
        ):
            line = ", ".join(p for p in (line1, line2) if p)
            addresses.setdefault(person_id, []).append((line, postcode, end is None))
        people = Person.objects.filter(pk__in=ids).values_list(
            "pk", "forename", "surname", "sex", "birth_date", "nhs_number"
        )
        found = {row[0]: row for row in people}
        for person_id in ids:
            pk, forename, surname, sex, born, nhs = found[person_id]
            yield Identity(pk, forename, surname, sex, born, nhs, addresses.get(pk, []))


@contributes(order=75)
def partner_records(council):
    """Schools', GPs' and the police's records of some of the children, and of some children never known."""
    rates = council.rates.partners
    rng, unknown_rng = council.rng("sharing.partner_records"), council.rng("sharing.partner_records.unknown")
    sample_rng = council.rng("sharing.partner_records.siblings")
    agencies = council.lookups["access.agencies"]
    maker = RecordMaker(rates, council.as_at, agencies, sorted(agencies["schools"].values()))
    open_cases = {
        person_id for cases in council.lookups["access.open_cases"].values() for person_id, _ in cases
    }
    kinds = list(rates.kinds.items())
    known, siblings = 0, []

    def add(child: Identity, kind: str, source_rng) -> None:
        columns, made = maker.record(child, kind, source_rng)
        record_id = council.insert(PartnerRecord, **columns)
        council.insert(
            SyntheticTruth,
            record_id=record_id,
            person_id=child.person_id,
            errors=",".join(made),
            held_out=source_rng.random() < rates.held_out_share,
        )

    for child in known_children(council):
        age = age_on(child.birth, council.as_at)
        for kind, share in kinds:
            if kind == RecordKind.SCHOOL_ROLL and not 5 <= age <= 17:
                continue
            wanted = child.person_id in open_cases and kind in rates.open_case_kinds
            if rng.random() < share or wanted:
                add(child, kind, rng)
                known += 1
        if len(siblings) < SIBLING_SAMPLE:  # children to draw unknown siblings from, in flat memory
            siblings.append(child)
        elif sample_rng.random() < 0.1:
            siblings[sample_rng.randrange(SIBLING_SAMPLE)] = child
    towns = council.geography.towns
    for _ in range(round(known * rates.unknown_child_share)):
        sibling = rng_choice_or_none(unknown_rng, siblings, rates.unknown_sibling_share)
        child = maker.unknown_child(unknown_rng, council.names, towns, council.geography, sibling)
        kind = unknown_rng.choice(
            [
                k
                for k, _ in kinds
                if k != RecordKind.SCHOOL_ROLL or 5 <= age_on(child.birth, council.as_at) <= 17
            ]
        )
        add(child, kind, unknown_rng)


def rng_choice_or_none(rng: random.Random, items: list, share: float):
    return rng.choice(items) if items and rng.random() < share else None
