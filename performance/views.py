"""Pages: the dashboard, an indicator and the children behind it, the indicator list, uploading figures,
published dashboards, the quarterly report and its snapshots."""

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from access.audit import disclose
from access.classes import AccessClass, page, signed_in
from access.models import DisclosureKind, Role
from thrive import limits

from . import (
    benchmarks,
    charts,
    computed,
    consistency,
    drilldown,
    exports,
    importer,
    periods,
    registry,
    snapshots,
)
from . import dashboard as dashboards
from . import report as reports
from .forms import ComputeForm, FiguresUploadForm
from .models import FigureCases, IndicatorValue, Origin, PublishedDashboard, PublishedRow, Snapshot
from .tables import TableError

ERRORS_SHOWN = 100
CHILDREN_PER_PAGE = 100
LOADER_ROLES = {Role.ANALYST, Role.ADMINISTRATOR}


def can_load_figures(user) -> bool:
    """Performance analysts and administrators load figures; everyone signed in can read them."""
    return user.is_superuser or user.role in LOADER_ROLES or user.has_perm("performance.add_indicatorvalue")


analyst_page = page(
    AccessClass.ANALYST,
    can_load_figures,
    "Only performance analysts and administrators can load or compute figures.",
)


def _chosen_quarter(request, choices):
    """The quarter asked for, else the latest one held; None when no figures are held."""
    wanted = request.GET.get("period", "")
    return next((p for p in choices if p.label == wanted), choices[0] if choices else None)


@signed_in
def dashboard(request):
    choices = dashboards.quarters_held()
    period = _chosen_quarter(request, choices)
    filters = {key: request.GET.get(key, "").strip() for key in ("outcome", "area", "q")}
    board = dashboards.build(period, filters["outcome"], filters["area"], filters["q"]) if period else None
    can_load = can_load_figures(request.user)
    return render(
        request,
        "performance/dashboard.html",
        {
            "board": board,
            "choices": choices,
            "filters": filters,
            "can_load": can_load,
            "compute_form": ComputeForm(today=timezone.localdate()) if can_load else None,
            "published": PublishedDashboard.objects.filter(period_label=period.label).first()
            if period
            else None,
        },
    )


@signed_in
def indicator_list(request):
    indicators = registry.all_indicators()
    held = set(IndicatorValue.objects.values_list("indicator_code", flat=True).distinct())
    rows = [{"indicator": i, "status": registry.status(i), "held": i.code in held} for i in indicators]
    return render(request, "performance/indicator_list.html", {"rows": rows})


@signed_in
def indicator_detail(request, code):
    try:
        indicator = registry.get(code)
    except KeyError:
        raise Http404("No such indicator") from None
    history = list(IndicatorValue.objects.filter(indicator_code=code).order_by("period_end", "period_start"))
    latest = history[-1] if history else None
    benchmark = None
    if latest:
        benchmark = benchmarks.benchmarks_for([(indicator, latest.value, latest.period_end)]).get(code)
    chosen = next((f for f in history if f.period_label == request.GET.get("period")), latest)
    children = page = None
    held = (
        FigureCases.objects.filter(figure=chosen, figure__origin=Origin.COMPUTED).first() if chosen else None
    )
    if held:
        children = drilldown.for_user(held.as_cases(), request.user)
        page = Paginator(children.children, CHILDREN_PER_PAGE).get_page(request.GET.get("page"))
        if page.object_list:  # the page names these children
            disclose(
                request,
                DisclosureKind.LIST,
                [child.person_id for child in page.object_list],
                what=f"Children behind {indicator.code} {chosen.period_label}, page {page.number}",
            )
    return render(
        request,
        "performance/indicator_detail.html",
        {
            "indicator": indicator,
            "status": registry.status(indicator),
            "history": list(reversed(history)),
            "latest": latest,
            "chart": charts.trend(
                indicator,
                history,
                indicator.target,
                *benchmarks.averages_beside(indicator, [f.period_end for f in history]),
            ),
            "benchmark": benchmark,
            "printed": sorted(
                PublishedRow.objects.filter(indicator_code=code).select_related("dashboard"),
                key=lambda row: periods.parse(row.dashboard.period_label).end,
                reverse=True,
            ),
            "chosen": chosen,
            "children": children,
            "page": page,
        },
    )


@analyst_page
def upload(request):
    form = FiguresUploadForm(request.POST, request.FILES) if request.method == "POST" else FiguresUploadForm()
    row_errors = []
    if form.is_bound and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            result = importer.import_file(upload_file.read(), upload_file.name, request.user)
        except TableError as error:
            row_errors = error.errors
        else:
            messages.success(request, f"{upload_file.name}: {result}.")
            return redirect("performance:dashboard")
    return render(
        request,
        "performance/upload.html",
        {
            "form": form,
            "row_errors": row_errors[:ERRORS_SHOWN],
            "more_errors": max(len(row_errors) - ERRORS_SHOWN, 0),
            "columns": importer.REQUIRED + importer.OPTIONAL,
        },
    )


@analyst_page
@require_http_methods(["POST"])
def compute(request):
    """Compute every computable indicator for a quarter from the case records, filing each figure."""
    form = ComputeForm(request.POST, today=timezone.localdate())
    if not form.is_valid():
        messages.error(request, form.errors["period"][0])
        return redirect("performance:dashboard")
    quarter = form.cleaned_data["period"]
    filed, waiting = computed.compute_all(quarter, request.user)
    note = f" {len(waiting)} indicators have no computation yet." if waiting else ""
    messages.success(request, f"{quarter.label}: {len(filed)} figures computed from the case records.{note}")
    return redirect(f"{reverse('performance:dashboard')}?period={quote(quarter.label)}")


@signed_in
def published_list(request):
    return render(
        request,
        "performance/published_list.html",
        {
            "dashboards": PublishedDashboard.objects.order_by("-loaded_at"),
        },
    )


@signed_in
def published_detail(request, pk):
    published = get_object_or_404(PublishedDashboard, pk=pk)
    checked = consistency.check(published)
    return render(
        request,
        "performance/published_detail.html",
        {
            "published": published,
            "checked": checked,
            "findings": sorted((f for c in checked for f in c.findings), key=lambda f: f.position),
            "printed_summary": consistency.printed_summary(checked),
            "computed_summary": consistency.computed_summary(checked),
            "hide_printed_dot": not any(c.row.trend for c in checked),
        },
    )


@signed_in
def report(request):
    """The quarterly report as a page, or as a file with ?format=; a frozen one with ?snapshot=."""
    choices = []
    if "snapshot" in request.GET:
        if not request.GET["snapshot"].isdigit():
            raise Http404("No such snapshot")
        built = snapshots.report(get_object_or_404(Snapshot, pk=request.GET["snapshot"]))
    else:
        choices = dashboards.quarters_held()
        period = _chosen_quarter(request, choices)
        if period is None:
            return render(
                request,
                "performance/dashboard.html",
                {"board": None, "can_load": can_load_figures(request.user)},
            )
        built = reports.build(period)
    wanted = request.GET.get("format")
    if wanted:
        if wanted not in exports.FORMATS:
            raise Http404("No such format")
        export = exports.FORMATS[wanted]
        response = HttpResponse(export.render(built), content_type=export.content_type)
        if wanted == "html":
            response._csp_update = {"style-src": exports.style_hashes(response.content)}  # django-csp
        else:
            response["Content-Disposition"] = f'attachment; filename="{exports.filename(built, wanted)}"'
        return response
    return render(
        request,
        "performance/report.html",
        {
            "report": built,
            "choices": choices,
            "formats": list(exports.FORMATS),
            "can_freeze": can_load_figures(request.user),
        },
    )


@signed_in
@require_http_methods(["GET", "POST"])
def snapshot_list(request):
    """Reports frozen as reported; analysts freeze a quarter's report here."""
    if request.method == "POST":
        if not can_load_figures(request.user):
            raise PermissionDenied("Only performance analysts and administrators can freeze a report.")
        try:
            period = periods.parse(request.POST.get("period", ""))
        except periods.PeriodError:
            period = None
        if period is None or period.kind != "quarter":
            return HttpResponseBadRequest("Freeze a quarter's report, e.g. Q4 2024/25.")
        snapshot = snapshots.freeze(
            period, request.user, limits.plain_text(request.POST.get("note", ""))[:300]
        )
        messages.success(request, f"The {period.label} report is frozen as reported.")
        return redirect("performance:snapshot", snapshot.pk)
    return render(
        request,
        "performance/snapshot_list.html",
        {
            "snapshots": Snapshot.objects.select_related("frozen_by"),
        },
    )


@signed_in
def snapshot_detail(request, pk):
    """What the committee saw, against the figures the records give now, and why they differ."""
    snapshot = get_object_or_404(Snapshot.objects.select_related("frozen_by"), pk=pk)
    found = snapshots.changes(snapshot)
    moved = [
        {
            "change": change,
            "lists": [
                (title, drilldown.for_user(cases, request.user))
                for title, cases in (
                    ("Added to the denominator", change.added),
                    ("Removed from the denominator", change.removed),
                    ("Moved into the numerator", change.into_numerator),
                    ("Moved out of the numerator", change.out_of_numerator),
                )
                if cases
            ],
        }
        for change in found
        if change.changed
    ]
    named = [
        child.person_id for change in moved for _, listed in change["lists"] for child in listed.children
    ]
    if named:
        disclose(
            request,
            DisclosureKind.LIST,
            named,
            what=f"Changes to the {snapshot.period_label} report since it was frozen",
        )
    return render(
        request,
        "performance/snapshot_detail.html",
        {
            "snapshot": snapshot,
            "moved": moved,
            "unchanged": [c for c in found if not c.changed],
        },
    )
