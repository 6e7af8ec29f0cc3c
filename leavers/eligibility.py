"""Who is a care leaver, and which kind: worked out from the child's episodes of care.

The law (Children Act 1989 as amended by the Children (Leaving Care) Act 2000):
- an *eligible child* is 16 or 17, looked after, and has been looked after for 13 weeks in all
  since reaching 14, some of it after reaching 16 (Sch 2 para 19B; Care Planning, Placement and Case
  Review (England) Regulations 2010, reg 40). Pre-planned short breaks (V3, V4) do not count (reg 40(2)).
- a *relevant child* is 16 or 17, no longer looked after, and was an eligible child when they left
  (s23A) -- unless they have lived with a parent or someone with parental responsibility for six
  months in a row (Care Leavers (England) Regulations 2010, reg 3(4)); if that breaks down and the
  child comes back into care they are counted again.
- a *former relevant child* is 18 or over and was a relevant child, or was looked after at 18 and an
  eligible child then (s23C(1)). A personal adviser supports them to 25 (s23CZB).
- a *qualifying care leaver* was looked after at some time after 16 and is not one of the above,
  say because the 13 weeks were not reached or they went home to their parents (s24(1B)); they can
  have advice and assistance to 21.

Days are counted as the SSDA903 validation counts them: an episode from DECOM to DEC covers DEC - DECOM
nights, so 13 weeks is 91 nights and "after reaching 16" means at least one night after the 16th
birthday. Being detained or in hospital at 16 (reg 3(2)) is not recorded here and must be judged by
the worker.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from care.codes import ADOPTED, RETURNED_TO_PARENTAL_RESPONSIBILITY, SHORT_BREAKS, PlacementType
from care.models import Episode
from timescales import registry
from timescales.dates import birthday, is_open_at_end_of

from .codes import LeaverStatus

THIRTEEN_WEEKS = 91
SIX_MONTHS_AT_HOME = 6
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Stay:
    """One episode of care, as the rules need it."""

    start: datetime.date
    end: datetime.date | None
    legal_status: str
    placement_type: str = ""
    reason_ceased: str = ""


def stays_of(person_ids) -> dict[int, list[Stay]]:
    """Each person's episodes, oldest first, in one query."""
    stays = {}
    episodes = (
        Episode.objects.filter(person_id__in=person_ids)
        .order_by("start_date", "pk")
        .values_list("person_id", "start_date", "end_date", "legal_status", "placement_type", "reason_ceased")
    )
    for person_id, *fields in episodes:
        stays.setdefault(person_id, []).append(Stay(*fields))
    return stays


def stays_for(ids) -> list[Stay]:
    """One young person's stays, across their record and any merged into it, oldest first."""
    return sorted((stay for stays in stays_of(ids).values() for stay in stays), key=lambda stay: stay.start)


def _nights(stays, since: datetime.date, until: datetime.date) -> int:
    """Nights looked after between `since` and `until`, not counting short breaks."""
    total = 0
    for stay in stays:
        if stay.legal_status in SHORT_BREAKS:
            continue
        first, last = max(stay.start, since), min(stay.end or until, until)
        total += max((last - first).days, 0)
    return total


def had_eligible_care(stays, date_of_birth, until: datetime.date) -> bool:
    """13 weeks looked after since the 14th birthday, at least a night of it after the 16th, by `until`."""
    return (
        _nights(stays, birthday(date_of_birth, 14), until) >= THIRTEEN_WEEKS
        and _nights(stays, birthday(date_of_birth, 16), until) >= 1
    )


def looked_after_on(stays, on: datetime.date) -> bool:
    return any(is_open_at_end_of(stay.start, stay.end, on) for stay in stays)


def home_for_six_months(stays, on: datetime.date) -> bool:
    """Left care to a parent or someone with parental responsibility, and has lived there six months.

    Time placed with parents (P1) just before leaving counts towards the six months (reg 3(4)).
    """
    ended = [stay for stay in stays if stay.end is not None and stay.end <= on]
    if (
        not ended
        or looked_after_on(stays, on)
        or ended[-1].reason_ceased not in RETURNED_TO_PARENTAL_RESPONSIBILITY
    ):
        return False
    home_from = ended[-1].end
    for stay in reversed(ended):
        if stay.placement_type != PlacementType.WITH_PARENTS:
            break
        home_from = stay.start
    return on >= home_from + relativedelta(months=SIX_MONTHS_AT_HOME)


def status(date_of_birth, stays, on: datetime.date) -> str | None:
    """The young person's leaving-care status on `on`, or None if they are not a care leaver."""
    if date_of_birth is None or not stays:
        return None
    eighteen = birthday(date_of_birth, 18)
    if on < birthday(date_of_birth, 16) or on >= registry.get("CARE_LEAVER_SUPPORT_TO_25").due(date_of_birth):
        return None
    past = [stay for stay in stays if stay.start <= on]
    if not past or (past[-1].reason_ceased in ADOPTED and not looked_after_on(past, on)):
        return None
    if on >= eighteen:
        before_eighteen = status(date_of_birth, stays, eighteen - DAY)
        if before_eighteen in (LeaverStatus.ELIGIBLE, LeaverStatus.RELEVANT):
            return LeaverStatus.FORMER_RELEVANT
        return LeaverStatus.QUALIFYING if _qualifying(date_of_birth, past, on) else None
    if had_eligible_care(past, date_of_birth, on):
        if looked_after_on(past, on):
            return LeaverStatus.ELIGIBLE
        return LeaverStatus.QUALIFYING if home_for_six_months(past, on) else LeaverStatus.RELEVANT
    return LeaverStatus.QUALIFYING if _qualifying(date_of_birth, past, on) else None


def _qualifying(date_of_birth, stays, on) -> bool:
    """Looked after at some time after 16, no longer, and under 21 (s24(1B))."""
    return (
        on < birthday(date_of_birth, 21)
        and not looked_after_on(stays, on)
        and _nights(stays, birthday(date_of_birth, 16), on) >= 1
    )


def eligible_from(date_of_birth, stays) -> datetime.date | None:
    """The first day the child was (or will be, if care goes on) an eligible child, before 18."""
    sixteen, eighteen = birthday(date_of_birth, 16), birthday(date_of_birth, 18)
    if not had_eligible_care(stays, date_of_birth, eighteen):
        return None
    low, high = sixteen, eighteen  # had_eligible_care only grows with the day, so search for the first
    while low < high:
        middle = low + (high - low) // 2
        if had_eligible_care(stays, date_of_birth, middle):
            high = middle
        else:
            low = middle + DAY
    return low


def staying_close_eligible(date_of_birth, stays, on: datetime.date) -> bool:
    """A former relevant child under 25: the council must consider Staying Close support for them."""
    return status(date_of_birth, stays, on) == LeaverStatus.FORMER_RELEVANT and on < registry.get(
        "STAYING_CLOSE_TO_25"
    ).due(date_of_birth)
