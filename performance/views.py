"""Pages: the dashboard, an indicator, the indicator list, uploading figures, published dashboards."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from access.models import Role

from . import benchmarks, charts, consistency, importer, periods, registry
from . import dashboard as dashboards
from .forms import FiguresUploadForm
from .models import IndicatorValue, PublishedDashboard, PublishedRow
from .tables import TableError

ERRORS_SHOWN = 100
LOADER_ROLES = {Role.ANALYST, Role.ADMINISTRATOR}


def can_load_figures(user) -> bool:
    """Performance analysts and administrators load figures; everyone signed in can read them."""
    return user.is_superuser or user.role in LOADER_ROLES or user.has_perm("performance.add_indicatorvalue")


@login_required
def dashboard(request):
    choices = dashboards.quarters_held()
    wanted = request.GET.get("period", "")
    period = next((p for p in choices if p.label == wanted), choices[0] if choices else None)
    filters = {key: request.GET.get(key, "").strip() for key in ("outcome", "area", "q")}
    board = dashboards.build(period, filters["outcome"], filters["area"], filters["q"]) if period else None
    return render(request, "performance/dashboard.html", {
        "board": board, "choices": choices, "filters": filters, "can_load": can_load_figures(request.user),
        "published": PublishedDashboard.objects.filter(period_label=period.label).first() if period else None,
    })


@login_required
def indicator_list(request):
    indicators = registry.all_indicators()
    held = set(IndicatorValue.objects.values_list("indicator_code", flat=True).distinct())
    rows = [{"indicator": i, "status": registry.status(i), "held": i.code in held} for i in indicators]
    return render(request, "performance/indicator_list.html", {"rows": rows})


@login_required
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
    return render(request, "performance/indicator_detail.html", {
        "indicator": indicator, "status": registry.status(indicator), "history": list(reversed(history)),
        "latest": latest, "chart": charts.trend(indicator, history, indicator.target), "benchmark": benchmark,
        "printed": sorted(
            PublishedRow.objects.filter(indicator_code=code).select_related("dashboard"),
            key=lambda row: periods.parse(row.dashboard.period_label).end, reverse=True,
        ),
    })


@login_required
def upload(request):
    if not can_load_figures(request.user):
        raise PermissionDenied("Only performance analysts and administrators can load figures.")
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
    return render(request, "performance/upload.html", {
        "form": form, "row_errors": row_errors[:ERRORS_SHOWN], "more_errors": max(len(row_errors) - ERRORS_SHOWN, 0),
        "columns": importer.REQUIRED + importer.OPTIONAL,
    })


@login_required
def published_list(request):
    return render(request, "performance/published_list.html", {
        "dashboards": PublishedDashboard.objects.order_by("-loaded_at"),
    })


@login_required
def published_detail(request, pk):
    published = get_object_or_404(PublishedDashboard, pk=pk)
    checked = consistency.check(published)
    return render(request, "performance/published_detail.html", {
        "published": published, "checked": checked,
        "findings": sorted((f for c in checked for f in c.findings), key=lambda f: f.position),
        "printed_summary": consistency.printed_summary(checked),
        "computed_summary": consistency.computed_summary(checked),
        "hide_printed_dot": not any(c.row.trend for c in checked),
    })
