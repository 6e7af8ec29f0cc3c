"""Children in care and care leavers in a generated council, beside Leicestershire's published figures.

The percentages are the dashboard's own computations (performance.computed.evaluate: health
assessments, dental checks, three or more placements, care leavers' accommodation and activity), so
the generator is calibrated against the definition a real council's figures use. The counts around
them are plain queries: looked after at the end of the day (`timescales.dates.open_at_end_of`),
periods of care started and ended in the 12 months, former relevant children aged 18 to 21. Shown by
`python manage.py journey_calibration`.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import Avg

from care.codes import PlacementType
from care.models import Episode, PeriodOfCare, UnaccompaniedChild
from leavers.codes import LeaverStatus
from leavers.eligibility import status, stays_of
from people.models import Person
from performance import computed
from performance.periods import Period
from timescales.dates import not_ended_by, open_at_end_of

HIGH_COST = 10_000
# The figures taken from the dashboard's computations: key, indicator code.
INDICATORS = {
    "health": "CLA_HEALTH_ASSESSMENTS",
    "dental": "CLA_DENTAL_CHECKS",
    "three_placements": "CLA_THREE_PLACEMENTS",
    "suitable": "CL_SUITABLE_ACCOMMODATION",
    "eet": "CL_EET",
}


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}% ({part:,} of {whole:,})" if whole else "no children"


def care_leavers(on: datetime.date, ages=(18, 21)) -> list[int]:
    """Former relevant children aged `ages` on the day."""
    youngest, oldest = ages
    people = dict(
        Person.objects.filter(
            periods_of_care__isnull=False,
            birth_date__gt=on - relativedelta(years=oldest + 1),
            birth_date__lte=on - relativedelta(years=youngest),
        )
        .distinct()
        .values_list("pk", "birth_date")
    )
    stays = stays_of(list(people))
    return sorted(
        pid
        for pid, born in people.items()
        if status(born, stays.get(pid, []), on) == LeaverStatus.FORMER_RELEVANT
    )


def _counts(code: str, quarter: Period) -> tuple[int, int]:
    figure = computed.evaluate(code, quarter)
    return (int(figure.numerator), int(figure.denominator)) if figure is not None else (0, 0)


def care_measures(quarter: Period) -> dict:
    """The figures as numbers at the quarter's end: counts, and (numerator, denominator) pairs for the
    percentages, which are the indicators' computations."""
    on = quarter.end
    year_ago = on - relativedelta(years=1)
    open_on = open_at_end_of(on)
    in_care = set(PeriodOfCare.objects.filter(open_on).values_list("person_id", flat=True))
    uasc = UnaccompaniedChild.objects.filter(not_ended_by(on, "ceased_on"), person_id__in=in_care)
    homes = Episode.objects.filter(
        open_on, placement_type=PlacementType.CHILDRENS_HOME, weekly_cost__isnull=False
    )
    return {
        "in_care": len(in_care),
        "uasc": uasc.count(),
        "care_leavers": len(care_leavers(on)),
        "started": PeriodOfCare.objects.filter(start_date__gt=year_ago, start_date__lte=on).count(),
        "ended": PeriodOfCare.objects.filter(end_date__gt=year_ago, end_date__lte=on).count(),
        "home_cost": homes.aggregate(average=Avg("weekly_cost"))["average"] or 0,
        "homes": homes.count(),
        "homes_over_10k": homes.filter(weekly_cost__gt=HIGH_COST).count(),
        **{key: _counts(code, quarter) for key, code in INDICATORS.items()},
    }


def care_figures(quarter: Period) -> list[tuple[str, str, str]]:
    """(label, value, reference) lines for the quarter."""
    m = care_measures(quarter)
    return [
        ("Children in care at the end", f"{m['in_care']:,}", "717"),
        ("  of whom unaccompanied asylum-seeking", f"{m['uasc']:,}", "82"),
        ("  periods of care started / ended in the year", f"{m['started']:,} / {m['ended']:,}"),
        ("Care leavers aged 18 to 21 (former relevant)", f"{m['care_leavers']:,}", "498"),
        (
            "Children's homes: average weekly cost",
            f"£{m['home_cost']:,.0f} ({m['homes']:,} children)",
            "£5.8k",
        ),
        (f"  children in homes costing over £{HIGH_COST:,} a week", f"{m['homes_over_10k']:,}", "a few"),
        ("CLA_HEALTH_ASSESSMENTS (in care 12+ months)", _percent(*m["health"]), "84%"),
        ("CLA_DENTAL_CHECKS (in care 12+ months)", _percent(*m["dental"]), "75%"),
        ("CLA_THREE_PLACEMENTS (in the year)", _percent(*m["three_placements"]), "about 10%"),
        ("CL_SUITABLE_ACCOMMODATION (care leavers 17-21)", _percent(*m["suitable"]), "94% (453 of 482)"),
        ("CL_EET (care leavers 17-21)", _percent(*m["eet"]), "about 60%"),
    ]
