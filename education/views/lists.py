"""The inclusion service's and the Virtual School's lists: education pages (AccessClass.EDUCATION), for
education staff only, each refusal audited. Each lists only the children the user holds
(education.access.held_children), so every name shown is one they may open, and every child a page names is
logged as a disclosure (access.audit.disclose), as the care and leaving-care worklists are."""

import datetime
from functools import wraps

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import render
from django.utils import timezone

from access.audit import disclose
from access.classes import AccessClass, page
from access.models import DisclosureKind
from timescales.due import PersonIds

from .. import services
from ..access import held_children, is_education_staff
from ..codes import ExclusionKind
from ..models import Attendance, CmeReferral, Exclusion, PmeReferral, RegisterEntry
from ..worklists import (
    INCLUSION_CODES,
    SEND_CODES,
    VIRTUAL_SCHOOL_CODES,
    due_rows,
    people_by_id,
    record_urls,
)

PER_PAGE = 100
NOT_STAFF = "These lists are for the inclusion service and the Virtual School."


def education_list(view):
    """A list page for education and Virtual School staff: `view(request, children, today)`."""

    @page(AccessClass.EDUCATION, is_education_staff, NOT_STAFF)
    @wraps(view)
    def wrapper(request):
        today = timezone.localdate()
        return view(request, held_children(request.user, today), today)

    return wrapper


def _named(request, what: str, person_ids) -> None:
    """Log the children a list page names (none named, nothing logged)."""
    person_ids = list(person_ids)
    if person_ids:
        disclose(request, DisclosureKind.LIST, person_ids, what=what)


def _held(children):
    """Keep records about these children (a subquery), checked per record: the records are far fewer."""
    return Exists(children.filter(person_id=OuterRef("person_id")))


def _rows(objects, build):
    """Table rows for `objects` (each with person_id), with the child's name and record link."""
    people, url_of = people_by_id({o.person_id for o in objects}), record_urls()
    return [(people[o.person_id], url_of(people[o.person_id].pk), list(build(o))) for o in objects]


def _table(request, title, intro, heading, columns, objects, build, **context):
    shown = Paginator(objects, PER_PAGE).get_page(request.GET.get("page"))
    shown.object_list = _rows(list(shown.object_list), build)
    _named(
        request,
        f"{title}: {heading.lower()}, page {shown.number}",
        [person.pk for person, _, _ in shown.object_list],
    )
    return render(
        request,
        "education/table.html",
        {"title": title, "intro": intro, "heading": heading, "columns": columns, "page": shown, **context},
    )


def _day(d) -> str:
    return f"{d:%-d %b %Y}" if d else ""


@education_list
def worklist(request, children, today):
    rows, total = due_rows(children, today, INCLUSION_CODES)
    _named(request, "Inclusion: due work", [row.person.pk for row in rows])
    return render(
        request,
        "education/worklist.html",
        {
            "rows": rows,
            "total": total,
            "title": "Inclusion: due work",
            "intro": "Consent decisions, notices, visits, checks, triage and "
            "education for excluded pupils for the children you "
            "work with, soonest first (EHC plans have their own "
            "list).",
        },
    )


@education_list
def register(request, children, today):
    show_closed = request.GET.get("show") == "closed"
    entries = RegisterEntry.objects.filter(_held(children), closed_on__isnull=not show_closed)
    entries = entries.order_by("-opened_on", "pk")
    return _table(
        request,
        "Children Not in School register",
        "Children of compulsory school age not on a school roll, or educated away from school by "
        "arrangement (Education Act 1996 s436B).",
        "Left the register" if show_closed else "On the register",
        ["Child", "On the register since", "Why", "Parents' hours a week", "Left"],
        entries,
        lambda e: (
            _day(e.opened_on),
            e.get_basis_display(),
            e.parent_hours if e.parent_hours is not None else "Not given",
            f"{_day(e.closed_on)} {e.get_closed_reason_display()}".strip(),
        ),
        show_closed=show_closed,
    )


@education_list
def missing(request, children, today):
    referrals = CmeReferral.objects.filter(_held(children), outcome_on__isnull=True).order_by(
        "visit_due", "pk"
    )
    return _table(
        request,
        "Children missing education",
        "Open referrals, the first visit due soonest first.",
        "Open referrals",
        ["Child", "Referred", "Reason", "Visit due", "Checks due"],
        referrals,
        lambda r: (_day(r.received_on), r.get_reason_display(), _day(r.visit_due), _day(r.enquiries_due)),
    )


@education_list
def waiting_list(request, children, today):
    waiting = PmeReferral.objects.filter(
        _held(children), waiting_since__isnull=False, allocated_on__isnull=True, closed_on__isnull=True
    )
    waiting = waiting.select_related("school").order_by("waiting_since", "pk")
    days = [(today - since).days for since in waiting.values_list("waiting_since", flat=True)]
    average = round(sum(days) / len(days), 1) if days else None
    return _table(
        request,
        "Pupils missing education: waiting list",
        "Referrals waiting for an education officer after the second step of triage, longest first.",
        "Waiting",
        ["Child", "School", "Waiting since", "Days waiting"],
        waiting,
        lambda r: (r.school.name, _day(r.waiting_since), (today - r.waiting_since).days),
        summary=[
            ("Waiting", len(days)),
            ("Average wait", f"{average} days" if average is not None else "n/a"),
        ],
    )


@education_list
def exclusions(request, children, today):
    waiting = (
        Exclusion.objects.filter(_held(children), kind=ExclusionKind.PERMANENT, provision_from__isnull=True)
        .select_related("school")
        .order_by("provision_due")
    )
    return _table(
        request,
        "Permanently excluded pupils: education from the sixth school day",
        "Pupils whose full-time education is not yet arranged, due soonest first.",
        "Education to arrange",
        ["Child", "School", "Excluded from", "Education due from"],
        waiting,
        lambda e: (e.school.name, _day(e.start_date), _day(e.provision_due)),
    )


@education_list
def send_worklist(request, children, today):
    rows, total = due_rows(children, today, SEND_CODES)
    _named(request, "EHC needs assessments and plans: due work", [row.person.pk for row in rows])
    return render(
        request,
        "education/worklist.html",
        {
            "rows": rows,
            "total": total,
            "title": "EHC needs assessments and plans: due work",
            "intro": "Decisions to assess (6 weeks), final plans (20 "
            "weeks), annual reviews and review decisions.",
        },
    )


@education_list
def virtual_school(request, children, today):
    cohort = services.virtual_school_cohort(today, set(children.values_list("person_id", flat=True)))
    ours = PersonIds(set().union(*cohort.values()))
    rows, total = due_rows(children, today, VIRTUAL_SCHOOL_CODES)
    from care.models import PersonalEducationPlan

    peps = PersonalEducationPlan.objects.filter(
        person_id__in=ours, quality__isnull=True, meeting_on__gte=today - datetime.timedelta(days=120)
    )
    year_start = datetime.date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    excluded = Exclusion.objects.filter(person_id__in=ours, start_date__gte=year_start).select_related(
        "school"
    )
    low = Attendance.objects.filter(Q(person_id__in=ours), term_end__gte=year_start).select_related("school")
    peps = list(peps.order_by("meeting_on")[:100])
    excluded = list(excluded.order_by("-start_date")[:100])
    low = [a for a in low.order_by("term_end") if a.persistently_absent][:100]
    people, url_of = people_by_id({r.person_id for r in (*excluded, *low, *peps)}), record_urls()

    def listed(records):
        return [(people[r.person_id], url_of(people[r.person_id].pk), r) for r in records]

    exclusions, attendance, to_assure = listed(excluded), listed(low), listed(peps)
    _named(
        request,
        "Virtual School: worklist",
        [row.person.pk for row in rows]
        + [person.pk for person, _, _ in (*exclusions, *attendance, *to_assure)],
    )
    return render(
        request,
        "education/virtual_school.html",
        {
            "rows": rows,
            "total": total,
            "counts": [(why, len(ids)) for why, ids in cohort.items()],
            "exclusions": exclusions,
            "attendance": attendance,
            "peps": to_assure,
        },
    )
