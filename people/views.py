"""Pages about people: my work and due work, finding a child, the child's record, its history and audit,
merging.

Search shows identity only (name, date of birth, council ID), enough to pick the right child and break
glass; partners and analysts find only the records they can open; every search is logged with its terms
and the children it listed. Every page about one child goes through the gate in people.access_views,
which checks the access basis (and for merges the right to merge both records) and audits the page.
"""

import datetime
from dataclasses import replace

from django.conf import settings
from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from access.audit import disclose, log_refusal
from access.basis import Work, may_merge
from access.classes import reviews_audit, signed_in
from access.forms import BreakGlassForm
from access.models import Action, BreakGlass, DisclosureKind, Involvement, RecordView, Role, Share
from access.parts import Part
from access.relationships import legitimate_basis, may_break_glass, works_at_front_door
from thrive.forms import DateForm
from timescales.dates import open_on

from . import timeline
from .access_views import casework_write, check_child, child_read, child_write, log_served, refused
from .alerts import alerts_for
from .casework import cards_for, panels_for, posted, save_form
from .duework import DUE_SOON_DAYS, DueWork, WorkFilter, child_due
from .family import family_network
from .forms import FlagForm, MergeForm, SearchForm, UndoMergeForm
from .merging import check_merge, merge_records, survivor_of, undo_merge
from .models import Address, Person, PersonDisability, PersonFlag, PersonMerge, Relationship
from .search import find_people, search_terms
from .worklist import worklist


def manages_records(user) -> bool:
    """Managers read a record's audit log and merge records they can open; data quality officers merge."""
    return user.is_manager or user.role == Role.DATA_QUALITY


HOME_DUE_ROWS = 10  # the soonest items on My work; the Due work page has the rest


@signed_in
def home(request):
    work = DueWork(request.user, timezone.localdate())
    due = work.page(work.default_scope, per_page=HOME_DUE_ROWS)
    groups = worklist(request.user)
    panels = panels_for(request.user)
    named = [row.person.pk for group in groups for row in group.rows]
    named += [row.person.pk for row in due.object_list]
    named += [pk for p in panels for pk in p.person_ids]
    if named:
        disclose(request, DisclosureKind.LIST, named, what="My work")
    return render(
        request,
        "people/home.html",
        {
            "groups": groups,
            "panels": panels,
            "reviews_break_glass": request.user.is_manager or request.user.role == Role.ADMINISTRATOR,
            "reviews_audit": reviews_audit(request.user),
            "front_door": works_at_front_door(request.user),
            "due": due,
            "due_scope": work.default_scope,
            "due_scope_title": work.scopes[work.default_scope],
        },
    )


@signed_in
def due_work(request):
    """Due and overdue work for the children in scope: mine, my teams', or the teams I manage."""
    work = DueWork(request.user, timezone.localdate())
    scope = request.GET.get("scope")
    scope = scope if scope in work.scopes else work.default_scope
    listed = work.worklist(scope, WorkFilter.from_query(request.GET), request.GET.get("page"))
    page = listed.page
    if page.object_list:
        disclose(
            request,
            DisclosureKind.LIST,
            [row.person.pk for row in page.object_list],
            what=f"Due work: {work.scopes[scope]}, page {page.number}",
        )
    return render(
        request,
        "people/work.html",
        {
            "scopes": work.scopes,
            "scope": scope,
            "page": page,
            "listed": listed,
            "show_workers": scope != "mine",
            "paging": listed.chosen.query(scope=scope),
            "keep": [("scope", scope)],
        },
    )


@signed_in
def search(request):
    form = SearchForm(request.GET) if SearchForm.submitted(request.GET) else SearchForm()
    found = None
    if form.is_bound and form.is_valid():
        found = find_people(request, form.criteria(), "Find a child", search_terms(form.cleaned_data))
    return render(
        request,
        "people/search.html",
        {
            "form": form,
            "results": found.people if found else None,
            "more": found.more if found else False,
            "total": found.total if found else 0,
            "limit": settings.SEARCH_RESULTS_LIMIT,
            "front_door": works_at_front_door(request.user),
        },
    )


SECTIONS = {
    "identity": Part.IDENTITY,
    "address": Part.ADDRESS,
    "family": Part.FAMILY,
    "workers": Part.WORKERS,
    "council": Part.COUNCIL_ONLY,
}
TIMELINE_SHOWN = 200  # entries on the record page, newest first; the chronology has them all


@child_read(part=Part.IDENTITY)
def record(request, child):
    """The whole record; for a share's reader, only the parts shared (each section, card and timeline entry
    says which part it belongs to)."""
    person, ids, basis = child.person, child.ids, child.basis
    today = timezone.localdate()
    shows = {name: child.show(part) for name, part in SECTIONS.items()}
    addresses = Address.objects.filter(person_id__in=ids).order_by("-start_date", "-pk")
    addresses = list(addresses) if shows["address"] else []
    current = [a for a in addresses if a.end_date is None]
    council = shows["council"]
    entries = _scoped(child, timeline.entries_for(ids))
    chosen = timeline.TimelineFilter.from_query(request.GET)
    shown = chosen.apply(entries)
    journeys, kinds = timeline.filter_choices(entries)
    return render(
        request,
        "people/record.html",
        {
            "person": person,
            "basis": basis,
            "shows": shows,
            "break_glass": not basis.legitimate,
            "age": person.age_on(person.death_date or today),
            "disabilities": PersonDisability.objects.filter(person_id__in=ids).order_by("code"),
            "current_address": current[0] if current else None,
            "addresses": addresses,
            "family": family_network(ids) if shows["family"] else [],
            "involvements": Involvement.objects.filter(person_id__in=ids)
            .filter(open_on(today))
            .select_related("user", "team")
            .order_by("start_date")
            if shows["workers"]
            else [],
            "shares": Share.objects.active(today).filter(person_id__in=ids).select_related("agency")
            if council
            else [],
            "may_share": child.may(Work.SHARING),
            "merges": PersonMerge.objects.filter(survivor=person, undone_at__isnull=True).select_related(
                "duplicate", "merged_by"
            )
            if council
            else [],
            "entries": _with_merged(ids, shown[:TIMELINE_SHOWN]),
            "entries_total": len(shown),
            "all_entries": len(entries),
            "timeline_filter": chosen,
            "journeys": journeys,
            "kinds": kinds,
            "timeline_shown": TIMELINE_SHOWN,
            "may_merge": may_merge(request.user, basis),
            "may_record": child.may_record,
            "casework": cards_for(child, request.user),
            # Alerts, due work and warnings are the council's own: a share's reader sees none of them.
            "alerts": alerts_for(ids, today) if council else [],
            "due": child_due(ids, today) if council else [],
            "due_soon_days": DUE_SOON_DAYS,
            "flags": PersonFlag.objects.filter(person_id__in=ids)
            .exclude(end_date__lte=today)
            .order_by("start_date")
            if council
            else [],
            "may_flag": child.may_record,
            "may_reallocate": child.may(Work.OVERSIGHT),
        },
    )


def _scoped(child, entries: list) -> list:
    """For a share's reader, only entries of parts shared, linked only to pages they may open."""
    if not child.basis.scoped:
        return entries
    return [
        entry if child.may_open(entry.url) else replace(entry, url=None)
        for entry in entries
        if child.show(entry.parts)
    ]


def _with_merged(ids, entries) -> list[tuple]:
    """Entries, each with the council ID of the merged record it came from, if any."""
    merged = dict(Person.objects.filter(pk__in=ids[1:]).values_list("pk", "la_id"))
    return [(entry, merged.get(entry.person_id)) for entry in entries]


@child_write()
def add_flag(request, child):
    """Record a warning (a risk to staff, say), shown as an alert at the top of the record until ended."""
    person = child.person
    form = FlagForm(
        posted(request),
        instance=PersonFlag(person=person, recorded_by=request.user),
        initial={"start_date": timezone.localdate()},
    )
    record_url = reverse("people:record", args=[person.pk])
    return save_form(
        request,
        form,
        lambda form: form.save() and record_url,
        success="Warning recorded.",
        person=person,
        title="Record a warning",
        back_url=record_url,
        button="Record the warning",
        intro="Warnings show as alerts at the top of the record for everyone who opens it.",
    )


@casework_write(PersonFlag)
def end_flag(request, flag, child):
    record_url = reverse("people:record", args=[child.person.pk])
    if flag.end_date:
        return redirect(record_url)
    form = DateForm(posted(request), label="Date the warning ended", initial={"date": timezone.localdate()})

    def save(form):
        flag.end_date = form.cleaned_data["date"]
        flag.full_clean()
        flag.save(update_fields=["end_date"])
        return record_url

    return save_form(
        request,
        form,
        save,
        success="Warning ended.",
        person=child.person,
        title="End a warning",
        back_url=record_url,
        button="End the warning",
        facts=[("Warning", str(flag))],
    )


CHRONOLOGY_MARKING = "OFFICIAL-SENSITIVE"


@child_read(part=Part.COUNCIL_ONLY)  # the council's own document: partners read through a share instead
def chronology(request, child):
    """The child's chronology to print or download as a PDF: every timeline entry (filtered as asked), oldest
    first, with the protective marking, who printed it and when. A download is logged as a disclosure."""
    person = child.person
    chosen = timeline.TimelineFilter.from_query(request.GET)
    entries = list(reversed(chosen.apply(timeline.entries_for(child.ids))))
    context = {
        "person": person,
        "entries": _with_merged(child.ids, entries),
        "timeline_filter": chosen,
        "marking": CHRONOLOGY_MARKING,
        "printed_by": request.user,
        "printed_at": timezone.localtime(),
        "journey_words": timeline.journey_words(chosen.journey) if chosen.journey else "",
        "kind_words": timeline.kind_words(chosen.kind) if chosen.kind else "",
        "age": person.age_on(person.death_date or timezone.localdate()),
    }
    if request.GET.get("format") != "pdf":
        return render(request, "people/chronology.html", context)
    filename = f"chronology-{person.la_id}-{timezone.localdate():%Y-%m-%d}.pdf"
    pdf = chronology_pdf(render_to_string("people/chronology_document.html", context, request))
    disclose(
        request, DisclosureKind.EXPORT, [person.pk], what=f"Chronology of {person.la_id}", filename=filename
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def chronology_pdf(html: str) -> bytes:
    import weasyprint  # imported when needed: it loads Pango and fonts

    css = finders.find("people/chronology.css")
    return weasyprint.HTML(string=html).write_pdf(stylesheets=[weasyprint.CSS(filename=css)])


@signed_in
@require_POST
def break_glass(request, pk):
    person = survivor_of(get_object_or_404(Person, pk=pk))
    if legitimate_basis(request.user, person):
        return redirect("people:record", person.pk)
    if not may_break_glass(request.user):
        log_refusal(request, "partner agencies' staff do not break glass", [person])
        return refused(request, person)
    form = BreakGlassForm(request.POST)
    if not form.is_valid():
        return refused(request, person, form, status=200)
    BreakGlass.objects.create(
        user=request.user,
        person=person,
        reason=form.cleaned_data["reason"],
        expires_at=timezone.now() + datetime.timedelta(hours=settings.BREAK_GLASS_HOURS),
    )
    messages.warning(
        request,
        f"You have broken glass to open this record for {settings.BREAK_GLASS_HOURS} hours. "
        "Your reason has been recorded and a manager will review it.",
    )
    return redirect("people:record", person.pk)


@child_read(part=Part.IDENTITY)
def history(request, child):
    """Who changed the record's identity, addresses and family network; for a share's reader, only those
    of parts shared."""
    changes = [row for row in _changes(child.ids) if child.show(HISTORY_PARTS[row["what"]])]
    return render(request, "people/history.html", {"person": child.person, "changes": changes})


HISTORY_PARTS = {
    "Identity": Part.IDENTITY,
    "Address": Part.ADDRESS,
    "Family network": Part.FAMILY,
    "Disability": Part.IDENTITY,
}


HISTORY_HIDDEN = ["search_forename", "search_surname", "sound_forename", "sound_surname", "created_at"]


def _changes(ids) -> list[dict]:
    """Who changed what in the record, and in records merged into it, from django-simple-history, newest
    first."""
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
            rows.append(
                {
                    "at": rec.history_date,
                    "who": rec.history_user,
                    "what": label,
                    "action": rec.get_history_type_display(),
                    "item": "" if label == "Identity" else str(rec.instance),
                    "changes": _delta(previous.get(rec.id), rec),
                    "reason": rec.history_change_reason or "",
                    "merged_from": merged.get(
                        rec.id if label == "Identity" else getattr(rec, "person_id", None)
                    ),
                }
            )
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


@child_read(
    part=Part.COUNCIL_ONLY,
    allowed=lambda user: user.is_manager,
    refusal="Only managers can read a record's audit log.",
    action=Action.AUDIT,
)
def audit_log(request, child):
    views = RecordView.objects.filter(person_id__in=child.ids).select_related("user", "person")
    views = views.order_by("-at", "-pk")
    page = Paginator(views, 100).get_page(request.GET.get("page"))
    return render(request, "people/audit.html", {"person": child.person, "page": page})


MERGE_REFUSAL = "Only managers (for records they can open) and data quality officers can merge records."


@child_write(Work.MERGE, allowed=manages_records, refusal=MERGE_REFUSAL)
def merge(request, child):
    survivor = child.person
    form = MergeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        duplicate = form.duplicate
        other = check_child(request, duplicate, Work.MERGE, Action.MERGE)
        if other is None:
            form.add_error("duplicate_la_id", _no_merge_basis(request.user, duplicate))
            return render(request, "people/merge.html", {"survivor": survivor, "form": form})
        try:
            if request.POST.get("confirm") != "yes":
                check_merge(survivor, duplicate)
                log_served(request, other, Action.MERGE, [duplicate.pk])
                return render(
                    request,
                    "people/merge_confirm.html",
                    {
                        "survivor": survivor,
                        "duplicate": duplicate,
                        "form": form,
                    },
                )
            merge_records(survivor, duplicate, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("duplicate_la_id", error)
        else:
            log_served(request, other, Action.MERGE, [duplicate.pk])
            messages.success(
                request,
                f"{duplicate.full_name} ({duplicate.la_id}) is merged into this record. "
                "You can undo this from the Merged records section.",
            )
            return redirect("people:record", survivor.pk)
    return render(request, "people/merge.html", {"survivor": survivor, "form": form})


def _no_merge_basis(user, duplicate) -> str:
    if user.role == Role.DATA_QUALITY:
        return f"Break glass on the record with council ID {duplicate.la_id} before merging it"
    return (
        "You can merge only records you can open: you have no relationship with the record with "
        f"council ID {duplicate.la_id}"
    )


@casework_write(
    PersonMerge, Work.MERGE, person_field="survivor", allowed=manages_records, refusal=MERGE_REFUSAL
)
def undo(request, merge_log, child):
    duplicate = merge_log.duplicate
    other = check_child(request, duplicate, Work.MERGE, Action.MERGE)
    if other is None:
        return refused(request, duplicate)
    form = UndoMergeForm(request.POST if request.method == "POST" else None)
    response = None
    if request.method == "POST" and form.is_valid():
        try:
            undo_merge(merge_log, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"The merge is undone: {duplicate.la_id} is a separate record again.")
            response = redirect("people:record", merge_log.survivor_id)
    response = response or render(request, "people/undo_merge.html", {"merge": merge_log, "form": form})
    log_served(request, other, Action.MERGE, [duplicate.pk])
    return response
