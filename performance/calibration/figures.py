"""One line of a calibration table: a generated council's figure beside the published figure it should
match."""

from typing import NamedTuple

TOLERANCE = 0.15  # issue 13: within about 15% of the reference


class Figure(NamedTuple):
    label: str
    value: float
    reference: float
    unit: str  # "%", "per 10,000 children", "months"
    source: str  # the publication and table the reference comes from

    @property
    def within(self) -> bool:
        return abs(self.value - self.reference) <= TOLERANCE * abs(self.reference)
