"""Children in care and care leavers in a generated council, beside Leicestershire's published figures.

Plain queries on the care and leavers records, with the DfE's definitions: looked after on the day
(started by it, not ended before it), children in care for 12 months for the health and dental checks
in the 12 months to the day, placements counted as the episodes that started with a move in the
year plus the one the child was in when it began, care leavers aged 19 to 21 for accommodation and
activity. Shown by `python manage.py journey_calibration`.
"""
import datetime
from collections import Counter

from dateutil.relativedelta import relativedelta
from django.db.models import Avg, Q

from care.codes import PLACEMENT_MOVES, PlacementType
from care.models import DentalCheck, Episode, HealthAssessment, PeriodOfCare, UnaccompaniedChild
from leavers.codes import NEET, LeaverStatus
from leavers.eligibility import stays_of, status
from leavers.models import Accommodation, EducationEmployment
from people.models import Person

HIGH_COST = 10_000


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}% ({part:,} of {whole:,})" if whole else "no children"


def _latest(model, date_field, ids, on) -> dict:
    rows = model.objects.filter(person_id__in=ids, **{f"{date_field}__lte": on}).order_by(date_field, "pk")
    return {row.person_id: row for row in rows}


def care_leavers(on: datetime.date, ages=(18, 21)) -> list[int]:
    """Former relevant children aged `ages` on the day."""
    youngest, oldest = ages
    people = dict(Person.objects.filter(
        periods_of_care__isnull=False, birth_date__gt=on - relativedelta(years=oldest + 1),
        birth_date__lte=on - relativedelta(years=youngest)).distinct().values_list("pk", "birth_date"))
    stays = stays_of(list(people))
    return sorted(pid for pid, born in people.items() if status(born, stays.get(pid, []), on) == LeaverStatus.FORMER_RELEVANT)


def care_measures(on: datetime.date) -> dict:
    """The figures as numbers: counts, and (numerator, denominator) pairs for the percentages."""
    year_ago = on - relativedelta(years=1)
    open_on = Q(start_date__lte=on) & (Q(end_date__isnull=True) | Q(end_date__gt=on))
    in_care = set(PeriodOfCare.objects.filter(open_on).values_list("person_id", flat=True))
    uasc = UnaccompaniedChild.objects.filter(Q(ceased_on__isnull=True) | Q(ceased_on__gt=on), person_id__in=in_care)
    homes = Episode.objects.filter(open_on, placement_type=PlacementType.CHILDRENS_HOME, weekly_cost__isnull=False)
    cohort = set(PeriodOfCare.objects.filter(open_on, start_date__lte=year_ago).values_list("person_id", flat=True))
    in_year = {"person_id__in": cohort}
    assessed = set(HealthAssessment.objects.filter(assessed_on__gt=year_ago, assessed_on__lte=on, **in_year)
                   .values_list("person_id", flat=True))
    teeth = set(DentalCheck.objects.filter(checked_on__gt=year_ago, checked_on__lte=on, **in_year)
                .values_list("person_id", flat=True))
    moves = Counter(Episode.objects.filter(person_id__in=in_care, start_date__gt=year_ago, start_date__lte=on,
                                           reason_new__in=PLACEMENT_MOVES).values_list("person_id", flat=True))
    placements = {pid: moves[pid] + (pid in cohort) for pid in in_care}  # a newer period's start is a move
    older = care_leavers(on, (19, 21))
    homes_now = _latest(Accommodation, "from_date", older, on)
    doing = _latest(EducationEmployment, "from_date", older, on)
    return {
        "in_care": len(in_care), "uasc": uasc.count(), "care_leavers": len(care_leavers(on)),
        "started": PeriodOfCare.objects.filter(start_date__gt=year_ago, start_date__lte=on).count(),
        "ended": PeriodOfCare.objects.filter(end_date__gt=year_ago, end_date__lte=on).count(),
        "home_cost": homes.aggregate(average=Avg("weekly_cost"))["average"] or 0, "homes": homes.count(),
        "homes_over_10k": homes.filter(weekly_cost__gt=HIGH_COST).count(),
        "health": (len(assessed), len(cohort)), "dental": (len(teeth), len(cohort)),
        "three_placements": (sum(count >= 3 for count in placements.values()), len(in_care)),
        "suitable": (sum(a.suitable for a in homes_now.values()), len(homes_now)),
        "eet": (sum(a.activity not in NEET for a in doing.values()), len(doing)),
    }


def care_figures(on: datetime.date) -> list[tuple[str, str, str]]:
    """(label, value, reference) lines for the day `on` (a quarter's last day)."""
    m = care_measures(on)
    return [
        ("Children in care at the end", f"{m['in_care']:,}", "717"),
        ("  of whom unaccompanied asylum-seeking", f"{m['uasc']:,}", "82"),
        ("  periods of care started / ended in the year", f"{m['started']:,} / {m['ended']:,}"),
        ("Care leavers aged 18 to 21 (former relevant)", f"{m['care_leavers']:,}", "498"),
        ("Children's homes: average weekly cost", f"£{m['home_cost']:,.0f} ({m['homes']:,} children)", "£5.8k"),
        (f"  children in homes costing over £{HIGH_COST:,} a week", f"{m['homes_over_10k']:,}", "a few"),
        ("In care 12+ months: health assessment in the year", _percent(*m["health"]), "84%"),
        ("In care 12+ months: dental check in the year", _percent(*m["dental"]), "75%"),
        ("In care: 3 or more placements in the year", _percent(*m["three_placements"]), "about 10%"),
        ("Care leavers 19-21: suitable accommodation", _percent(*m["suitable"]), "94% (453 of 482)"),
        ("Care leavers 19-21: in education, work, training", _percent(*m["eet"]), "about 60%"),
    ]
