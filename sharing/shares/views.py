"""Pages for sharing a child's record with a partner agency: the child's shares, and a manager's making,
reviewing and ending of one (through the write gate: Work.SHARING, managers with their own relationship
with the child). These are the council's own records: a partner never sees them."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from access.basis import Work
from access.models import Share
from access.parts import ALWAYS_SHARED, Part, labels
from people.access_views import casework_read, casework_write, child_read, child_write
from people.casework import posted, save_form

from . import services
from .forms import EndForm, ReviewForm, ShareForm, part_values

HISTORY_SHOWN = (
    "legal_basis",
    "parts",
    "purpose",
    "start_date",
    "review_date",
    "reviewed_on",
    "end_date",
    "end_reason",
)


def _parts(share) -> str:
    return labels(share.part_set)


@child_read(part=Part.COUNCIL_ONLY)
def shares(request, child):
    found = Share.objects.filter(person_id__in=child.ids).select_related("agency")
    found = found.order_by("-start_date", "-pk")
    today = timezone.localdate()
    return render(
        request,
        "sharing/shares.html",
        {
            "person": child.person,
            "may_share": child.may(Work.SHARING),
            "current": [(s, _parts(s)) for s in found if s.is_active(today) or s.start_date > today],
            "ended": [(s, _parts(s)) for s in found if s.end_date is not None and s.end_date < today],
        },
    )


@child_write(Work.SHARING)
def new_share(request, child):
    form = ShareForm(posted(request))

    def save(form):
        data = form.cleaned_data
        share = services.create(
            child.person,
            data["agency"],
            legal_basis=data["legal_basis"],
            parts=data["parts"],
            purpose=data["purpose"],
            start_date=data["start_date"],
            review_date=data["review_date"],
            by=request.user,
        )
        return reverse("sharing:share", args=[share.pk])

    return save_form(
        request,
        form,
        save,
        success="The record is shared. The agency sees only the parts you chose.",
        template="sharing/share_form.html",
        person=child.person,
        title="Share this record",
        back_url=reverse("sharing:shares", args=[child.person.pk]),
        button="Share",
        options=form.options(),
        always=labels(ALWAYS_SHARED),
    )


@casework_read(Share, part=Part.COUNCIL_ONLY)
def share(request, share, child):
    """The share, what it covers, and every version of it (who made, reviewed or ended it, and why)."""
    return render(
        request,
        "sharing/share.html",
        {
            "person": child.person,
            "share": share,
            "parts": _parts(share),
            "active": share.is_active(),
            "may_change": child.may(Work.SHARING) and share.end_date is None,
            "history": _history(share),
        },
    )


def _history(share) -> list[dict]:
    versions = list(share.history.select_related("history_user").order_by("history_date", "history_id"))
    rows, previous = [], None
    for version in versions:
        changed = [
            name
            for name in HISTORY_SHOWN
            if previous is None or getattr(previous, name) != getattr(version, name)
        ]
        rows.append(
            {
                "at": version.history_date,
                "who": version.history_user,
                "what": version.history_change_reason or version.get_history_type_display(),
                "scope": labels(Share(parts=version.parts).part_set) if "parts" in changed else "",
                "review_date": version.review_date if "review_date" in changed else None,
            }
        )
        previous = version
    return rows[::-1]


@casework_write(Share, Work.SHARING)
def review_share(request, share, child):
    form = ReviewForm(
        posted(request),
        initial={
            "parts": part_values(share.parts),
            "review_date": services.latest_review_date(timezone.localdate()),
        },
    )

    def save(form):
        data = form.cleaned_data
        services.review(
            share,
            on=timezone.localdate(),
            parts=data["parts"],
            next_review=data["review_date"],
            note=data["note"],
            by=request.user,
        )
        return reverse("sharing:share", args=[share.pk])

    return save_form(
        request,
        form,
        save,
        success="The share is reviewed.",
        template="sharing/share_form.html",
        person=child.person,
        title=f"Review the share with {share.agency}",
        editing=share,
        back_url=reverse("sharing:share", args=[share.pk]),
        button="Save the review",
        options=form.options(),
        always=labels(ALWAYS_SHARED),
        facts=[
            ("Lawful basis", share.get_legal_basis_display()),
            ("Purpose", share.purpose),
            ("Shared since", f"{share.start_date:%-d %B %Y}"),
        ],
    )


@casework_write(Share, Work.SHARING)
def end_share(request, share, child):
    form = EndForm(posted(request))

    def save(form):
        services.end(
            share, stop_on=form.cleaned_data["stop_on"], reason=form.cleaned_data["reason"], by=request.user
        )
        return reverse("sharing:share", args=[share.pk])

    return save_form(
        request,
        form,
        save,
        success="The share is ended.",
        person=child.person,
        editing=share,
        title=f"Stop sharing with {share.agency}",
        button="Stop sharing",
        back_url=reverse("sharing:share", args=[share.pk]),
        facts=[("Lawful basis", share.get_legal_basis_display()), ("Parts shared", _parts(share))],
    )
