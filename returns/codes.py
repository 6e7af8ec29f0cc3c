"""Where a return's code differs from the one Thrive stores, the mapping, declared once.

Everything else in the returns is the apps' own code lists (people.codes, frontdoor.codes,
care.codes...), which already hold the DfE's codes.
"""

from care.codes import PlacementType

# Sex before 2024-25: the census's GenderCurrent and the 903's SEX were numbers. Read in old files.
LEGACY_SEX = {"1": "M", "2": "F", "0": "U", "9": "U"}

# The 903 split "other placement" Z1 into Z11 to Z14 for 2025-26: earlier returns report them all as Z1,
# and an imported Z1 is held as Z11 until a worker records which it was.
OTHER_PLACEMENT_BEFORE_SPLIT = "Z1"
OTHER_PLACEMENT_IMPORTED_AS = PlacementType.OTHER_Z11
