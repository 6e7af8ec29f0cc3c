"""Aggregate pages: the committee's inclusion report tables and the Virtual School Head's figures.

Counts only, no child named, so they need no access to any one child: education pages
(AccessClass.EDUCATION) that also admit managers, analysts and administrators; each refusal is audited.
"""

import datetime

from django.shortcuts import render
from django.utils import timezone

from access.classes import AccessClass, is_analyst, page

from .. import report
from ..access import is_education_staff


def _may_read_reports(user) -> bool:
    return is_education_staff(user) or user.is_manager or is_analyst(user)


reports_page = page(
    AccessClass.EDUCATION,
    _may_read_reports,
    "The inclusion and Virtual School reports are for education staff, managers and analysts.",
)


def _year(request, today: datetime.date) -> int:
    latest = today.year - 1 if today.month >= 9 else today.year - 2  # the last complete academic year
    try:
        return int(request.GET.get("year", latest))
    except ValueError:
        return latest


@reports_page
def inclusion(request):
    today = timezone.localdate()
    first_year = _year(request, today)
    return render(
        request,
        "education/report.html",
        {
            "title": f"Inclusion report, {report.academic_year(first_year).label}",
            "tables": report.inclusion_tables(first_year, today),
            "first_year": first_year,
        },
    )


@reports_page
def virtual_school_report(request):
    first_year = _year(request, timezone.localdate())
    return render(
        request,
        "education/vsh_report.html",
        {
            "title": f"Virtual School Head's annual report figures, {report.academic_year(first_year).label}",
            "figures": report.virtual_school_figures(first_year),
            "first_year": first_year,
        },
    )
