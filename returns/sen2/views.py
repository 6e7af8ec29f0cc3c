"""The SEN2 page: the issues for a census year, and the download, offered only when there are none.

For analysts and administrators, as the other returns (`returns.views.returns_page`, each refusal audited);
the issues page logs the children its issues name, and each download every child in the file
(access.audit.disclose), as the CIN census and SSDA903 do.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from access.audit import disclose
from access.models import DisclosureKind
from council.models import LocalAuthority

from ..views import returns_page
from .extract import build, reference_date
from .validate import validate


def _la_code() -> str:
    council = LocalAuthority.objects.first()
    return council.dfe_code if council else "999"


def _year(request) -> int:
    today = timezone.localdate()
    try:
        return int(request.GET.get("year") or today.year)
    except ValueError:
        return today.year


def _issues_page(request, year, built, issues, **context):
    named = [issue.person_id for issue in issues if issue.person_id]
    if named:
        disclose(request, DisclosureKind.LIST, named, what=f"SEN2 {year}: issues")
    return render(
        request,
        "sen2/index.html",
        {
            "year": year,
            "reference": reference_date(year),
            "issues": issues,
            "children": len(built.children),
            **context,
        },
        status=409 if context.get("blocked") else 200,
    )


@returns_page
def index(request):
    """Read-only: builds and checks the return, names the issues."""
    year = _year(request)
    built = build(year, _la_code())
    return _issues_page(request, year, built, validate(built.xml, built.children))


@returns_page
def download(request):
    """An export of child-level data: only a clean return, and every child in it logged."""
    year = _year(request)
    built = build(year, _la_code())
    issues = validate(built.xml, built.children)
    if issues:
        return _issues_page(request, year, built, issues, blocked=True)
    name = f"SEN2_{year}_{_la_code()}.xml"
    response = HttpResponse(built.xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    disclose(
        request,
        DisclosureKind.EXPORT,
        [pk for _, _, pk in built.children.values()],
        what=f"SEN2 {year}: EHC needs assessments and plans",
        filename=name,
    )
    return response
