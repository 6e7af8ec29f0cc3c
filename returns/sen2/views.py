"""The SEN2 page: the issues for a census year, and the download, offered only when there are none.

For analysts and administrators, as the other returns; each download is audited (education.ReturnExport).
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from access.models import Role
from council.models import LocalAuthority

from .extract import build, reference_date
from .validate import validate

RETURN_ROLES = {Role.ANALYST, Role.ADMINISTRATOR}


def _allowed(user):
    if not (user.is_superuser or user.role in RETURN_ROLES):
        raise PermissionDenied("Statutory returns are for performance analysts and administrators.")


def _la_code() -> str:
    council = LocalAuthority.objects.first()
    return council.dfe_code if council else "999"


def _year(request) -> int:
    today = timezone.localdate()
    try:
        return int(request.GET.get("year") or (today.year if today.month >= 2 else today.year))
    except ValueError:
        return today.year


@login_required
def index(request):
    """Read-only: builds and checks the return, names the issues."""
    _allowed(request.user)
    year = _year(request)
    built = build(year, _la_code())
    issues = validate(built.xml, built.children)
    return render(
        request,
        "sen2/index.html",
        {"year": year, "reference": reference_date(year), "issues": issues, "children": len(built.children)},
    )


@login_required
def download(request):
    """An export of child-level data: only a clean return, and audited."""
    from education.models import ReturnExport

    _allowed(request.user)
    year = _year(request)
    built = build(year, _la_code())
    issues = validate(built.xml, built.children)
    if issues:
        return render(
            request,
            "sen2/index.html",
            {
                "year": year,
                "reference": reference_date(year),
                "issues": issues,
                "children": len(built.children),
                "blocked": True,
            },
            status=409,
        )
    ReturnExport.objects.create(
        user=request.user, return_name="SEN2", year=year, children=len(built.children)
    )
    response = HttpResponse(built.xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="SEN2_{year}_{_la_code()}.xml"'
    return response
