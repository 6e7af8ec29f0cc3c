"""Children in care figures for the performance dashboard (see performance.registry).

Each is a position at the end of the period, counted as the DfE counts children looked after at
31 March (SSDA903; "Children looked after in England including adoptions"):

- looked after at the end of a day: a period of care started on or before it and not ended on or
  before it (`timescales.dates.open_at_end_of`); children on agreed series of short breaks (V3, V4) are not
  counted, as the DfE leaves them out of every measure here;
- looked after continuously for 12 months: also looked after on the first day of the 12 months to
  the end, so a child who became looked after on 1 April is in the 31 March cohort (the DfE's
  validator counts a start on the collection year's first day as continuous);
- a check "in the last 12 months" (6 months for a health assessment before the fifth birthday) is
  one on or after the first day of that many months to the end: 1 April 2024 for 31 March 2025. The
  months come from the timescales registry, so the figure and the due work agree on the rule.

A placement begins with an episode that moved the child (`PLACEMENT_MOVES`). Temporary placements
(T0 to T4) are not placements, and going back to the carers the child had before one carries on
that placement, as the DfE counts placement stability. Long-term stability counts the time living
with the same carers, so a change of placement type with the same carers (RNE T or U) carries on.
"""

import datetime
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from django.db.models import Max

from performance import periods
from performance.counting import (
    child_population,
    children_on,
    first_per_child,
    kept_records,
    proportion,
    rate_per_10000,
    record_key,
    shared,
)
from performance.periods import Period
from performance.registry import Case, Figure, register_computation
from timescales import registry as timescales
from timescales.dates import is_open_during, not_ended_before, not_ended_by, open_at_end_of
from timescales.registry import Unit, health_review_code

from .codes import ADOPTION_PLACEMENTS, PLACEMENT_MOVES, SHORT_BREAKS, TEMPORARY_PLACEMENTS, ReasonNewEpisode
from .models import DentalCheck, Episode, HealthAssessment, PeriodOfCare

# A change of placement with the same carers: a new placement for the 903, not a new carer.
SAME_CARERS = {ReasonNewEpisode.PLACEMENT_SAME_CARERS, ReasonNewEpisode.LEGAL_AND_PLACEMENT_SAME_CARERS}

DAY = datetime.timedelta(days=1)
THREE_PLACEMENTS = 3


def _looked_after(day: datetime.date, since: datetime.date | None = None):
    """Periods of care open at the end of `day` (and, with `since`, begun by then) with no short break open
    after the start of `since` (or at the end of `day`)."""
    since = since or day
    short_breaks = Episode.objects.filter(legal_status__in=SHORT_BREAKS, start_date__lte=day).filter(
        not_ended_by(since)
    )
    return PeriodOfCare.objects.filter(open_at_end_of(day), start_date__lte=since).exclude(
        pk__in=short_breaks.values("period_id")
    )


def _case(kept, pk, person_id, start, counted) -> Case:
    return Case(kept(person_id), start, counted, record_key(PeriodOfCare, pk))


def _cohort(periods_of_care, kept, *fields):
    """One row per child (their earliest open period): {child: (period id, person id, start, *fields)}."""
    return first_per_child(periods_of_care.values_list("id", "person_id", "start_date", *fields), kept)


def in_last(code: str, day: datetime.date) -> datetime.date:
    """The first day of the timescale's months to the end of `day`: a check on or after it is in time."""
    timescale = timescales.get(code)
    assert timescale.unit == Unit.MONTHS, code
    return day - relativedelta(months=timescale.amount) + DAY


@register_computation("CLA_RATE")
def children_looked_after_rate(period: Period) -> Figure | None:
    """Children looked after at the end of the period, per 10,000 children."""
    day, kept = period.end, kept_records()
    rows = _cohort(_looked_after(day).filter(children_on(day)), kept)
    return rate_per_10000([_case(kept, *row, True) for row in rows.values()], child_population(day))


def _latest_per_child(model, date_field: str, day: datetime.date, kept) -> dict[int, datetime.date]:
    """Each child's latest record on or before `day` (one query; merged records count as the kept one)."""
    latest = {}
    rows = (
        model.objects.filter(**{f"{date_field}__lte": day}).values("person_id").annotate(last=Max(date_field))
    )
    for person_id, last in rows.values_list("person_id", "last"):
        child = kept(person_id)
        latest[child] = max(last, latest.get(child, last))
    return latest


def _continuously_for_a_year(day):
    return _looked_after(day, since=periods.rolling_year(day).start)


@register_computation("CLA_HEALTH_ASSESSMENTS")
def health_assessments(period: Period) -> Figure | None:
    """Children looked after continuously for 12 months at the end, counted when their latest health
    assessment was in the last 12 months, or 6 months when it was held before their fifth birthday."""
    day, kept = period.end, kept_records()
    latest = _latest_per_child(HealthAssessment, "assessed_on", day, kept)

    def in_time(child, born):
        last = latest.get(child)
        code = health_review_code(born, last) if last and born else "CLA_HEALTH_REVIEW"
        return last is not None and last >= in_last(code, day)

    rows = _cohort(_continuously_for_a_year(day), kept, "person__birth_date")
    return proportion(
        _case(kept, pk, person_id, start, in_time(child, born))
        for child, (pk, person_id, start, born) in rows.items()
    )


@register_computation("CLA_DENTAL_CHECKS")
def dental_checks(period: Period) -> Figure | None:
    """Children looked after continuously for 12 months at the end, counted when they had a dental check
    in the last 12 months."""
    day, kept = period.end, kept_records()
    latest, since = _latest_per_child(DentalCheck, "checked_on", day, kept), in_last("CLA_DENTAL", day)
    rows = _cohort(_continuously_for_a_year(day), kept)
    return proportion(
        _case(kept, pk, person_id, start, latest.get(child, datetime.date.min) >= since)
        for child, (pk, person_id, start) in rows.items()
    )


def placements(episodes) -> list[tuple[datetime.date, str, bool]]:
    """(start, placement type, same carers as the placement before) of each placement in one period's
    episodes, oldest first. A change of placement with the same carers (RNE T or U: foster carers becoming
    long-term carers or adopters) is a placement, but not a new carer.

    `episodes` are (start, reason new, placement type, carers, placement postcode), ordered.
    """
    found, before_temporary = [], None
    for start, reason, place, carers, postcode in episodes:
        if place in TEMPORARY_PLACEMENTS:
            before_temporary = before_temporary or (found[-1] if found else None)
            continue
        returned = before_temporary is not None and before_temporary[2:4] == (carers, postcode)
        before_temporary = None
        if reason in PLACEMENT_MOVES and not returned:
            found.append((start, place, carers, postcode, reason in SAME_CARERS and bool(found)))
    return [(start, place, same) for start, place, _, _, same in found]


def _placements_by_period(day: datetime.date, kept) -> dict[int, tuple]:
    """{period id: (child, period end, placements)} for periods of care open at some time in the 12 months
    to the end of `day` (one query, shared by the stability indicators)."""
    return shared(
        ("placements_by_period", day), lambda: _read_placements(day, periods.rolling_year(day).start, kept)
    )


def _read_placements(day: datetime.date, since: datetime.date, kept) -> dict[int, tuple]:
    episodes = Episode.objects.filter(
        not_ended_before(since, "period__end_date"), start_date__lte=day
    ).order_by("period_id", "start_date", "pk")
    by_period, about = defaultdict(list), {}
    for period_id, person_id, end, *episode in episodes.values_list(
        "period_id",
        "person_id",
        "period__end_date",
        "start_date",
        "reason_new",
        "placement_type",
        "provider_name",
        "placement_postcode",
    ):
        by_period[period_id].append(episode)
        about[period_id] = (kept(person_id), end)
    return {period_id: (*about[period_id], placements(rows)) for period_id, rows in by_period.items()}


def placements_in(stays, since: datetime.date, day: datetime.date) -> int:
    """Placements the child lived in at some time from the start of `since` to the end of `day`."""
    count = 0
    for period_end, found in stays:
        for n, (start, *_) in enumerate(found):
            end = found[n + 1][0] if n + 1 < len(found) else period_end
            count += is_open_during(start, end, since, day)
    return count


@register_computation("CLA_THREE_PLACEMENTS")
def three_or_more_placements(period: Period) -> Figure | None:
    """Children looked after at the end, counted when they had 3 or more placements in the last 12 months."""
    day, kept = period.end, kept_records()
    since = periods.rolling_year(day).start
    stays = defaultdict(list)
    for child, end, found in _placements_by_period(day, kept).values():
        stays[child].append((end, found))
    rows = _cohort(_looked_after(day), kept)
    return proportion(
        _case(kept, pk, person_id, start, placements_in(stays[child], since, day) >= THREE_PLACEMENTS)
        for child, (pk, person_id, start) in rows.items()
    )


def _with_same_carers(current, last: int) -> int:
    """The first of the placements with the same carers that run up to placement `last`."""
    while last > 0 and current[last][2]:
        last -= 1
    return last


def stable(found, day: datetime.date) -> bool:
    """Living with the same carers for 2 years by `day`, as the DfE counts it: a change of placement type with
    the same carers (U6 to U4, fostering to adoption) does not restart the clock. For a child placed for
    adoption with new carers, the placement for adoption and the one before it count together."""
    current = [placement for placement in found if placement[0] <= day]
    if not current:
        return False
    first = _with_same_carers(current, len(current) - 1)
    if current[-1][1] in ADOPTION_PLACEMENTS and first == len(current) - 1 and first > 0:
        first = _with_same_carers(current, first - 1)
    return timescales.get("CLA_LONG_TERM_PLACEMENT").due(current[first][0]) <= day


@register_computation("CLA_LONG_TERM_STABILITY")
def long_term_stability(period: Period) -> Figure | None:
    """Children under 16 at the end looked after continuously for 2½ years, counted when in the same placement
    for 2 years (or placed for adoption, with the placement before it, for 2 years)."""
    day, kept = period.end, kept_records()
    in_care, under = timescales.get("CLA_LONG_TERM_IN_CARE"), timescales.get("CLA_LONG_TERM_AGE")
    stays = _placements_by_period(day, kept)
    rows = _cohort(_looked_after(day), kept, "person__birth_date")
    cases = []
    for _child, (pk, person_id, start, born) in rows.items():
        if born is None or under.due(born) <= day or in_care.due(start) > day:
            continue
        _, _, found = stays.get(pk, (None, None, []))
        cases.append(_case(kept, pk, person_id, start, stable(found, day)))
    return proportion(cases)
