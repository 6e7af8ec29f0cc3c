"""Pages about people: my work and due work, finding a child, the child's record, its history and audit, merging.

Search shows identity only, like a master person index; opening a record is what is
controlled. Every page about one child goes through `record_page` (people.access_views),
which checks the access basis and writes the audit row before anything about the child is shown.
"""
import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from access.forms import BreakGlassForm
from access.models import BreakGlass, Involvement, RecordView, Role
from access.rules import legitimate_basis
from sharing.models import Share

from . import timeline
from .access_views import Child, record_page, refused
from .casework import cards_for
from .duework import DueWork
from .family import family_network
from .forms import MergeForm, SearchForm, UndoMergeForm
from .merging import check_merge, merge_records, survivor_of, undo_merge
from .models import Address, Person, PersonDisability, PersonMerge, Relationship
from .worklist import worklist


def manages_records(user) -> bool:
    """Managers and administrators may merge records and read a record's audit log."""
    return user.is_manager or user.role == Role.ADMINISTRATOR or user.is_superuser


HOME_DUE_ROWS = 10  # the soonest items on My work; the Due work page has the rest


@login_required
def home(request):
    work = DueWork(request.user, timezone.localdate())
    due = work.page(work.default_scope, per_page=HOME_DUE_ROWS)
    return render(request, "people/home.html", {
        "groups": worklist(request.user),
        "reviews_break_glass": manages_records(request.user),
        "due": due, "due_scope": work.default_scope, "due_scope_title": work.scopes[work.default_scope],
    })


@login_required
def due_work(request):
    """Due and overdue work for the children in scope: mine, my teams', or the teams I manage."""
    work = DueWork(request.user, timezone.localdate())
    scope = request.GET.get("scope")
    scope = scope if scope in work.scopes else work.default_scope
    return render(request, "people/work.html", {
        "scopes": work.scopes, "scope": scope, "page": work.page(scope, request.GET.get("page")),
    })


@login_required
def search(request):
    form = SearchForm(request.GET) if SearchForm.submitted(request.GET) else SearchForm()
    results, more = None, False
    if form.is_bound and form.is_valid():
        limit = settings.SEARCH_RESULTS_LIMIT
        results = list(form.results()[: limit + 1])
        more = len(results) > limit
        results = results[:limit]
    return render(request, "people/search.html", {
        "form": form, "results": results, "more": more, "limit": settings.SEARCH_RESULTS_LIMIT,
    })


@record_page
def record(request, person, ids, basis):
    today = timezone.localdate()
    addresses = list(Address.objects.filter(person_id__in=ids).order_by("-start_date", "-pk"))
    current = [a for a in addresses if a.end_date is None]
    return render(request, "people/record.html", {
        "person": person,
        "basis": basis,
        "break_glass": basis.startswith("break glass"),
        "age": person.age_on(person.death_date or today),
        "disabilities": PersonDisability.objects.filter(person_id__in=ids).order_by("code"),
        "current_address": current[0] if current else None,
        "addresses": addresses,
        "family": family_network(ids),
        "involvements": Involvement.objects.filter(person_id__in=ids)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today), start_date__lte=today)
        .select_related("user", "team").order_by("start_date"),
        "shares": Share.objects.filter(person_id__in=ids, start_date__lte=today)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today)).select_related("agency"),
        "merges": PersonMerge.objects.filter(survivor=person, undone_at__isnull=True).select_related("duplicate", "merged_by"),
        "entries": _timeline(ids),
        "manages_records": manages_records(request.user),
        "casework": cards_for(Child(person, ids, basis), request.user),
    })


def _timeline(ids) -> list[tuple]:
    """Entries newest first, each with the council ID of the merged record it came from, if any."""
    merged = dict(Person.objects.filter(pk__in=ids[1:]).values_list("pk", "la_id"))
    return [(entry, merged.get(entry.person_id)) for entry in timeline.entries_for(ids)]


@login_required
@require_POST
def break_glass(request, pk):
    person = survivor_of(get_object_or_404(Person, pk=pk))
    if legitimate_basis(request.user, person):
        return redirect("people:record", person.pk)
    form = BreakGlassForm(request.POST)
    if not form.is_valid():
        return refused(request, person, form, status=200)
    BreakGlass.objects.create(
        user=request.user, person=person, reason=form.cleaned_data["reason"],
        expires_at=timezone.now() + datetime.timedelta(hours=settings.BREAK_GLASS_HOURS),
    )
    messages.warning(
        request,
        f"You have broken glass to open this record for {settings.BREAK_GLASS_HOURS} hours. "
        "Your reason has been recorded and a manager will review it.",
    )
    return redirect("people:record", person.pk)


@record_page
def history(request, person, ids, basis):
    return render(request, "people/history.html", {"person": person, "changes": _changes(ids)})


HISTORY_HIDDEN = ["search_forename", "search_surname", "created_at"]


def _changes(ids) -> list[dict]:
    """Who changed what in the record, and in records merged into it, from django-simple-history, newest first."""
    merged = dict(Person.objects.filter(pk__in=ids[1:]).values_list("pk", "la_id"))
    sources = [
        ("Identity", Person.history.filter(id__in=ids)),
        ("Address", Address.history.filter(person_id__in=ids)),
        ("Family network", Relationship.history.filter(Q(person_id__in=ids) | Q(relative_id__in=ids))),
        ("Disability", PersonDisability.history.filter(person_id__in=ids)),
    ]
    rows = []
    for label, records in sources:
        previous = {}
        for rec in records.select_related("history_user").order_by("history_date", "history_id"):
            rows.append({
                "at": rec.history_date,
                "who": rec.history_user,
                "what": label,
                "action": rec.get_history_type_display(),
                "item": "" if label == "Identity" else str(rec.instance),
                "changes": _delta(previous.get(rec.id), rec),
                "reason": rec.history_change_reason or "",
                "merged_from": merged.get(rec.id if label == "Identity" else getattr(rec, "person_id", None)),
            })
            previous[rec.id] = rec
    return sorted(rows, key=lambda row: row["at"], reverse=True)


def _delta(before, after) -> list[tuple[str, str, str]]:
    """(field, old, new) for each field a change altered, shown as a reader would see them."""
    if before is None or after.history_type != "~":
        return []
    model = after.instance_type
    rows = []
    for change in after.diff_against(before, excluded_fields=HISTORY_HIDDEN).changes:
        field = model._meta.get_field(change.field)
        rows.append((field.verbose_name.capitalize(), _shown(field, change.old), _shown(field, change.new)))
    return rows


def _shown(field, value) -> str:
    if value in (None, ""):
        return "(blank)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation and field.related_model is Person:
        return Person.objects.filter(pk=value).values_list("la_id", flat=True).first() or str(value)
    return str(value)


@login_required
def audit_log(request, pk):
    if not manages_records(request.user):
        raise PermissionDenied("Only managers and administrators can read a record's audit log.")
    return _audit_log(request, pk)


@record_page
def _audit_log(request, person, ids, basis):
    views = RecordView.objects.filter(person_id__in=ids).select_related("user", "person").order_by("-at", "-pk")
    page = Paginator(views, 100).get_page(request.GET.get("page"))
    return render(request, "people/audit.html", {"person": person, "page": page})


@login_required
def merge(request, pk):
    if not manages_records(request.user):
        raise PermissionDenied("Only managers and administrators can merge records.")
    survivor = get_object_or_404(Person, pk=pk)
    if survivor.merged_into_id:
        kept = survivor_of(survivor)
        messages.info(request, f"{survivor.la_id} is merged into {kept.la_id}: merge duplicates into that record.")
        return redirect("people:merge", kept.pk)
    form = MergeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("confirm") != "yes":
                check_merge(survivor, form.duplicate)
                return render(request, "people/merge_confirm.html", {
                    "survivor": survivor, "duplicate": form.duplicate, "form": form,
                })
            merge_records(survivor, form.duplicate, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("duplicate_la_id", error)
        else:
            messages.success(
                request,
                f"{form.duplicate.full_name} ({form.duplicate.la_id}) is merged into this record. "
                "You can undo this from the Merged records section.",
            )
            return redirect("people:record", survivor.pk)
    return render(request, "people/merge.html", {"survivor": survivor, "form": form})


@login_required
def undo(request, pk):
    if not manages_records(request.user):
        raise PermissionDenied("Only managers and administrators can undo a merge.")
    merge_log = get_object_or_404(PersonMerge.objects.select_related("survivor", "duplicate", "merged_by"), pk=pk)
    form = UndoMergeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            undo_merge(merge_log, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"The merge is undone: {merge_log.duplicate.la_id} is a separate record again.")
            return redirect("people:record", merge_log.survivor_id)
    return render(request, "people/undo_merge.html", {"merge": merge_log, "form": form})
