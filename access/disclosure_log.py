"""The data protection officer's log of disclosures to partner agencies: searched by child and by agency,
and exported (CSV or PDF) for a subject access request.

These pages name children, so each is logged in turn: a search as a list naming the children it found, a
child's page as an audit review of their record, an export as a download naming the child.
"""

import csv
import datetime
import io
from collections.abc import Iterable

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import capfirst

from people.merging import merged_ids, survivor_of
from people.models import Person
from thrive.forms import DateField, GovukForm

from .audit import disclose, log_access
from .classes import manager_page
from .models import Action, Agency, AgencyKind, DisclosureKind, Role, User
from .requests import SignedInRequest
from .shares import DisclosureChannel, PartnerDisclosure

PER_PAGE = 100
REFUSAL = "The disclosure log is for the data protection officer."
COLUMNS = (
    "When",
    "Agency",
    "Child",
    "Council ID",
    "How",
    "What",
    "Parts of the record",
    "Lawful basis",
    "Share",
    "Seen by",
)


def is_dpo(user: User) -> bool:
    return user.role == Role.DATA_PROTECTION_OFFICER


dpo_page = manager_page(is_dpo, REFUSAL)


class SearchForm(GovukForm):
    child = forms.CharField(
        label="Child", required=False, max_length=20, help_text="Their council ID or NHS number"
    )
    agency = forms.ModelChoiceField(
        label="Agency", required=False, queryset=Agency.objects.exclude(kind=AgencyKind.LOCAL_AUTHORITY)
    )
    channel = forms.ChoiceField(
        label="How", required=False, choices=[("", "Any way"), *DisclosureChannel.choices]
    )
    since = DateField(label="From", required=False)
    until = DateField(label="To", required=False)

    def person(self) -> Person | None:
        """The child searched for (the kept record), or None; a form error if there is no such child."""
        wanted = "".join(self.cleaned_data.get("child", "").split())
        if not wanted:
            return None
        found = Person.objects.filter(Q(la_id=wanted) | Q(nhs_number=wanted)).first()
        if found is None:
            self.add_error("child", "There is no child with this council ID or NHS number")
            return None
        return survivor_of(found) if found.merged_into_id else found


def _rows() -> QuerySet[PartnerDisclosure]:
    found = PartnerDisclosure.objects.select_related("agency", "person", "share", "user")
    return found.order_by("-at", "-pk")


def _filtered(form: SearchForm) -> tuple[QuerySet[PartnerDisclosure] | None, Person | None]:
    """(disclosures, the child searched for) by the form's filters; None when the form has errors."""
    rows = _rows()
    if not form.is_valid():
        return None, None
    person = form.person()
    if form.errors:
        return None, None
    data = form.cleaned_data
    if person is not None:
        rows = rows.filter(person_id__in=merged_ids(person))
    if data.get("agency"):
        rows = rows.filter(agency=data["agency"])
    if data.get("channel"):
        rows = rows.filter(channel=data["channel"])
    if data.get("since"):
        rows = rows.filter(at__date__gte=data["since"])
    if data.get("until"):
        rows = rows.filter(at__date__lte=data["until"])
    return rows, person


def _terms(form: SearchForm) -> str:
    data = getattr(form, "cleaned_data", {})
    names = ("child", "agency", "channel", "since", "until")
    return "; ".join(f"{name} {data[name]}" for name in names if data.get(name))


@dpo_page
def search(request: SignedInRequest) -> HttpResponse:
    """Disclosures to partners, newest first, by child, agency, channel and dates."""
    form = SearchForm(request.GET if request.GET else None)
    rows, person = _filtered(form) if form.is_bound else (_rows(), None)
    page = Paginator(rows if rows is not None else PartnerDisclosure.objects.none(), PER_PAGE).get_page(
        request.GET.get("page")
    )
    named = [row.person_id for row in page.object_list]
    if named:
        disclose(
            request,
            DisclosureKind.LIST,
            named,
            what="Disclosure log: disclosures to partner agencies",
            terms=_terms(form),
            count=page.paginator.count,
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "access/disclosures.html",
        {
            "form": form,
            "page": page,
            "person": person,
            "query": query.urlencode(),
        },
    )


@dpo_page
def child(request: SignedInRequest, pk: int) -> HttpResponse:
    """Every disclosure about a child (and records merged into them) to any agency, with the exports."""
    kept = survivor_of(get_object_or_404(Person, pk=pk))
    if kept.pk != int(pk):
        return redirect("access:disclosures_child", kept.pk)
    rows = _rows().filter(person_id__in=merged_ids(kept))
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    response = render(request, "access/disclosures_child.html", {"person": kept, "page": page})
    log_access(
        request, [kept], allowed=True, text="disclosure log review of the child's record", action=Action.AUDIT
    )
    return response


@dpo_page
def export(request: SignedInRequest, pk: int, fmt: str) -> HttpResponse:
    """A child's disclosures to partner agencies, for a subject access request: CSV or PDF (the export itself
    logged as a download naming the child)."""
    kept = survivor_of(get_object_or_404(Person, pk=pk))
    if fmt not in ("csv", "pdf"):
        return redirect("access:disclosures_child", kept.pk)
    rows = list(_rows().filter(person_id__in=merged_ids(kept)).order_by("at", "pk"))
    stamp = timezone.localtime()
    filename = f"disclosures-{kept.la_id}-{stamp:%Y%m%d}.{fmt}"
    if fmt == "csv":
        body, content_type = _csv(rows), "text/csv; charset=utf-8"
    else:
        body, content_type = _pdf(kept, rows, stamp, request.user), "application/pdf"
    disclose(
        request,
        DisclosureKind.EXPORT,
        [kept.pk],
        what="Disclosures to partner agencies, for a subject access request",
        filename=filename,
    )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _values(row: PartnerDisclosure) -> list[str]:
    seen_by = str(row.user) if row.user_id else row.client
    share = f"{row.share.purpose} (from {row.share.start_date:%-d %B %Y})" if row.share_id else "No share"  # type: ignore[union-attr]
    return [
        timezone.localtime(row.at).strftime("%Y-%m-%d %H:%M"),
        row.agency.name,
        row.person.full_name,
        row.person.la_id,
        row.get_channel_display(),
        row.what,
        capfirst(row.part_labels),
        row.get_legal_basis_display(),
        share,
        seen_by,
    ]


def _csv(rows: Iterable[PartnerDisclosure]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_safe(value) for value in _values(row)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the byte-order mark makes Excel read UTF-8


def _safe(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _pdf(person: Person, rows: Iterable[PartnerDisclosure], stamp: datetime.datetime, user: User) -> bytes:
    import weasyprint  # imported when needed: it loads Pango and fonts

    html = render_to_string(
        "access/disclosures_export.html",
        {
            "person": person,
            "rows": [_values(row) for row in rows],
            "columns": COLUMNS,
            "at": stamp,
            "user": user,
        },
    )
    pdf: bytes = weasyprint.HTML(string=html).write_pdf()
    return pdf
