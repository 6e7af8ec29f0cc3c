"""Pages for analysts: each return's latest check with the DfE-aligned validators (grouped by rule, filtered
and paged), checking again, overriding errors with a reason, asking a child's worker to correct a record,
and downloading the returns and Annex A."""

import datetime
import io
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from access.audit import disclose
from access.classes import analyst_page, signed_in
from access.models import DisclosureKind
from thrive import limits

from . import annex_a, cin, fixes, ssda903
from .dfe import ValidatorFailed, ValidatorsMissing, available
from .exporting import ExportBlocked, check, export, file_name, latest_run, record_overrides
from .models import FixRequest, IssueKind, ValidationIssue, ValidationOverride, ValidationRun
from .wording import RECORDS, record, sentence
from .years import FIRST_YEAR, LATEST_YEAR, CollectionYear, current_year

RETURNS = {"cin": cin, "ssda903": ssda903}
TITLES = {"cin": "Children in need census", "ssda903": "SSDA903: children looked after"}
PER_PAGE = 50
SHOWN = {
    "all": "Errors and queries",
    "error": "Errors",
    "query": "Queries",
    "defect": "Validator defects",
    "waiting": "Not yet due (in-year)",
}
returns_page = analyst_page("Statutory returns are for performance analysts and administrators.")


class _Listed:
    """A return's builder that notes each child it hands to the file, for the audit of the download."""

    def __init__(self, builder):
        self.builder, self.person_ids = builder, []

    def __getattr__(self, name):
        return getattr(self.builder, name)

    def children(self, year):
        for child in self.builder.children(year):
            self.person_ids.append(child["_person_id"])
            yield child


def _return(kind, year):
    if kind not in RETURNS:
        raise Http404("No such return")
    try:
        return RETURNS[kind], CollectionYear(year)
    except ValueError:
        raise Http404("Thrive does not produce that year's return") from None


def _counts(run) -> dict:
    found = run.issues.aggregate(
        errors=Count("pk", filter=Q(kind=IssueKind.ERROR, not_yet_due=False)),
        queries=Count("pk", filter=Q(kind=IssueKind.QUERY, not_yet_due=False)),
        defects=Count("pk", filter=Q(kind=IssueKind.DEFECT)),
        waiting=Count("pk", filter=Q(not_yet_due=True)),
    )
    found["blocking"] = found["errors"] - _overridden(run)
    return found


def _overridden(run) -> int:
    overrides = set(
        ValidationOverride.objects.filter(return_kind=run.return_kind, year=run.year).values_list(
            "rule_code", "child"
        )
    )
    if not overrides:
        return 0
    pairs = (
        run.issues.filter(kind=IssueKind.ERROR, not_yet_due=False)
        .values_list("rule_code", "child")
        .distinct()
    )
    errors = run.issues.filter(kind=IssueKind.ERROR, not_yet_due=False).values_list("rule_code", "child")
    covered = {pair for pair in pairs if pair in overrides}
    return sum(1 for pair in errors if pair in covered)


@returns_page
def index(request):
    years = list(range(LATEST_YEAR, FIRST_YEAR - 1, -1))
    runs = {}
    for run in ValidationRun.objects.order_by("return_kind", "year", "-ran_at", "-pk"):
        runs.setdefault((run.return_kind, run.year), run)
    returns = [
        (
            kind,
            title,
            [
                (year, runs.get((kind, year)), _counts(runs[(kind, year)]) if (kind, year) in runs else None)
                for year in years
            ],
        )
        for kind, title in TITLES.items()
    ]
    return render(
        request,
        "returns/index.html",
        {
            "returns": returns,
            "current": current_year(),
            "as_at": datetime.date(current_year(), 3, 31),
            "validators": available(),
        },
    )


@returns_page
def issues(request, kind, year):
    builder, collection = _return(kind, year)
    run = latest_run(kind, collection.year)
    context = {
        "kind": kind,
        "title": TITLES[kind],
        "year": collection,
        "run": run,
        "validators": available(),
        "in_year": timezone.localdate() < collection.end,
    }
    if run is None:
        return render(request, "returns/issues.html", context)
    shown = request.GET.get("shown") or "all"
    rule = request.GET.get("rule", "")
    table = request.GET.get("record", "")
    child = request.GET.get("child", "").strip()
    found = run.issues.all()
    found = found.filter(not_yet_due=True) if shown == "waiting" else found.filter(not_yet_due=False)
    if shown in ("error", "query", "defect"):
        found = found.filter(kind=shown)
    elif shown == "all":
        found = found.exclude(kind=IssueKind.DEFECT)
    rules = list(
        found.values("rule_code", "kind").annotate(count=Count("pk")).order_by("kind", "-count", "rule_code")
    )
    for group in rules:
        group["message"] = sentence(run.rules.get(group["rule_code"], {}).get("message", ""))
        group["defect"] = (
            run.rules.get(group["rule_code"], {}).get("defect", "") if group["kind"] == "defect" else ""
        )
    if rule:
        found = found.filter(rule_code=rule)
    if table:
        found = found.filter(table=table)
    if child:
        found = found.filter(child=child)
    page = Paginator(found.order_by("kind", "rule_code", "child", "row", "pk"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    named = sorted({issue.person_id for issue in page.object_list if issue.person_id})
    if named:  # the page names these children
        disclose(request, DisclosureKind.LIST, named, what=f"{TITLES[kind]} {collection}: errors and queries")
    overrides = {
        (o.rule_code, o.child): o
        for o in ValidationOverride.objects.filter(return_kind=kind, year=collection.year).select_related(
            "overridden_by"
        )
    }
    asked = set(
        FixRequest.objects.filter(return_kind=kind, year=collection.year, closed_at__isnull=True).values_list(
            "rule_code", "person_id"
        )
    )
    rows = [
        {
            "issue": issue,
            "message": sentence(run.rules.get(issue.rule_code, {}).get("message", "")),
            "record": record(issue.table, issue.values) if issue.table else "The whole return",
            "override": overrides.get((issue.rule_code, issue.child)),
            "asked": (issue.rule_code, issue.person_id) in asked,
        }
        for issue in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context.update(
        {
            "counts": _counts(run),
            "rules": rules,
            "rows": rows,
            "page": page,
            "query": query.urlencode(),
            "shown": shown,
            "shown_choices": SHOWN,
            "rule": rule,
            "record_filter": table,
            "child": child,
            "records": sorted(
                {(t, RECORDS.get(t, t)) for t in run.issues.values_list("table", flat=True).distinct() if t},
                key=lambda r: r[1],
            ),
            "rule_choices": sorted(run.rules),
        }
    )
    return render(request, "returns/issues.html", context)


def _check_or_message(request, builder, collection) -> bool:
    try:
        check(builder, collection, user=request.user)
        return True
    except (ValidatorsMissing, ValidatorFailed, ValueError) as problem:
        messages.error(request, str(problem))
        return False


@returns_page
@require_POST
def run_check(request, kind, year):
    builder, collection = _return(kind, year)
    if _check_or_message(request, builder, collection):
        messages.success(request, "The return was built from today's records and checked.")
    return redirect("returns:issues", kind=kind, year=year)


@returns_page
@require_POST
def override(request, kind, year):
    builder, collection = _return(kind, year)
    reason = limits.plain_text(request.POST.get("reason", ""))
    if not reason:
        messages.error(request, "Enter the reason the return is sent with these errors.")
        return redirect("returns:issues", kind=kind, year=year)
    if len(reason) > limits.LONG_TEXT:
        messages.error(request, f"Reason must be {limits.LONG_TEXT:,} characters or fewer.")
        return redirect("returns:issues", kind=kind, year=year)
    run = latest_run(kind, collection.year)
    found = list(run.issues.filter(kind=IssueKind.ERROR, not_yet_due=False)) if run else []
    for issue in found:
        issue.override = None
    existing = {
        (o.rule_code, o.child)
        for o in ValidationOverride.objects.filter(return_kind=kind, year=collection.year)
    }
    found = [i for i in found if (i.rule_code, i.child) not in existing]
    made = record_overrides(found, builder.kind, collection.year, reason, request.user)
    messages.success(request, f"Reason recorded against {made} error(s).")
    return redirect("returns:issues", kind=kind, year=year)


@returns_page
def ask_worker(request, kind, year, issue_id):
    """Ask the child's allocated worker to correct the record behind one issue."""
    _return(kind, year)
    issue = get_object_or_404(
        ValidationIssue.objects.select_related("run", "person"),
        pk=issue_id,
        run__return_kind=kind,
        run__year=year,
    )
    worker = fixes.worker_for(issue.person) if issue.person else None
    back = redirect("returns:issues", kind=kind, year=year)
    if worker is None:
        messages.error(
            request,
            f"No worker is allocated to child {issue.child}: ask their team manager to correct the record.",
        )
        return back
    if request.method == "POST":
        made = fixes.ask(issue, worker, request.user, limits.plain_text(request.POST.get("note", "")))
        messages.success(
            request,
            f"Asked {worker.get_full_name() or worker.username} to correct child "
            f"{issue.child}'s record by {made.due_on:%-d %B %Y}.",
        )
        return back
    return render(
        request,
        "returns/ask_worker.html",
        {
            "kind": kind,
            "title": TITLES[kind],
            "year": CollectionYear(year),
            "issue": issue,
            "worker": worker,
            "message": sentence(issue.run.rules.get(issue.rule_code, {}).get("message", "")),
            "record": record(issue.table, issue.values) if issue.table else "",
        },
    )


@signed_in
def my_fixes(request):
    """The corrections analysts have asked of me, open first."""
    requests = (
        FixRequest.objects.filter(worker=request.user)
        .select_related("person", "requested_by")
        .order_by("closed_at", "due_on", "pk")[:200]
    )
    return render(request, "returns/my_fixes.html", {"requests": requests, "titles": TITLES})


@signed_in
@require_POST
def fix_done(request, pk):
    fix = get_object_or_404(FixRequest, pk=pk, worker=request.user, closed_at__isnull=True)
    fix.closed_at, fix.closed_how = timezone.now(), "done"
    fix.save(update_fields=["closed_at", "closed_how"])
    messages.success(request, "Marked as corrected. The analyst sees it when the return is next checked.")
    return redirect("returns:my_fixes")


@returns_page
def download(request, kind, year):
    builder, collection = _return(kind, year)
    builder = _Listed(builder)
    work = Path(tempfile.mkdtemp(prefix="thrive-return-"))
    name = file_name(builder, collection)
    try:
        export(builder, collection, work / name, user=request.user)
    except ExportBlocked as blocked:
        shutil.rmtree(work, ignore_errors=True)
        messages.error(
            request,
            f"The return was not produced: {len(blocked.issues)} error(s) need correcting or a "
            "recorded reason.",
        )
        return redirect("returns:issues", kind=kind, year=year)
    except (ValueError, ValidatorsMissing, ValidatorFailed) as error:
        shutil.rmtree(work, ignore_errors=True)
        messages.error(request, str(error))
        return redirect("returns:issues", kind=kind, year=year)
    if kind == "cin":
        data = (work / name).read_bytes()
        shutil.rmtree(work, ignore_errors=True)
        response = HttpResponse(data, content_type="application/xml")
    else:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted((work / name).iterdir()):
                archive.write(path, path.name)
        shutil.rmtree(work, ignore_errors=True)
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
        name += ".zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    disclose(
        request, DisclosureKind.EXPORT, builder.person_ids, what=f"{TITLES[kind]} {collection}", filename=name
    )
    return response


@returns_page
def annex_a_download(request):
    try:
        as_at = limits.within_dates(datetime.date.fromisoformat(request.GET.get("as_at", "")))
    except ValueError:
        messages.error(
            request,
            f"Enter the as-at date as YYYY-MM-DD, from {limits.EARLIEST_DATE.year} to "
            f"{limits.LATEST_DATE.year}.",
        )
        return redirect("returns:index")
    buffer, listed = io.BytesIO(), []
    annex_a.write(buffer, as_at, listed=listed)
    buffer.seek(0)
    name = f"annex_a_{as_at.isoformat()}.xlsx"
    disclose(
        request, DisclosureKind.EXPORT, listed, what=f"Ofsted Annex A as at {as_at:%-d %B %Y}", filename=name
    )
    return FileResponse(buffer, as_attachment=True, filename=name)
