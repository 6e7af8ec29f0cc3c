"""The committee's inclusion report tables and the Virtual School Head's annual figures, from the records.

Each table is the report's (Leicestershire's inclusion report to scrutiny, September 2025, and the
Virtual School annual report 2024/25), so the figures the committee reads come out of Thrive.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from performance.periods import YearKind, term, year
from timescales.dates import not_ended_by, open_at_end_of, open_during

from . import services
from .codes import CmeReason, ExclusionKind, HomeEducationReason, RegisterBasis, TargetResult
from .models import (
    Attendance,
    CmeReferral,
    Exclusion,
    HomeEducationNotice,
    PepQualityAssurance,
    PepTarget,
    PmeReferral,
    RegisterEntry,
    SchoolRoll,
)


def academic_year(first_year: int):
    return year(first_year, YearKind.ACADEMIC)


@dataclass(frozen=True)
class Table:
    title: str
    columns: list
    rows: list  # lists of cells


def home_educated_during(first_year: int) -> int:
    """Children home educated at any time in the academic year."""
    y = academic_year(first_year)
    return (
        RegisterEntry.objects.filter(
            open_during(y.start, y.end, "opened_on", "closed_on"), basis=RegisterBasis.HOME_EDUCATED
        )
        .values("person_id")
        .distinct()
        .count()
    )


def home_educated_on(day: datetime.date) -> int:
    return (
        RegisterEntry.objects.filter(
            open_at_end_of(day, "opened_on", "closed_on"), basis=RegisterBasis.HOME_EDUCATED
        )
        .values("person_id")
        .distinct()
        .count()
    )


def notices_in(first_year: int) -> int:
    y = academic_year(first_year)
    return HomeEducationNotice.objects.filter(received_on__range=(y.start, y.end)).count()


def cme_in_term(name: str, calendar_year: int) -> int:
    t = term(name, calendar_year)
    return CmeReferral.objects.filter(received_on__range=(t.start, t.end)).count()


def cme_by_reason(first_year: int) -> Counter:
    y = academic_year(first_year)
    rows = (
        CmeReferral.objects.filter(received_on__range=(y.start, y.end))
        .values_list("reason")
        .annotate(n=Count("pk"))
    )
    return Counter(dict(rows))


def home_education_by_reason(day: datetime.date) -> Counter:
    """Reasons of the children home educated on the day (each child's latest notice)."""
    open_people = RegisterEntry.objects.filter(
        open_at_end_of(day, "opened_on", "closed_on"), basis=RegisterBasis.HOME_EDUCATED
    ).values("person_id")
    latest = {}
    for person_id, reason in (
        HomeEducationNotice.objects.filter(person_id__in=open_people, received_on__lte=day)
        .order_by("received_on", "pk")
        .values_list("person_id", "reason")
    ):
        latest[person_id] = reason
    return Counter(latest.values())


def pme_in(first_year: int) -> int:
    y = academic_year(first_year)
    return PmeReferral.objects.filter(received_on__range=(y.start, y.end)).count()


def pme_waiting(day: datetime.date) -> tuple[int, float | None]:
    """Referrals waiting for an education officer on the day, and their average wait in days."""
    waiting = PmeReferral.objects.filter(open_at_end_of(day, "waiting_since", "allocated_on")).filter(
        not_ended_by(day, "closed_on")
    )
    days = [(day - since).days for since in waiting.values_list("waiting_since", flat=True)]
    return len(days), (round(sum(days) / len(days), 1) if days else None)


def exclusions_by_phase(first_year: int) -> dict[tuple[str, str], int]:
    y = academic_year(first_year)
    rows = (
        Exclusion.objects.filter(start_date__range=(y.start, y.end))
        .values_list("school__phase", "kind")
        .annotate(n=Count("pk"))
    )
    return {(phase, kind): n for phase, kind, n in rows}


def pupils_on_roll(on_or_before: datetime.date) -> dict[str, int]:
    last = (
        SchoolRoll.objects.filter(census_date__lte=on_or_before)
        .order_by("-census_date")
        .values_list("census_date", flat=True)
        .first()
    )
    return dict(SchoolRoll.objects.filter(census_date=last).values_list("phase", "pupils")) if last else {}


PHASES = [("primary", "Primary"), ("secondary", "Secondary"), ("special", "Special")]


def inclusion_tables(first_year: int, on: datetime.date) -> list[Table]:
    """The report's tables for the academic year starting in September of `first_year`, positions on `on`."""
    years = [first_year - 2, first_year - 1, first_year]
    labels = [academic_year(y).label for y in years]
    tables = []
    roll = pupils_on_roll(on)
    total = sum(roll.values()) or 0
    tables.append(
        Table(
            "Children on roll in the council's schools",
            ["Phase", "Pupils", "Share"],
            [
                [label, f"{roll.get(p, 0):,}", f"{100 * roll.get(p, 0) / total:.2f}%" if total else ""]
                for p, label in PHASES
            ]
            + [["Total", f"{total:,}", "100%" if total else ""]],
        )
    )
    tables.append(
        Table(
            "Children missing education referrals, summer term",
            ["Term", "Referrals"],
            [[f"Summer {first_year + 1}", cme_in_term("Summer", first_year + 1)]],
        )
    )
    reasons = cme_by_reason(first_year)
    tables.append(
        Table(
            f"Primary reasons for children missing education, {labels[-1]}",
            ["Reason", "Children"],
            [["Total number of children", sum(reasons.values())]]
            + [[label, reasons.get(code, 0)] for code, label in CmeReason.choices],
        )
    )
    tables.append(
        Table(
            "Pupils missing out on education referrals",
            ["Year", "Referrals"],
            [[label, pme_in(y)] for y, label in zip(years[1:], labels[1:])],
        )
    )
    waiting, average = pme_waiting(on)
    tables.append(
        Table(
            f"Waiting for an education officer on {on:%-d %B %Y}",
            ["Waiting", "Average wait (days)"],
            [[waiting, average if average is not None else "n/a"]],
        )
    )
    by_phase = {y: exclusions_by_phase(y) for y in years}
    rows = []
    for phase, label in PHASES:
        for kind, kind_label in [
            (ExclusionKind.PERMANENT, "Permanent"),
            (ExclusionKind.SUSPENSION, "Suspension"),
        ]:
            rows.append(
                [
                    label if kind == ExclusionKind.PERMANENT else "",
                    kind_label,
                    *[f"{by_phase[y].get((phase, kind), 0):,}" for y in years],
                ]
            )
    tables.append(
        Table(
            "Exclusions and suspensions by school type",
            ["School type", "Exclusion/Suspension", *labels],
            rows,
        )
    )
    tables.append(
        Table(
            "Electively home educated children during the year",
            ["Year", "Annual total"],
            [[label, home_educated_during(y)] for y, label in zip(years, labels)],
        )
    )
    tables.append(
        Table(
            "New referrals for elective home education",
            ["Year", "Annual total"],
            [[label, notices_in(y)] for y, label in zip(years, labels)],
        )
    )
    by_reason = home_education_by_reason(on)
    tables.append(
        Table(
            f"Reasons for home education, children home educated on {on:%-d %B %Y}",
            ["Reason", "Children"],
            [["Total number of children", sum(by_reason.values())]]
            + [[label, by_reason.get(code, 0)] for code, label in HomeEducationReason.choices],
        )
    )
    return tables


def virtual_school_figures(first_year: int) -> list[tuple[str, object]]:
    """The Virtual School Head's annual report figures for an academic year."""
    y = academic_year(first_year)
    cohort = services.virtual_school_cohort(y.end)
    everyone = set().union(*cohort.values())
    quality = PepQualityAssurance.objects.filter(assured_on__range=(y.start, y.end))
    ratings = Counter(quality.values_list("rating", flat=True))
    targets = PepTarget.objects.filter(
        pep__meeting_on__range=(y.start, y.end), pupil_premium_plus__gt=0
    ).exclude(result="")
    achieved = targets.filter(result=TargetResult.ACHIEVED).count()
    exclusions = Exclusion.objects.filter(
        person_id__in=cohort[services.IN_CARE], start_date__range=(y.start, y.end)
    )
    attendance = Attendance.objects.filter(
        person_id__in=cohort[services.IN_CARE], term_start__gte=y.start, term_end__lte=y.end
    )
    possible = sum(attendance.values_list("possible", flat=True))
    attended = sum(attendance.values_list("attended", flat=True))
    figures = [(f"Children the Virtual School works for at {y.end:%-d %B %Y}", len(everyone))]
    figures += [(f"  {why}", len(ids)) for why, ids in cohort.items()]
    figures += [
        ("PEPs quality assured", quality.count()),
        *[(f"  rated {rating}", ratings.get(rating, 0)) for rating in ("green", "amber", "red")],
        ("Targets with Pupil Premium Plus, reviewed", targets.count()),
        (
            "  achieved",
            f"{achieved} ({100 * achieved / targets.count():.1f}%)" if targets.count() else "n/a",
        ),
        ("Suspensions of children in care", exclusions.filter(kind=ExclusionKind.SUSPENSION).count()),
        (
            "Permanent exclusions of children in care",
            exclusions.filter(kind=ExclusionKind.PERMANENT).count(),
        ),
        ("Attendance of children in care", f"{100 * attended / possible:.1f}%" if possible else "n/a"),
    ]
    return figures
