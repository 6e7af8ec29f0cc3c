"""The retention schedule, declared once: how long each kind of children's social care record is kept.

A record is kept until the latest date any rule that applies to it gives. Every record of a child known
to children's social care gets the base rule; journey apps declare the facts that bring longer rules
(a period of care, an adoption order, leaving care) through the hook in `retention.facts`.

A council changes a period through settings, never here: THRIVE_RETENTION = {"children_social_care": 25}
(years). Sources, checked on 2 December 2026:
- Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959) reg 50: a looked
  after child's case record is kept until the 75th anniversary of their birth or, if they die before 18,
  for 15 years from the date of death (as reg 10 of the 2007 Welsh regulations and reg 9 of the 1991
  Arrangements for Placement of Children (General) Regulations before them).
- Care Leavers (England) Regulations 2010 (SI 2010/2571) Part 4, reg 10 (Records): pathway plan
  records of relevant and former relevant children, likewise to the 75th anniversary of birth.
- Disclosure of Adoption Information (Post-Commencement Adoptions) Regulations 2005 (SI 2005/888)
  reg 6: the section 56 information about a person's adoption is kept for at least 100 years from
  the date of the adoption order. (Adoption Agencies Regulations 2005 reg 40 leaves the child's case
  record to "such period as it considers appropriate"; councils follow reg 6 for the whole record.)
- Children in need and child protection: no statute sets a period; the IRMS Retention Guidelines for
  Local Authorities and most councils' schedules keep them until the child's 25th birthday (some,
  e.g. Devon, 18 plus three years of inactivity): a council setting, defaulting to 25.
- Independent Inquiry into Child Sexual Abuse: its moratorium on destruction ended with its Judicial
  Review period (20 January 2023); a council still under another inquiry's order places legal holds.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings

from timescales.dates import anniversary

ADULT_AGE = 18


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    years: int
    counted_from: str  # "birth": the date of birth; "fact": the date of the fact that brings the rule
    died_young_years: int | None  # if the child died before 18: this many years from the death instead
    source: str

    def keep_until(
        self, birth: datetime.date | None, death: datetime.date | None, fact_date: datetime.date | None
    ) -> datetime.date | None:
        """The first day the record may go: the anniversary itself. None when the dates needed are not
        known."""
        years = configured_years(self)
        if self.died_young_years and birth and death and death < anniversary(birth, ADULT_AGE):
            return anniversary(death, self.died_young_years)
        start = birth if self.counted_from == "birth" else fact_date
        return anniversary(start, years) if start else None


CHILDREN_SOCIAL_CARE = Rule(
    "children_social_care",
    "Children's social care record (child in need, child protection)",
    25,
    "birth",
    None,
    "IRMS Retention Guidelines for Local Authorities; council policy (no statutory period)",
)
LOOKED_AFTER = Rule(
    "looked_after",
    "Looked after child's case record",
    75,
    "birth",
    15,
    "Care Planning, Placement and Case Review (England) Regulations 2010, reg 50",
)
CARE_LEAVER = Rule(
    "care_leaver",
    "Care leaver's record (pathway plans)",
    75,
    "birth",
    15,
    "Care Leavers (England) Regulations 2010, reg 10",
)
ADOPTION = Rule(
    "adoption",
    "Adoption case record",
    100,
    "fact",
    None,
    "Disclosure of Adoption Information (Post-Commencement Adoptions) Regulations 2005, reg 6",
)

RULES = {rule.code: rule for rule in (CHILDREN_SOCIAL_CARE, LOOKED_AFTER, CARE_LEAVER, ADOPTION)}


def configured_years(rule: Rule) -> int:
    return int(getattr(settings, "THRIVE_RETENTION", {}).get(rule.code, rule.years))
