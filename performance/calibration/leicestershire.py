"""How a generated council's journeys compare with the reference council (Leicestershire, Q4 2024/25).

The figures are the dashboard's own computations (performance.computed.evaluate), so calibrating
the generator and reporting on a real council use one definition; counts around them are plain
queries. `python manage.py journey_calibration "Q4 2024/25"` prints them beside the targets.
"""

from dataclasses import dataclass

from familyhelp.indicators import assessments_within_45_working_days_of_referral
from familyhelp.models import CINPlan, FamilyHelpEpisode
from frontdoor.models import Contact
from performance import computed, periods, registry
from performance.periods import Span
from proceedings.models import CareProceedings, PreProceedings
from protection.models import ChildProtectionPlan
from timescales.dates import open_at_end_of

from .leicestershire_care import care_figures

# Leicestershire's figures from the seeds (DOMAIN.md, "Reference scale"), per 150,000 children.
REFERENCE = {
    "CSC_RE_REFERRALS": (26.4, "444 of 1,682 referrals"),
    "CSC_ASSESSMENTS_45_DAYS": (83.6, "1,268 of 1,608 in Q4 alone (78.9%)"),
    "CSC_CPP_SECOND_OR_LATER": (24.9, "51 second or later plans in Q4"),
    "CSC_CP_REVIEWS_ON_TIME": (88.0, "294 of 334 children"),
    "CSC_CPP_TWO_YEARS": (1.1, "Q3 2023/24; 1.3% in Q2"),
}


@dataclass(frozen=True)
class Line:
    label: str
    value: str
    reference: str = ""


def _figure(code, quarter) -> list[Line]:
    """The figure as the dashboard shows it; for a year-to-date figure, also the quarter's own cases."""
    figure = computed.evaluate(code, quarter)
    target, note = REFERENCE[code]
    if figure is None:
        return [Line(code, "no figure", f"{target}% ({note})")]
    lines = [
        Line(
            code,
            f"{figure.value:.1f}% ({figure.numerator:,} of {figure.denominator:,})",
            f"{target}% ({note})",
        )
    ]
    if registry.get(code).span == Span.YEAR_TO_DATE:
        in_quarter = [case for case in figure.cases if quarter.start <= case.date <= quarter.end]
        counted = sum(case.counted for case in in_quarter)
        lines.append(Line("  of which in the quarter", f"{counted:,} of {len(in_quarter):,}"))
    return lines


def _from_referral(quarter) -> Line:
    """The assessments figure counted from the referral (Working Together) beside the DfE's from the start."""
    figure = assessments_within_45_working_days_of_referral(periods.year_to_date(quarter))
    value = f"{figure.value:.1f}% ({figure.numerator:,} of {figure.denominator:,})" if figure else "no figure"
    return Line("  counted from the referral instead", value, "Working Together's reading")


def report(label: str) -> list[Line]:
    quarter = periods.parse(label)
    start, end = quarter.start, quarter.end
    open_at_end = open_at_end_of(end)
    year = periods.rolling_year(end)
    contacts = Contact.objects.filter(received_at__date__range=(start, end)).count()
    return [
        Line("Contacts received in the quarter", f"{contacts:,}"),
        *_figure("CSC_RE_REFERRALS", quarter),
        *_figure("CSC_ASSESSMENTS_45_DAYS", quarter),
        _from_referral(quarter),
        *_figure("CSC_CPP_SECOND_OR_LATER", quarter),
        *_figure("CSC_CP_REVIEWS_ON_TIME", quarter),
        *_figure("CSC_CPP_TWO_YEARS", quarter),
        Line(
            "Children on CP plans at the end",
            f"{ChildProtectionPlan.objects.filter(open_at_end).count():,}",
            "about 500",
        ),
        Line(
            "Children in Family Help at the end", f"{FamilyHelpEpisode.objects.filter(open_at_end).count():,}"
        ),
        Line("Children on CIN plans at the end", f"{CINPlan.objects.filter(open_at_end).count():,}"),
        Line(
            "Children entering pre-proceedings in the year",
            f"{PreProceedings.objects.filter(start_date__range=(year.start, end)).count():,}",
        ),
        Line(
            "Children in care proceedings issued in the year",
            f"{CareProceedings.objects.filter(issued_on__range=(year.start, end)).count():,}",
        ),
        *(Line(*figure) for figure in care_figures(quarter)),
    ]
