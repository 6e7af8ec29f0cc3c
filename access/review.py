"""Reviewing the audit log in the app: by child, by user, each list or download, and unusual patterns.

The data protection officer reviews everyone; a manager reviews the staff of the teams they manage, and
the log of a child they can open. These pages name children, so they are logged in turn.
"""

from typing import Any

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from people.merging import merged_ids, survivor_of
from people.models import Person

from . import patterns as unusual
from .audit import disclose, log_access
from .classes import manager_page, reviews_audit
from .models import Action, BreakGlass, Disclosure, DisclosureKind, RecordView, Role, TeamMembership, User
from .relationships import access_basis, managed_team_ids
from .requests import SignedInRequest

REFUSAL = "The audit log is for managers (their staff's use of records) and the data protection officer."
PER_PAGE = 100

reviewer_page = manager_page(reviews_audit, REFUSAL)


def staff_in_scope(user: User) -> set[int] | None:
    """Whose use of records this reviewer reviews: everyone's (None) for the DPO, else their managed staff."""
    if user.role == Role.DATA_PROTECTION_OFFICER:
        return None
    staff = TeamMembership.objects.filter(team_id__in=managed_team_ids(user))
    return set(staff.values_list("user_id", flat=True)) - {user.pk}


def _in_scope(scope: set[int] | None, user_id: int | None) -> bool:
    return scope is None or user_id in scope


def _forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "403.html", {"exception": message}, status=403)


def _page(queryset: QuerySet[Any], request: HttpRequest, name: str = "page") -> Page:
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get(name))


@reviewer_page
def home(request: SignedInRequest) -> HttpResponse:
    """Find a child's or a user's log; the unusual patterns for the reviewer's scope; the latest downloads."""
    scope = staff_in_scope(request.user)
    la_id, username = request.GET.get("la_id", "").strip(), request.GET.get("username", "").strip()
    if la_id:
        person = Person.objects.filter(la_id=la_id).first()
        if person:
            return redirect("access:audit_child", person.pk)
        messages.error(request, f"There is no record with council ID {la_id}.")
    if username:
        user = User.objects.filter(username=username).first()
        if user and _in_scope(scope, user.pk):
            return redirect("access:audit_user", user.pk)
        messages.error(request, f"There is no one called {username} whose use of records you review.")
    exports = Disclosure.objects.filter(kind=DisclosureKind.EXPORT).select_related("user")
    if scope is not None:
        exports = exports.filter(user_id__in=scope)
    found = unusual.patterns(scope)
    return render(
        request,
        "access/audit_home.html",
        {
            "everyone": scope is None,
            "la_id": la_id,
            "username": username,
            "exports": exports[:20],
            "not_allocated": found["not_allocated"][:10],
            "refusals": found["refusals"][:10],
            "night": len(found["night"]),
            "thresholds": found["thresholds"],
            "days": unusual.WINDOW_DAYS,
        },
    )


@reviewer_page
def child(request: SignedInRequest, pk: int) -> HttpResponse:
    """Every look at a child's record (and records merged into it), and the lists and files naming them."""
    kept = survivor_of(get_object_or_404(Person, pk=pk))
    if kept.pk != int(pk):
        return redirect("access:audit_child", kept.pk)
    if request.user.role != Role.DATA_PROTECTION_OFFICER and access_basis(request.user, kept) is None:
        log_access(
            request,
            [kept],
            allowed=False,
            action=Action.AUDIT,
            text="refused: audit review of a record the manager cannot open",
        )
        return _forbidden(request, "You can review the audit log only of records you can open.")
    ids = merged_ids(kept)
    views = RecordView.objects.filter(person_id__in=ids).select_related("user", "person")
    lists = Disclosure.objects.filter(children__person_id__in=ids).distinct().select_related("user")
    response = render(
        request,
        "access/audit_child.html",
        {
            "person": kept,
            "views": _page(views.order_by("-at", "-pk"), request),
            "lists": _page(lists.order_by("-at"), request, "lists_page"),
            "glass": (
                BreakGlass.objects.filter(person_id__in=ids)
                .select_related("user", "review")
                .order_by("-at")[:100]
            ),
        },
    )
    log_access(request, [kept], allowed=True, text="audit review of the child's record", action=Action.AUDIT)
    return response


@reviewer_page
def user_activity(request: SignedInRequest, pk: int) -> HttpResponse:
    """One user's looks at records, refusals, searches, lists and downloads, and break glasses."""
    target = get_object_or_404(User, pk=pk)
    if not _in_scope(staff_in_scope(request.user), target.pk):
        return _forbidden(request, "You review the use of records by the staff of the teams you manage.")
    views = _page(
        RecordView.objects.filter(user=target).select_related("person").order_by("-at", "-pk"), request
    )
    lists = _page(Disclosure.objects.filter(user=target).order_by("-at", "-pk"), request, "lists_page")
    named = [view.person_id for view in views.object_list if view.person_id]
    if named:
        disclose(
            request, DisclosureKind.LIST, named, what=f"Audit review: use of records by {target.username}"
        )
    return render(
        request,
        "access/audit_user.html",
        {
            "target": target,
            "views": views,
            "lists": lists,
            "glass": BreakGlass.objects.filter(user=target).select_related("person").order_by("-at")[:100],
        },
    )


@reviewer_page
def disclosure(request: SignedInRequest, pk: int) -> HttpResponse:
    """One search, list or download: who, when, what, and the children it named."""
    shown = get_object_or_404(Disclosure.objects.select_related("user"), pk=pk)
    if not _in_scope(staff_in_scope(request.user), shown.user_id):
        return _forbidden(request, "You review the use of records by the staff of the teams you manage.")
    children = _page(shown.children.select_related("person").order_by("person__la_id", "pk"), request)
    named = [row.person_id for row in children.object_list]
    if named:
        disclose(
            request, DisclosureKind.LIST, named, what=f"Audit review: children in list or file {shown.pk}"
        )
    return render(request, "access/audit_disclosure.html", {"shown": shown, "children": children})


@reviewer_page
def unusual_patterns(request: SignedInRequest) -> HttpResponse:
    """Users opening many records they do not hold, many refusals, and break glass out of hours."""
    try:
        days = min(max(int(request.GET.get("days", unusual.WINDOW_DAYS)), 1), 366)
    except ValueError:
        days = unusual.WINDOW_DAYS
    found = unusual.patterns(staff_in_scope(request.user), days)
    named = [access.person_id for access in found["night"]]
    if named:
        disclose(request, DisclosureKind.LIST, named, what="Audit review: break glass out of hours")
    return render(request, "access/audit_patterns.html", {**found, "days": days})
