"""The front door's queue of partner records to match, and managers' worklist of possible duplicate people.

Both pages show identity only (what Find a child shows), and every child shown is written to the
audit log before the page is sent. A worker accepts a candidate, records a new child, marks the record
as about no child the council knows, or (a manager) merges two candidates who are one child, through
the same merge as the record page, logged and undoable.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from access.audit import record_view
from access.models import TeamKind
from people.merging import merge_records, survivor_of
from people.models import Person
from people.views import manages_records

from ..partners import intake
from ..partners.models import LinkMethod, LinkStatus, PartnerRecord
from .forms import NEW_CHILD, NOT_KNOWN, CandidateMergeForm, DuplicateForm, MatchForm
from .linking import valid_nhs_number
from .models import DuplicatePair, DuplicateStatus

MATCHING = "matching a partner agency's record at the front door (identity only)"
CHECKING_DUPLICATES = "checking possible duplicate records (identity only)"
REFUSED = "refused: not a front-door worker or manager"
COMPARISON_NAMES = {
    "prior": "Starting point",
    "forename": "First name",
    "surname": "Surname",
    "dob": "Date of birth",
    "sex": "Sex",
    "address": "Address",
    "nhs_number": "NHS number",
}
QUEUE_LIMIT = 200


def matches_records(user) -> bool:
    """Front-door workers match partner records; managers and administrators may too."""
    return manages_records(user) or user.memberships.filter(team__kind=TeamKind.FRONT_DOOR).exists()


def _refuse(request, people, why: str):
    for person in people:
        record_view(request, person, None)
    raise PermissionDenied(why)


def evidence_rows(evidence: list) -> list[dict]:
    return [
        {
            "name": COMPARISON_NAMES.get(e["comparison"], e["comparison"]),
            "level": e["level"],
            "weight": e["weight"],
            "for": e["weight"] > 0,
        }
        for e in evidence
    ]


@login_required
def queue(request):
    """Records waiting for a worker, oldest first: notifications (which become contacts) before the rest."""
    if not matches_records(request.user):
        raise PermissionDenied("Only front-door workers and managers match partner records.")
    waiting = PartnerRecord.objects.filter(status=LinkStatus.REVIEW).select_related("agency")
    notifications = waiting.filter(kind__in=["domestic_abuse", "referral"]).order_by("received_at")
    others = waiting.exclude(kind__in=["domestic_abuse", "referral"]).order_by("received_at")
    return render(
        request,
        "sharing/queue.html",
        {
            "notifications": notifications[:QUEUE_LIMIT],
            "others": others[:QUEUE_LIMIT],
            "notification_count": notifications.count(),
            "other_count": others.count(),
            "awaiting": PartnerRecord.objects.filter(status=LinkStatus.AWAITING).count(),
            "can_check_duplicates": manages_records(request.user),
        },
    )


@login_required
def review(request, pk):
    record = get_object_or_404(PartnerRecord.objects.select_related("agency", "person"), pk=pk)
    candidates = list(record.candidates.select_related("person"))
    for candidate in candidates:  # a candidate merged since matching is shown as the record kept
        if candidate.person.merged_into_id:
            candidate.person = survivor_of(candidate.person)
    if not matches_records(request.user):
        _refuse(
            request,
            [c.person for c in candidates],
            "Only front-door workers and managers match partner records.",
        )
    if record.status != LinkStatus.REVIEW:
        messages.info(request, f"This record is already dealt with: {record.get_status_display().lower()}.")
        return redirect("sharing:queue")
    for candidate in candidates:
        record_view(request, candidate.person, MATCHING)
    form = MatchForm(
        request.POST if request.POST.get("action") == "match" else None, record=record, candidates=candidates
    )
    merge_form = CandidateMergeForm(
        request.POST if request.POST.get("action") == "merge" else None, candidates=candidates
    )
    if request.method == "POST" and request.POST.get("action") == "match" and form.is_valid():
        return _match(request, record, form.cleaned_data["choice"])
    if request.method == "POST" and request.POST.get("action") == "merge":
        if not manages_records(request.user):
            raise PermissionDenied("Only managers and administrators can merge records.")
        if merge_form.is_valid():
            done = _merge_candidates(request, record, merge_form)
            if done:
                return done
    return render(
        request,
        "sharing/review.html",
        {
            "record": record,
            "form": form,
            "merge_form": merge_form,
            "can_merge": manages_records(request.user),
            "candidates": [(c, evidence_rows(c.evidence)) for c in candidates],
            "error_form": form if form.errors else merge_form,
            "nhs_valid": bool(valid_nhs_number(record.nhs_number)),
        },
    )


def _match(request, record, choice):
    try:
        return _save_match(request, record, choice)
    except intake.AlreadyLinked as error:
        messages.info(request, error.messages[0])
        return redirect("sharing:queue")


def _save_match(request, record, choice):
    if choice == NEW_CHILD:
        record = intake.new_child_from(record, request.user)
        messages.success(
            request,
            f"{record.person.full_name} is recorded as a new child ({record.person.la_id}) "
            "and the record is linked to them.",
        )
    elif choice == NOT_KNOWN:
        intake.not_known(record, request.user)
        messages.success(request, "The record is marked as about no child known to the council.")
    else:
        person = survivor_of(get_object_or_404(Person, pk=int(choice)))
        intake.link(record, person, LinkMethod.WORKER, user=request.user)
        messages.success(request, f"The record is linked to {person.full_name} ({person.la_id}).")
    if record.contact_id:
        messages.info(
            request,
            "It is now a contact at the front door: its decision is due within 1 working day "
            "of when it was received.",
        )
    return redirect("sharing:queue")


def _merge_candidates(request, record, form):
    keep = Person.objects.get(pk=int(form.cleaned_data["keep"]))
    duplicate = Person.objects.get(pk=int(form.cleaned_data["duplicate"]))
    try:
        with transaction.atomic():
            merge_records(keep, duplicate, request.user, form.cleaned_data["reason"])
            intake.link(record, keep, LinkMethod.WORKER, user=request.user)
    except ValidationError as error:
        form.add_error("duplicate", error)
        return None
    messages.success(
        request,
        f"{duplicate.la_id} is merged into {keep.la_id}, and the record is linked to "
        f"{keep.full_name}. The merge can be undone from the child's record.",
    )
    return redirect("sharing:queue")


@login_required
def duplicates(request):
    if not manages_records(request.user):
        raise PermissionDenied("Only managers and administrators check and merge duplicate records.")
    pairs = DuplicatePair.objects.filter(status=DuplicateStatus.OPEN).select_related("first", "second")
    return render(request, "sharing/duplicates.html", {"pairs": pairs[:QUEUE_LIMIT], "count": pairs.count()})


@login_required
def duplicate(request, pk):
    pair = get_object_or_404(DuplicatePair.objects.select_related("first", "second"), pk=pk)
    if not manages_records(request.user):
        _refuse(
            request, [pair.first, pair.second], "Only managers and administrators check duplicate records."
        )
    for person in (pair.first, pair.second):
        record_view(request, person, CHECKING_DUPLICATES)
    if pair.status != DuplicateStatus.OPEN:
        messages.info(request, f"This pair is already dealt with: {pair.get_status_display().lower()}.")
        return redirect("sharing:duplicates")
    form = DuplicateForm(request.POST or None, pair=pair)
    if request.method == "POST" and form.is_valid():
        outcome, reason = form.cleaned_data["outcome"], form.cleaned_data["reason"]
        try:
            with transaction.atomic():
                if outcome == DuplicateForm.DIFFERENT:
                    pair.status = DuplicateStatus.DIFFERENT
                else:
                    keep, fold = (
                        (pair.first, pair.second)
                        if outcome == DuplicateForm.MERGE_SECOND
                        else (pair.second, pair.first)
                    )
                    pair.merge = merge_records(keep, fold, request.user, reason)
                    pair.status = DuplicateStatus.MERGED
                pair.resolved_by, pair.resolved_at, pair.note = request.user, timezone.now(), reason
                pair.save()
        except ValidationError as error:
            form.add_error("outcome", error)
        else:
            messages.success(
                request,
                "Merged: the merge can be undone from the kept record."
                if pair.merge_id
                else "Taken off the worklist: these are different people.",
            )
            return redirect("sharing:duplicates")
    return render(
        request,
        "sharing/duplicate.html",
        {
            "pair": pair,
            "form": form,
            "evidence": evidence_rows(pair.evidence),
            "back_url": reverse("sharing:duplicates"),
        },
    )
