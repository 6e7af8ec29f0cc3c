"""The collection year a return covers, and what changed in the DfE's specification from year to year.

The DfE names a year by the one its reference date falls in: the 2025 census runs from 1 April 2024
to 31 March 2025. Everything year-specific is asked of CollectionYear, so a new year's change is one
edit here.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from timescales.dates import is_open_during, open_during, year_to_31_march

FIRST_YEAR = 2025  # Sex as M/F/U (replacing GenderCurrent and 1/2) from the 2024-25 collections
LATEST_YEAR = 2027


@dataclass(frozen=True)
class CollectionYear:
    year: int  # the year of the reference date: 2025 for 2024-25

    def __post_init__(self):
        if not FIRST_YEAR <= self.year <= LATEST_YEAR:
            raise ValueError(
                f"Thrive produces the {FIRST_YEAR} to {LATEST_YEAR} returns; {self.year} is not one of them."
            )

    @property
    def start(self) -> datetime.date:
        return year_to_31_march(self.year)[0]

    @property
    def end(self) -> datetime.date:
        """The reference date: 31 March."""
        return year_to_31_march(self.year)[1]

    @property
    def label(self) -> str:
        return f"{self.year - 1}-{self.year % 100:02d}"

    def __str__(self):
        return f"{self.label} (1 April {self.year - 1} to 31 March {self.year})"

    def covers(self, day: datetime.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def open_during(self, start: datetime.date | None, end: datetime.date | None) -> bool:
        """A span that was open at any time in the year (no end: still open)."""
        return is_open_during(start, end, self.start, self.end)

    def records_open(self, start: str = "start_date", end: str = "end_date") -> Q:
        """Records open at any time in the year, as a query over their start and end date fields."""
        return open_during(self.start, self.end, start, end)

    @property
    def has_pre_proceedings(self) -> bool:
        """The CIN census's PreProceedingsandFGDM block, from 2026-27."""
        return self.year >= 2027

    @property
    def has_deprivation_of_liberty(self) -> bool:
        """The 903's DoLo table, from 2026-27."""
        return self.year >= 2027

    @property
    def placement_types_split(self) -> bool:
        """Other placements: Z1 until 2024-25, Z11 to Z14 from 2025-26."""
        return self.year >= 2026

    @property
    def has_semi_independent(self) -> bool:
        """Placement type H5 until 2024-25. From 2025-26 a placement begun as H5 and still open is returned
        as registered supported accommodation, K3: the year's code list has no H5, and the DfE's check of
        the first episode against last year's open one (903 rule 503D) lets H5 become K3."""
        return self.year <= 2025


def current_year(today: datetime.date | None = None) -> int:
    """The latest year whose reference date has passed (the one being returned), within what Thrive
    produces."""
    today = today or datetime.date.today()
    year = today.year if today >= datetime.date(today.year, 3, 31) else today.year - 1
    return max(FIRST_YEAR, min(LATEST_YEAR, year))
