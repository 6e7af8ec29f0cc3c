"""The generated council's education figures beside Leicestershire's (seed 004, September 2025).

Each line is computed as the inclusion report and the dashboard compute it (education.report,
education.indicators), so the calibration checks the computations as well as the generator.
"""

import datetime
from dataclasses import dataclass

from performance.periods import Period, term

from . import indicators, report
from .codes import ExclusionKind

REPORT_DAY = datetime.date(2025, 10, 14)  # the report's "as of" day for 2025/26 and current positions


@dataclass(frozen=True)
class Line:
    label: str
    value: str
    reference: str


def _month(year: int, month: int) -> Period:
    start = datetime.date(year, month, 1)
    end = datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)
    return Period(f"{start:%b %Y}", start, end, "month")


def _percent(figure) -> str:
    return f"{figure.value:.2f}% ({figure.numerator:,.0f} of {figure.denominator:,.0f})" if figure else "n.a."


def lines(on: datetime.date) -> list[Line]:
    day = min(on, REPORT_DAY)
    autumn = term("Autumn", 2025)
    out = [
        Line("Home educated during 2024/25", f"{report.home_educated_during(2024):,}", "1,424"),
        Line("Home educated during 2023/24", f"{report.home_educated_during(2023):,}", "1,272"),
        Line(
            "Home educated at 31 March 2025 (dashboard)",
            f"{report.home_educated_on(datetime.date(2025, 3, 31)):,}",
            "1,247",
        ),
        Line("New home education referrals 2024/25", f"{report.notices_in(2024):,}", "608"),
        Line("New home education referrals 2023/24", f"{report.notices_in(2023):,}", "578"),
        Line(
            f"Home educated on {day:%-d %b %Y} (by reason, total)",
            f"{sum(report.home_education_by_reason(day).values()):,}",
            "1,271",
        ),
        Line("CME referrals, summer term 2025", f"{report.cme_in_term('Summer', 2025):,}", "285"),
        Line(
            "CME referrals, autumn 2025 to 14 October",
            f"{report.CmeReferral.objects.filter(received_on__range=(autumn.start, day)).count():,}",
            "324",
        ),
    ]
    reasons = report.cme_by_reason(2024)
    total = sum(reasons.values())
    for code, label, published in (
        ("from_la", "moved from another LA", 136),
        ("abroad", "moved from abroad", 42),
        ("unsuitable_ehe", "unsuitable home education", 19),
    ):
        out.append(
            Line(
                f"CME 2024/25: {label}",
                f"{reasons.get(code, 0):,} of {total:,} ({100 * reasons.get(code, 0) / total:.1f}%)"
                if total
                else "0",
                f"{published} of 355 ({100 * published / 355:.1f}%)",
            )
        )
    waiting, average = report.pme_waiting(day)
    out += [
        Line("PME referrals 2024/25", f"{report.pme_in(2024):,}", "739"),
        Line("PME referrals 2023/24", f"{report.pme_in(2023):,}", "882"),
        Line(
            f"Waiting for an education officer on {day:%-d %b %Y}",
            f"{waiting} waiting, {average} days",
            "27 waiting, 68.5 days",
        ),
    ]
    for year, published in ((2022, (11, 56, 0)), (2023, (13, 59, 0)), (2024, (11, 85, 0))):
        phases = report.exclusions_by_phase(year)
        value = ", ".join(
            f"{phases.get((p, ExclusionKind.PERMANENT), 0)}" for p in ("primary", "secondary", "special")
        )
        out.append(
            Line(
                f"Permanent exclusions {year}/{(year + 1) % 100} (primary, secondary, special)",
                value,
                ", ".join(map(str, published)),
            )
        )
    autumn_spring = report.Exclusion.objects.filter(
        kind=ExclusionKind.SUSPENSION,
        start_date__range=(datetime.date(2024, 9, 1), datetime.date(2025, 3, 31)),
    )
    by_phase = {p: autumn_spring.filter(school__phase=p).count() for p in ("primary", "secondary", "special")}
    out.append(
        Line(
            "Suspensions 2024/25, autumn and spring (primary, secondary, special)",
            ", ".join(f"{by_phase[p]:,}" for p in by_phase),
            "852, 6,371, 82",
        )
    )
    for year, published in ((2022, (732, 7672, 40)), (2023, (1089, 9444, 89))):
        phases = report.exclusions_by_phase(year)
        out.append(
            Line(
                f"Suspensions {year}/{(year + 1) % 100} (primary, secondary, special)",
                ", ".join(
                    f"{phases.get((p, ExclusionKind.SUSPENSION), 0):,}"
                    for p in ("primary", "secondary", "special")
                ),
                ", ".join(f"{n:,}" for n in published),
            )
        )
    year_2023 = report.academic_year(2023)
    out.append(Line("Suspension rate 2023/24", _percent(indicators.suspension_rate(year_2023)), "10.5%"))
    out.append(
        Line(
            "Permanent exclusion rate 2023/24",
            _percent(indicators.permanent_exclusion_rate(year_2023)),
            "0.07%",
        )
    )
    out.append(Line("NEET 16-17, March 2025", _percent(indicators.neet(_month(2025, 3))), "1.50% (235)"))
    out.append(Line("NEET 16-17, September 2024", _percent(indicators.neet(_month(2024, 9))), "0.81% (127)"))
    out.append(
        Line(
            "EHC plans within 20 weeks, 2024/25 (financial year)",
            _percent(
                indicators.plans_within_20_weeks(
                    Period("2024/25", datetime.date(2024, 4, 1), datetime.date(2025, 3, 31), "year")
                )
            ),
            "below the national average (seed 004, line 151)",
        )
    )
    from .models import CmeReferral, HomeEducationNotice, SeptemberGuarantee

    guarantee = SeptemberGuarantee.objects.filter(year=2024)
    offered = guarantee.filter(offer=True).count()
    out.append(
        Line(
            "September Guarantee 2024",
            f"{100 * offered / guarantee.count():.1f}% ({offered:,} of {guarantee.count():,})"
            if guarantee
            else "n.a.",
            "96.3%",
        )
    )
    held = HomeEducationNotice.objects.filter(consent_needed=True)
    school_year_2024 = (datetime.date(2024, 9, 1), datetime.date(2025, 8, 31))
    out.append(
        Line(
            "Home education notices needing consent (s47 or CP plan)",
            f"{held.count():,} ({held.filter(entry__isnull=True).count():,} not on the register)",
            "the reforms' consent rule (seed 001)",
        )
    )
    out.append(
        Line(
            "CME referrals 2024/25 of children with a social worker now",
            f"{_with_social_worker(CmeReferral.objects.filter(received_on__range=school_year_2024)):,}",
            "the link the Virtual School needs",
        )
    )
    figures = dict(report.virtual_school_figures(2024))
    achieved = figures.get("  achieved")
    out.append(Line("PP+ targets achieved 2024/25", str(achieved), "82.7%"))
    out.append(
        Line(
            "Suspensions of children in care 2024/25",
            str(figures.get("Suspensions of children in care")),
            "63",
        )
    )
    out.append(
        Line(
            "Permanent exclusions of children in care 2024/25",
            str(figures.get("Permanent exclusions of children in care")),
            "0",
        )
    )
    return out


def _with_social_worker(records) -> int:
    from access.models import Involvement

    workers = Involvement.objects.filter(
        kind="allocated_worker", user__role="social_worker", end_date__isnull=True
    )
    return records.filter(person_id__in=workers.values("person_id")).count()
