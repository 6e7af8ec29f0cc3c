"""The front door to child protection in a generated council, beside England's published figures (issue 13).

The references are England's, from "Characteristics of children in need, reporting year 2025" (DfE,
explore-education-statistics), as shares or rates per 10,000 children, so they hold at any council's
size. Where Leicestershire's dashboard (DOMAIN.md, the seeds) gives the same figure it wins, and the
table shows both. Each figure is counted as users see it: rates at 31 March by the dashboard's own
computations (`performance.computed`), flows in the year from the CIN census as Thrive returns it
(`returns.cin.extract`), and contacts from the front door's decisions (the census collects none).
Printed by `python manage.py england_calibration`.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db.models import Q

from familyhelp.codes import AssessmentFactor
from frontdoor.codes import REFERRAL_OUTCOMES
from frontdoor.models import ContactDecision
from performance import computed, periods
from performance.counting import child_population
from returns.cin.extract import children
from timescales.dates import open_during

from .figures import Figure

PUBLICATION = "DfE, Characteristics of children in need, reporting year 2025"
PER_10K = "per 10,000 children"
LEICESTERSHIRE = "Leicestershire, Q4 2024/25 dashboard and DOMAIN.md: about 500 children on plans"


@dataclass(frozen=True)
class Year:
    """The 12 months to `as_at`, shaped as the CIN census extract asks (1 April to 31 March on the reference
    date); the extract's pre-proceedings block is not needed here."""

    start: datetime.date
    end: datetime.date
    has_pre_proceedings: bool = False

    @classmethod
    def to(cls, as_at: datetime.date) -> "Year":
        return cls(as_at - relativedelta(years=1) + datetime.timedelta(days=1), as_at)

    def covers(self, day: datetime.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def records_open(self, start: str = "start_date", end: str = "end_date") -> Q:
        """Records open at any time in the 12 months, as the census extract asks (`CollectionYear`)."""
        return open_during(self.start, self.end, start, end)


@dataclass
class CensusCounts:
    """What the census for the year says about plans ended, enquiries and assessments."""

    plans_ended: int = 0
    ended_within_3_months: int = 0
    ended_6_to_12_months: int = 0
    section47s: int = 0
    section47s_to_icpc: int = 0
    assessments: int = 0  # completed in the year
    no_factors: int = 0


def plan_duration_band(start: datetime.date, end: datetime.date) -> str:
    """The DfE's bands for how long a plan lasted: "3 months or less", "more than 3 months up to 6", "more
    than 6 months up to 1 year", "more than 1 year up to 2", "more than 2 years" (calendar months)."""
    for months, band in (
        (3, "3 months or less"),
        (6, "3 to 6 months"),
        (12, "6 months to 1 year"),
        (24, "1 to 2 years"),
    ):
        if end <= start + relativedelta(months=months):
            return band
    return "2 years or more"


def census_counts(year: Year) -> CensusCounts:
    counts = CensusCounts()
    for child in children(year):
        for episode in child["CINdetails"]:
            for plan in episode["ChildProtectionPlans"]:
                if year.covers(plan["CPPendDate"]):
                    counts.plans_ended += 1
                    band = plan_duration_band(plan["CPPstartDate"], plan["CPPendDate"])
                    counts.ended_within_3_months += band == "3 months or less"
                    counts.ended_6_to_12_months += band == "6 months to 1 year"
            for enquiry in episode["Section47"]:
                if year.covers(enquiry["S47ActualStartDate"]):
                    counts.section47s += 1
                    counts.section47s_to_icpc += enquiry["DateOfInitialCPC"] is not None
            for assessment in episode["Assessments"]:
                if year.covers(assessment["AssessmentAuthorisationDate"]):
                    counts.assessments += 1
                    factors = assessment["FactorsIdentifiedAtAssessment"]
                    counts.no_factors += AssessmentFactor.NO_FACTORS in factors
    return counts


def contacts_to_referrals(year: Year) -> tuple[int, int]:
    """(contacts decided in the year that became a referral or a strategy discussion, contacts decided)."""
    decided = ContactDecision.objects.filter(
        decided_at__date__range=(year.start, year.end), contact__person__merged_into__isnull=True
    )
    return decided.filter(outcome__in=REFERRAL_OUTCOMES).count(), decided.count()


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _rate(code: str, as_at: datetime.date) -> float:
    figure = computed.evaluate(code, periods.as_at(as_at))
    return float(figure.value) if figure is not None else 0.0


def figures(as_at: datetime.date) -> list[Figure]:
    year = Year.to(as_at)
    census = census_counts(year)
    population = child_population(as_at) or 0
    referred, decided = contacts_to_referrals(year)
    cp_rate = _rate("CP_RATE", as_at)
    plans = f"{PUBLICATION}: child protection plans ending in the year, by duration"
    return [
        Figure(
            "CP plans ended in the year that lasted 3 months or less",
            _percent(census.ended_within_3_months, census.plans_ended),
            15.9,
            "%",
            plans,
        ),
        Figure(
            "CP plans ended in the year that lasted 6 months to 1 year",
            _percent(census.ended_6_to_12_months, census.plans_ended),
            43.5,
            "%",
            plans,
        ),
        Figure(
            "Children on CP plans at 31 March (England)",
            cp_rate,
            40.6,
            PER_10K,
            f"{PUBLICATION}: children on a plan at 31 March; Leicestershire's figure wins (next line)",
        ),
        Figure("Children on CP plans at 31 March (Leicestershire)", cp_rate, 33.3, PER_10K, LEICESTERSHIRE),
        Figure(
            "Section 47 enquiries started in the year",
            round(10_000 * census.section47s / population, 1) if population else 0.0,
            189.0,
            PER_10K,
            f"{PUBLICATION}: section 47 enquiries",
        ),
        Figure(
            "Section 47 enquiries leading to an initial conference",
            _percent(census.section47s_to_icpc, census.section47s),
            31.0,
            "%",
            f"{PUBLICATION}: initial child protection conferences and section 47 enquiries",
        ),
        Figure(
            "Contacts decided in the year that became referrals",
            _percent(referred, decided),
            23.0,
            "%",
            "issue 13's England estimate (the CIN census has no contacts; the seeds give no conversion)",
        ),
        Figure(
            "Children in need at 31 March",
            _rate("CIN_RATE", as_at),
            328.0,
            PER_10K,
            f"{PUBLICATION}: children in need at 31 March",
        ),
        Figure(
            "Assessments completed with no factors identified (code 21)",
            _percent(census.no_factors, census.assessments),
            6.0,
            "%",
            f"{PUBLICATION}: factors identified at the end of assessment (share not checked offline: an "
            "estimate)",
        ),
    ]
