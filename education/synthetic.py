"""The synthetic council's schools, and (after care and leaving care) its education and inclusion records.

`schools` (order 20) names the schools. `inclusion` (order 63, after care and leavers, before shares)
writes the Children Not in School register, home education notices and consent, children and pupils
missing education, exclusions, attendance, the Virtual School's PEP quality assurance, EHC plans and
NEET tracking, calibrated to Leicestershire's inclusion report (education.synthetic_rates). It reads the
earlier apps' records (CP plans, s47 enquiries, children in care, PEPs) and never changes them; its own
random streams keep every other app's data as it was. The links that matter are drawn on purpose:
some home-education notices come from children on CP plans, some children missing education have a
social worker.
"""

from dataclasses import dataclass

from council.synthetic.registry import contributes

from .models import Phase, School

PHASE_WEIGHTS = {
    Phase.PRIMARY: 0.78,
    Phase.SECONDARY: 0.14,
    Phase.SPECIAL: 0.04,
    Phase.ALTERNATIVE: 0.02,
    Phase.ALL_THROUGH: 0.01,
    Phase.NURSERY: 0.01,
}
# DfE establishment numbers run in ranges by phase (2xxx primary, 4xxx secondary, 7xxx special...):
# (first number, how many).
ESTABLISHMENT_RANGES = {
    Phase.NURSERY: (1000, 100),
    Phase.ALTERNATIVE: (1100, 100),
    Phase.PRIMARY: (2000, 1000),
    Phase.ALL_THROUGH: (3000, 1000),
    Phase.SECONDARY: (4000, 1000),
    Phase.SPECIAL: (7000, 1000),
}
NAME_STYLES = {
    Phase.NURSERY: ("{town} Nursery School", "{word} Nursery School"),
    Phase.PRIMARY: (
        "{town} Primary School",
        "{word} Primary School",
        "St {saint}'s CofE Primary School",
        "St {saint}'s Catholic Primary School",
        "{word} Community Primary School",
        "{town} {word} Academy",
        "{word} Infant School",
        "{word} Junior School",
    ),
    Phase.SECONDARY: (
        "{town} High School",
        "{town} Academy",
        "{town} College",
        "{word} School",
        "St {saint}'s Catholic Academy",
    ),
    Phase.ALL_THROUGH: ("{town} All-Through School", "{word} Academy"),
    Phase.SPECIAL: ("{word} Special School", "{town} {word} School"),
    Phase.ALTERNATIVE: ("{town} Pupil Referral Unit", "{word} Learning Centre"),
}
WORDS = (
    "Meadow",
    "Oakfield",
    "Riverside",
    "Brookside",
    "Westfield",
    "Greenhill",
    "Hollybank",
    "Fernlea",
    "Kingsway",
    "Orchard",
    "Parkland",
    "Woodside",
    "Highcross",
    "Millbrook",
    "Beacon",
    "Ashgrove",
)
SAINTS = ("Mary", "Peter", "John", "Andrew", "Margaret", "Paul", "Luke", "Anne", "Joseph", "Michael")
FIRST_URN = 900_000  # above every URN yet issued, so a synthetic school never names a real one


@dataclass(frozen=True)
class SchoolInfo:
    id: int
    name: str
    phase: str
    town: int
    establishment: int  # the DfE number inside a UPN, with the issuing LA number


@contributes(order=20)
def schools(council):
    rng = council.rng("education.schools")
    towns = council.geography.towns
    count = council.scale.schools
    phases = rng.choices(list(PHASE_WEIGHTS), weights=list(PHASE_WEIGHTS.values()), k=count)
    phases[: min(2, count)] = [Phase.PRIMARY, Phase.SECONDARY][: min(2, count)]  # every council has both
    urns = rng.sample(range(FIRST_URN, FIRST_URN + 100_000), count)
    numbered = dict.fromkeys(PHASE_WEIGHTS, 0)
    names: set[str] = set()
    infos = []
    for i, (phase, urn) in enumerate(zip(phases, urns)):
        town_index = i % len(towns)
        town = towns[town_index]
        name = rng.choice(NAME_STYLES[phase]).format(
            town=town.name, word=rng.choice(WORDS), saint=rng.choice(SAINTS)
        )
        if name in names:
            name = f"{name}, {town.name}"
        while name in names:
            name = f"{name} {len(names)}"
        names.add(name)
        school = School(urn=str(urn), name=name, phase=phase, postcode=council.geography.postcode(rng, town))
        council.add(school)
        first, size = ESTABLISHMENT_RANGES[phase]
        establishment = first + numbered[phase] % size
        numbered[phase] += 1
        infos.append(SchoolInfo(school.pk, name, phase, town_index, establishment))
    council.lookups["education.schools"] = infos


@contributes(order=64)
def inclusion(council):
    """Education and inclusion records for the whole council (see the module docstring)."""
    from .synthetic_inclusion import Inclusion

    Inclusion(council).run()
