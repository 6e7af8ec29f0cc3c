"""The sizes of synthetic council the generator can build, and the rates that shape them.

Every number the generator uses lives here, so a scale is a handful of sizes and the rates are
shared: a `la` council differs from `demo` in how many households it has, not in how families
are made up. Reference figures are Leicestershire's (see DOMAIN.md, "Reference scale").
"""
import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rates:
    """Proportions and rates every scale shares (Leicestershire-like unless noted)."""

    # How far back the data go: households first reached services over this many years.
    history_years: int = 5
    population_years: int = 6  # mid-year child population estimates held, latest = as-at year
    male_share: float = 0.512
    population_growth_per_year: float = 0.004
    # Birth cohorts have been shrinking: each year of age is this much larger than the one below.
    population_age_slope: float = 0.008
    population_noise: float = 0.015

    # Households that reach services.
    household_kinds: dict = field(default_factory=lambda: {
        "lone_mother": 0.46, "two_parents": 0.30, "mother_and_step_parent": 0.12,
        "lone_father": 0.06, "kinship": 0.06,
    })
    children_per_household: dict = field(default_factory=lambda: {1: 0.45, 2: 0.31, 3: 0.15, 4: 0.06, 5: 0.03})
    # Age of the eldest child at the as-at date: 18-21 year olds reached services as children.
    eldest_age_weights: tuple = (
        0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1,
        1.1, 1.2, 1.2, 1.3, 1.3, 1.2, 1.1, 0.7, 0.6, 0.5, 0.4,
    )
    sibling_gap_years: dict = field(default_factory=lambda: {1: 0.20, 2: 0.35, 3: 0.25, 4: 0.12, 5: 0.08})
    mother_age_at_first_birth: tuple = (16, 38)  # range; the middle is likelier
    father_age_difference: tuple = (-3, 9)
    grandparent_generation_gap: tuple = (18, 36)
    unborn_share: float = 0.006  # households expecting a baby (pre-birth work)
    fewest_rare_cases: int = 3  # unborn children and duplicate records, even at the smallest scale
    absent_father_recorded_share: float = 0.60
    absent_father_parental_responsibility_share: float = 0.70
    step_family_half_sibling_share: float = 0.40
    grandparents_share: float = 0.35
    second_grandparent_share: float = 0.50
    aunt_uncle_share: float = 0.15
    connected_person_share: float = 0.10
    previous_addresses: dict = field(default_factory=lambda: {0: 0.50, 1: 0.30, 2: 0.14, 3: 0.06})
    moved_within_town_share: float = 0.60
    father_shares_surname_share: float = 0.60  # a resident father with the family's surname
    step_child_surname_share: float = 0.50  # a step-parent's own child takes the step-parent's surname
    kinship_parental_responsibility_share: float = 0.50  # kinship carers with an order giving PR
    unaccompanied_ethnicity_weights: dict = field(default_factory=lambda: {
        "BAFR": 0.35, "AOTH": 0.35, "OOTH": 0.20, "WOTH": 0.05, "BOTH": 0.05,
    })
    unaccompanied_arrival_ages: tuple = (14, 17)
    unaccompanied_male_share: float = 0.90
    designated_birth_date_share: float = 0.30  # age undetermined: born 1 January
    current_address_max_years: int = 8

    # People's details.
    child_death_share: float = 0.001
    grandparent_death_share: float = 0.04
    duplicate_record_share: float = 0.0035  # households with a second record of a child, without NHS number
    child_nhs_number_share: float = 0.93
    adult_nhs_number_share: float = 0.55
    upn_share: float = 0.96  # of children who have started school
    upn_issued_elsewhere_share: float = 0.12  # first school was in another council's area
    middle_name_share: float = 0.45
    preferred_name_share: float = 0.02
    sex_not_known_share: float = 0.001
    second_heritage_share: float = 0.10  # a second parent of another ethnicity
    disability_share: float = 0.08
    second_disability_share: float = 0.25
    no_disability_recorded_share: float = 0.40  # assessed, recorded as NONE
    ethnicity_weights: dict = field(default_factory=lambda: {
        "WBRI": 0.745, "WIRI": 0.004, "WIRT": 0.002, "WOTH": 0.050, "WROM": 0.004,
        "AIND": 0.060, "APKN": 0.010, "ABAN": 0.005, "AOTH": 0.012,
        "BCRB": 0.008, "BAFR": 0.014, "BOTH": 0.003, "CHNE": 0.003, "OOTH": 0.010,
        "MOTH": 0.010, "REFU": 0.005, "NOBT": 0.020,
    })
    disability_weights: dict = field(default_factory=lambda: {
        "AUT": 0.30, "LD": 0.20, "COMM": 0.15, "BEH": 0.12, "MOB": 0.05, "HAND": 0.02,
        "PC": 0.03, "INC": 0.02, "HEAR": 0.03, "VIS": 0.02, "CON": 0.01, "DDA": 0.05,
    })

    # Children open to services at the as-at date, per 10,000 children in the population.
    family_help_per_10k: float = 125.0
    child_in_need_per_10k: float = 60.0
    child_protection_per_10k: float = 33.3  # ~500 CP plans at demo
    children_in_care_per_10k: float = 47.8  # 717 at demo, unaccompanied children included
    care_leavers_per_10k: float = 33.2  # 498 at demo
    unaccompanied_per_10k: float = 5.5  # 82 at demo
    care_leaver_ages: tuple = (18, 21)
    # How long the current allocation has run (mean days, capped), by service.
    allocation_days: dict = field(default_factory=lambda: {
        "family_help": (120, 540), "child_in_need": (90, 700), "child_protection": (200, 730),
        "children_in_care": (300, 1800), "care_leavers": (400, 1800),
    })
    assessed_before_transfer_share: float = 0.70  # CP and care children held by assessment first
    multi_child_care_share: float = 0.30  # children coming into care with a sibling

    # Caseloads and team sizes: the staff and teams follow from the open cases.
    caseloads: dict = field(default_factory=lambda: {
        "family_help": 18, "child_in_need": 17, "child_protection": 16, "children_in_care": 16,
        "care_leavers": 21, "iro": 65,
    })
    workers_per_team: dict = field(default_factory=lambda: {
        "family_help": 15, "child_in_need": 12, "child_protection": 8, "children_in_care": 11,
        "care_leavers": 12, "iro": 10, "front_door": 13, "support": 8,
    })
    # Services without caseloads: staff per 10,000 children.
    support_staff_per_10k: dict = field(default_factory=lambda: {
        "front_door": 1.7, "placements": 0.55, "virtual_school": 0.55, "education": 0.9,
        "performance": 0.45, "admin": 0.25,
    })
    workforce_female_share: float = 0.80
    macpt_partners: dict = field(default_factory=lambda: {"police": 2, "health": 2, "education": 1})
    macpt_probation_share: float = 0.5
    front_door_partners: dict = field(default_factory=lambda: {"police": 2, "health": 1})
    children_per_locality: int = 37_500

    # Information shared with partner agencies (never the police: their officers see MACPT children).
    share_rate: float = 0.08  # of children on CP or CIN plans
    ended_share_rate: float = 0.20


@dataclass(frozen=True)
class Scale:
    """One size of council: how many children live there and how many families reach services."""

    name: str
    description: str
    council_name: str
    dfe_code: str  # invented, in the unused 99x range, so it never names a real council
    child_population: int
    households: int
    schools: int
    chunk_households: int = 5_000  # generated and written together, so memory stays flat
    rates: Rates = field(default_factory=Rates)

    def open_children(self, service: str) -> int:
        """Children open to a service at the as-at date, from its rate per 10,000."""
        return round(self.child_population * getattr(self.rates, f"{service}_per_10k") / 10_000)

    def support_staff(self, service: str) -> int:
        return max(1, round(self.child_population * self.rates.support_staff_per_10k[service] / 10_000))

    @property
    def localities(self) -> int:
        return max(1, math.ceil(self.child_population / self.rates.children_per_locality))


SCALES = {
    s.name: s
    for s in (
        Scale("tiny", "for tests: a few hundred households", "Smallshire District Council", "999", 3_000, 360, 8),
        Scale("demo", "Leicestershire-sized", "Shireshire County Council", "991", 150_000, 18_000, 300),
        Scale("la", "a typical mid-size council", "Midshire Borough Council", "992", 75_000, 9_000, 150),
        Scale("large", "three times demo", "Greater Shireshire Council", "993", 450_000, 54_000, 900),
        Scale(
            "national", "England-sized", "Synthetic England (national scale)", "990",
            12_000_000, 1_440_000, 24_000, chunk_households=20_000,
        ),
    )
}
