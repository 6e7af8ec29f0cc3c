"""Pages for analysts: each return's issues (errors and queries, with the child and a link to the record),
overriding errors with a reason, and downloading the returns and Annex A."""
import datetime
import io
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from access.audit import disclose
from access.classes import analyst_page
from access.models import DisclosureKind
from thrive import limits

from . import annex_a, cin, ssda903
from .exporting import ExportBlocked, export, validate_only
from .validation.run import blocking, record_overrides
from .years import FIRST_YEAR, LATEST_YEAR, CollectionYear, current_year

RETURNS = {"cin": cin, "ssda903": ssda903}
TITLES = {"cin": "Children in need census", "ssda903": "SSDA903: children looked after"}
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
        raise Http404("Thrive does not produce that year's return")


@returns_page
def index(request):
    return render(request, "returns/index.html", {
        "years": list(range(LATEST_YEAR, FIRST_YEAR - 1, -1)), "current": current_year(), "titles": TITLES,
        "as_at": datetime.date(current_year(), 3, 31)})


@returns_page
def issues(request, kind, year):
    builder, collection = _return(kind, year)
    outcome = validate_only(builder, collection)
    named = [issue.person_id for issue in outcome.issues if issue.person_id]
    if named:  # the issues name the children
        disclose(request, DisclosureKind.LIST, named, what=f"{TITLES[kind]} {collection}: errors and queries")
    return render(request, "returns/issues.html", {
        "kind": kind, "title": TITLES[kind], "year": collection, "outcome": outcome,
        "errors": [i for i in outcome.issues if i.rule.is_error], "queries": [i for i in outcome.issues if not i.rule.is_error],
        "blocking": blocking(outcome.issues)})


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
    outcome = validate_only(builder, collection)
    made = record_overrides(outcome.issues, builder.kind, collection.year, reason, request.user)
    messages.success(request, f"Reason recorded against {made} error(s).")
    return redirect("returns:issues", kind=kind, year=year)


@returns_page
def download(request, kind, year):
    builder, collection = _return(kind, year)
    builder = _Listed(builder)
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
    disclose(request, DisclosureKind.EXPORT, builder.person_ids, what=f"{TITLES[kind]} {collection}",
             filename=name)
    return response


@returns_page
def annex_a_download(request):
    try:
        as_at = limits.within_dates(datetime.date.fromisoformat(request.GET.get("as_at", "")))
    except ValueError:
        messages.error(request, f"Enter the as-at date as YYYY-MM-DD, from {limits.EARLIEST_DATE.year} to "
                                f"{limits.LATEST_DATE.year}.")
        return redirect("returns:index")
    buffer, listed = io.BytesIO(), []
    annex_a.write(buffer, as_at, listed=listed)
    buffer.seek(0)
    name = f"annex_a_{as_at.isoformat()}.xlsx"
    disclose(request, DisclosureKind.EXPORT, listed, what=f"Ofsted Annex A as at {as_at:%-d %B %Y}",
             filename=name)
    return FileResponse(buffer, as_attachment=True, filename=name)
