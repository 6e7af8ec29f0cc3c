"""Pages for analysts: each return's issues (errors and queries, with the child and a link to the record),
overriding errors with a reason, and downloading the returns and Annex A."""
import datetime
import io
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from access.models import Role
from thrive import limits

from . import annex_a, cin, ssda903
from .exporting import ExportBlocked, export, validate_only
from .validation.run import blocking, record_overrides
from .years import FIRST_YEAR, LATEST_YEAR, CollectionYear, current_year

RETURNS = {"cin": cin, "ssda903": ssda903}
TITLES = {"cin": "Children in need census", "ssda903": "SSDA903: children looked after"}
RETURN_ROLES = {Role.ANALYST, Role.ADMINISTRATOR}


def _allowed(request):
    user = request.user
    if not (user.is_superuser or user.role in RETURN_ROLES):
        raise PermissionDenied("Statutory returns are for performance analysts and administrators.")


def _return(kind, year):
    if kind not in RETURNS:
        raise Http404("No such return")
    try:
        return RETURNS[kind], CollectionYear(year)
    except ValueError:
        raise Http404("Thrive does not produce that year's return")


@login_required
def index(request):
    _allowed(request)
    return render(request, "returns/index.html", {
        "years": list(range(LATEST_YEAR, FIRST_YEAR - 1, -1)), "current": current_year(), "titles": TITLES,
        "as_at": datetime.date(current_year(), 3, 31)})


@login_required
def issues(request, kind, year):
    _allowed(request)
    builder, collection = _return(kind, year)
    outcome = validate_only(builder, collection)
    return render(request, "returns/issues.html", {
        "kind": kind, "title": TITLES[kind], "year": collection, "outcome": outcome,
        "errors": [i for i in outcome.issues if i.rule.is_error], "queries": [i for i in outcome.issues if not i.rule.is_error],
        "blocking": blocking(outcome.issues)})


@login_required
@require_POST
def override(request, kind, year):
    _allowed(request)
    builder, collection = _return(kind, year)
    reason = limits.plain_text(request.POST.get("reason", ""))
    if not reason:
        messages.error(request, "Enter the reason the return is sent with these errors.")
        return redirect("returns:issues", kind=kind, year=year)
    if len(reason) > limits.LONG_TEXT:
        messages.error(request, f"Reason must be {limits.LONG_TEXT:,} characters or fewer.")
        return redirect("returns:issues", kind=kind, year=year)
    outcome = validate_only(builder, collection)
    made = record_overrides(outcome.issues, builder.kind, collection.year, reason, request.user)
    messages.success(request, f"Reason recorded against {made} error(s).")
    return redirect("returns:issues", kind=kind, year=year)


@login_required
def download(request, kind, year):
    _allowed(request)
    builder, collection = _return(kind, year)
    work = Path(tempfile.mkdtemp(prefix="thrive-return-"))
    try:
        name = f"{kind}_{collection.year}" + (".xml" if kind == "cin" else "")
        export(builder, collection, work / name)
    except ExportBlocked as blocked:
        shutil.rmtree(work, ignore_errors=True)
        messages.error(request, f"The return was not produced: {len(blocked.issues)} error(s) need correcting or a "
                                "recorded reason.")
        return redirect("returns:issues", kind=kind, year=year)
    except ValueError as error:
        shutil.rmtree(work, ignore_errors=True)
        messages.error(request, str(error))
        return redirect("returns:index")
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
    return response


@login_required
def annex_a_download(request):
    _allowed(request)
    try:
        as_at = limits.within_dates(datetime.date.fromisoformat(request.GET.get("as_at", "")))
    except ValueError:
        messages.error(request, f"Enter the as-at date as YYYY-MM-DD, from {limits.EARLIEST_DATE.year} to "
                                f"{limits.LATEST_DATE.year}.")
        return redirect("returns:index")
    buffer = io.BytesIO()
    annex_a.write(buffer, as_at)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=f"annex_a_{as_at.isoformat()}.xlsx")
