"""The council's position under the National Transfer Scheme.

A council is not normally asked to take more unaccompanied children through the scheme once the
UASC it looks after reach 0.1% of its child population (Home Office, National Transfer Protocol
for unaccompanied asylum-seeking children). The population is the latest mid-year estimate held in
council.PopulationCount, ages 0 to 17.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max, Sum

from council.models import PopulationCount
from timescales.dates import open_at_end_of

from .models import PeriodOfCare, UnaccompaniedChild

THRESHOLD = Decimal("0.001")  # 0.1%
CHILD_AGES = range(18)


@dataclass(frozen=True)
class NTSPosition:
    population_year: int | None
    child_population: int
    threshold: Decimal
    uasc_looked_after: int

    @property
    def headroom(self) -> Decimal:
        """Children the council could still take before reaching the threshold (negative once past it)."""
        return self.threshold - self.uasc_looked_after

    @property
    def at_or_over_threshold(self) -> bool:
        return self.uasc_looked_after >= self.threshold


def nts_position(on: datetime.date) -> NTSPosition:
    year = PopulationCount.objects.filter(year__lte=on.year).aggregate(latest=Max("year"))["latest"]
    population = (
        PopulationCount.objects.filter(year=year, age__in=CHILD_AGES).aggregate(total=Sum("count"))["total"]
        or 0
    )
    in_care = PeriodOfCare.objects.filter(open_at_end_of(on))
    uasc = UnaccompaniedChild.objects.filter(
        open_at_end_of(on, "arrived_on", "ceased_on"), person__in=in_care.values("person_id")
    )
    return NTSPosition(year, population, population * THRESHOLD, uasc.count())
