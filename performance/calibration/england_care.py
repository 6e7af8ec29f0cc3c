"""Children in care and care leavers in a generated council, beside England's published figures (issue 13).

The references are England's, from "Children looked after in England including adoptions, reporting
year 2025" (DfE, explore-education-statistics), as shares, so they hold at any council's size; the
re-entry figure is the one issue 13 gives (about 30% of children who return home are back in care within
5 years). Leicestershire publishes none of these in the seeds, except that its care leavers in suitable
accommodation (94%, the dashboard) bounds its care leavers in touch from below (see docs/calibration.md).

Each figure counts as the DfE's tables do, from the records the 903 is built from: looked after at the
end of 31 March (`timescales.dates.open_at_end_of`), starters by their age on the day care began,
the 903's placement council (PL_LA, derived from the placement's postcode) against the council's own,
and care leavers in touch at their OC3 birthday (the dashboard's own cohort, `leavers.indicators`).
Printed by `python manage.py england_calibration`.
"""

import datetime
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from care.codes import ADOPTED, FOSTER_PLACEMENTS, LegalStatus
from care.codes import PlacementType as P
from care.codes import ReasonEpisodeCeased as REC
from care.models import Episode, PeriodOfCare
from council.models import LocalAuthority
from frontdoor.models import Referral
from leavers.codes import InTouch
from leavers.indicators import _oc3_cohort
from timescales.dates import open_at_end_of

from .figures import Figure

PUBLICATION = "DfE, Children looked after in England including adoptions, reporting year 2025"
RETURNED_HOME = {REC.HOME_PLANNED, REC.HOME_UNPLANNED}
# Supported accommodation is H5 in the 903 to 2024-25 and K3 (registered) from 2025-26; the DfE's table
# counts both as "independent and semi-independent living arrangements / supported accommodation".
SUPPORTED = {"H5", P.SUPPORTED_ACCOMMODATION}
CHILDRENS_HOMES = {P.CHILDRENS_HOME, P.SECURE_CHILDRENS_HOME}
MONTH_DAYS = 365.25 / 12
RE_ENTRY_MONTHS = 60


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _age(born: datetime.date, on: datetime.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def looked_after_on(as_at: datetime.date) -> dict[int, Episode]:
    """Each child looked after at the end of the day, with their episode then."""
    episodes = (
        Episode.objects.filter(open_at_end_of(as_at)).select_related("person").order_by("start_date", "pk")
    )
    return {episode.person_id: episode for episode in episodes}


def starters(as_at: datetime.date) -> list[tuple[int, int]]:
    """(child, age on the day care began) for each child who started to be looked after in the 12 months
    to `as_at`, at their first start in the year (the DfE counts children, not periods)."""
    year_start = as_at - relativedelta(years=1)
    periods = PeriodOfCare.objects.filter(start_date__gt=year_start, start_date__lte=as_at).order_by(
        "start_date"
    )
    first = {}
    for person_id, start, born in periods.values_list("person_id", "start_date", "person__birth_date"):
        if person_id not in first and born is not None:
            first[person_id] = _age(born, start)
    return list(first.items())


def re_entry_within(as_at: datetime.date, months: int = RE_ENTRY_MONTHS) -> tuple[float, int]:
    """The share of children who returned home who were back in care within `months`, and how many returns.

    Returns home since the generated history began have had less than 5 years to come back, so the share is
    a life table by month: each month's re-entries over the returns still followed (not back, and not yet
    past the as-at date) at its start, the months' chances of staying home multiplied together.
    """
    periods = defaultdict(list)
    for person_id, start, end in PeriodOfCare.objects.filter(start_date__lte=as_at).values_list(
        "person_id", "start_date", "end_date"
    ):
        periods[person_id].append((start, end))
    home = Episode.objects.filter(reason_ceased__in=RETURNED_HOME, end_date__lte=as_at)
    followed = []  # (months followed, came back)
    for person_id, left in home.values_list("person_id", "end_date"):
        back = min((start for start, _ in periods[person_id] if start > left), default=None)
        until = back if back is not None else as_at
        followed.append((int((until - left).days / MONTH_DAYS), back is not None))
    staying = 1.0
    for month in range(months):
        at_risk = sum(1 for followed_for, _ in followed if followed_for >= month)
        came_back = sum(1 for followed_for, back in followed if back and followed_for == month)
        if at_risk:
            staying *= 1 - came_back / at_risk
    return round(100 * (1 - staying), 1), len(followed)


def months_to_adoption(as_at: datetime.date) -> tuple[float, int]:
    """Average months from entering care (the period's start) to the adoption order, for the year's
    adoptions."""
    year_start = as_at - relativedelta(years=1)
    adopted = Episode.objects.filter(reason_ceased__in=ADOPTED, end_date__gt=year_start, end_date__lte=as_at)
    months = [
        (end - start).days / MONTH_DAYS
        for end, start in adopted.values_list("end_date", "period__start_date")
    ]
    return (round(sum(months) / len(months), 1) if months else 0.0), len(months)


def in_touch(as_at: datetime.date) -> tuple[int, int]:
    """Care leavers (the 903's OC3 cohort, 17 to 21) in touch at this birthday's contact, of all of them."""
    cohort = _oc3_cohort(as_at)
    return sum(
        1 for _, _, snapshot in cohort if snapshot is not None and snapshot.in_touch == InTouch.YES
    ), len(cohort)


def figures(as_at: datetime.date) -> list[Figure]:
    """Each figure beside England's, measured on the records as at `as_at` (a 31 March, for the DfE's
    year)."""
    looked_after = looked_after_on(as_at)
    children = len(looked_after)
    council = LocalAuthority.objects.first()
    own = council.ons_code if council else ""
    started = starters(as_at)
    re_entered, returns = re_entry_within(as_at)
    adoption_months, adoptions = months_to_adoption(as_at)
    touched, leavers = in_touch(as_at)
    open_cin = set(
        Referral.objects.filter(person_id__in=list(looked_after))
        .filter(open_at_end_of(as_at, "referral_date", "closure_date"))
        .values_list("person_id", flat=True)
    )
    places = [episode.placement_type for episode in looked_after.values()]
    placed_away = [e for e in looked_after.values() if e.placement_council]

    def share(count: int, whole: int = children) -> float:
        return _percent(count, whole)

    table = PUBLICATION + ", table "
    return [
        Figure(
            f"Returned home, back in care within 5 years ({returns:,} returns home)",
            re_entered,
            30.0,
            "%",
            "issue 13 (about 30% of children who return home re-enter care within 5 years)",
        ),
        Figure(
            f"In care at 31 March with an open CIN episode ({children:,} children)",
            share(len(open_cin)),
            100.0,
            "%",
            "DfE, Children in need census guide: a looked-after child is a child in need (an open episode)",
        ),
        Figure(
            f"Started to be looked after: under 1 ({len(started):,} starters)",
            _percent(sum(1 for _, age in started if age < 1), len(started)),
            16.0,
            "%",
            table + "'Children starting to be looked after by age'",
        ),
        Figure(
            "Started to be looked after: aged 16 or 17",
            _percent(sum(1 for _, age in started if age >= 16), len(started)),
            28.0,
            "%",
            table + "'Children starting to be looked after by age'",
        ),
        Figure(
            "Looked after at 31 March: aged 16 or over",
            share(
                sum(
                    1
                    for e in looked_after.values()
                    if e.person.birth_date and _age(e.person.birth_date, as_at) >= 16
                )
            ),
            27.0,
            "%",
            table + "'Children looked after at 31 March by age'",
        ),
        Figure(
            "Looked after at 31 March: section 20 (V2)",
            share(sum(1 for e in looked_after.values() if e.legal_status == LegalStatus.SECTION_20)),
            19.0,
            "%",
            table + "'Children looked after at 31 March by legal status'",
        ),
        Figure(
            "Looked after at 31 March: foster placements",
            share(sum(1 for p in places if p in FOSTER_PLACEMENTS)),
            67.0,
            "%",
            table + "'Children looked after at 31 March by placement type'",
        ),
        Figure(
            "Looked after at 31 March: supported accommodation (H5, K3)",
            share(sum(1 for p in places if p in SUPPORTED)),
            9.8,
            "%",
            table + "'Children looked after at 31 March by placement type'",
        ),
        Figure(
            "Looked after at 31 March: children's homes (K1, K2)",
            share(sum(1 for p in places if p in CHILDRENS_HOMES)),
            11.4,
            "%",
            table + "'Children looked after at 31 March by placement type'",
        ),
        Figure(
            "Looked after at 31 March: placed outside the council",
            share(sum(1 for e in placed_away if e.placement_council != own), len(placed_away)),
            44.0,
            "%",
            table + "'Children looked after at 31 March by placement location'",
        ),
        Figure(
            f"Care leavers 17 to 21 in touch at their birthday ({leavers:,})",
            _percent(touched, leavers),
            91.0,
            "%",
            table + "'Care leavers: whether the local authority is in touch'",
        ),
        Figure(
            f"Adopted in the year: months from entering care ({adoptions:,} adoptions)",
            adoption_months,
            28.0,
            "months",
            table + "'Adoptions: average time between entering care and adoption'",
        ),
    ]


def distance_overlap(as_at: datetime.date) -> tuple[int, int]:
    """Placements at 31 March inside the council further from home than the nearest one outside it, and all
    inside it: distance and location are drawn apart, as a county's boundary does (a city next door is
    near)."""
    own = (LocalAuthority.objects.first() or LocalAuthority(ons_code="")).ons_code
    inside, outside = [], []
    for episode in looked_after_on(as_at).values():
        if episode.distance_miles is not None and episode.placement_council:
            (inside if episode.placement_council == own else outside).append(episode.distance_miles)
    nearest_outside = min(outside, default=None)
    return sum(1 for miles in inside if nearest_outside is not None and miles > nearest_outside), len(inside)
