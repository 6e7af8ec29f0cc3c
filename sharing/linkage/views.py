"""The front door's queue of partner records to match, and the worklist of possible duplicate people.

Matching is front-door work (access class FRONT_DOOR); the duplicates worklist is for managers and data
quality officers (MANAGER). Both show identity only, as much as matching needs: name, date of birth, sex,
NHS number and address, beside the evidence. Every child shown is written to the audit log once the page
is served (basis: identity only). Linking a record to a child records a contact about them, which the
front door may do for any child; merging two candidates, or a duplicate pair, goes through the same write
gate as the record page's merge: the right to merge both records (people.access_views.check_child).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from access.audit import disclose, log_access
from access.basis import Work, may_merge
from access.classes import front_door_page, manager_page
from access.models import Action, BasisKind, DisclosureKind
from access.relationships import access_basis
from people.access_views import check_child, log_served
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
MATCH_REFUSAL = "Only front-door staff match partner records."
DUPLICATES_REFUSAL = "Only managers and data quality officers check possible duplicate records."
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
NOTIFICATION_KINDS = ["domestic_abuse", "referral"]


def _shown(request, people, text: str, action: str = Action.READ) -> None:
    """Log the children a served page showed, identity only."""
    log_access(request, people, allowed=True, text=text, kind=BasisKind.IDENTITY, action=action)


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


@front_door_page(MATCH_REFUSAL)
def queue(request):
    """Records waiting for a worker, oldest first: notifications (which become contacts) before the rest."""
    waiting = PartnerRecord.objects.filter(status=LinkStatus.REVIEW).select_related("agency")
    notifications = waiting.filter(kind__in=NOTIFICATION_KINDS).order_by("received_at")
    others = waiting.exclude(kind__in=NOTIFICATION_KINDS).order_by("received_at")
    shown = {"notifications": list(notifications[:QUEUE_LIMIT]), "others": list(others[:QUEUE_LIMIT])}
    disclose(
        request,
        DisclosureKind.LIST,
        [],
        what="Partner records to match",
        count=len(shown["notifications"]) + len(shown["others"]),
    )
    return render(
        request,
        "sharing/queue.html",
        {
            **shown,
            "notification_count": notifications.count(),
            "other_count": others.count(),
            "awaiting": PartnerRecord.objects.filter(status=LinkStatus.AWAITING).count(),
            "can_check_duplicates": manages_records(request.user),
        },
    )


def _mergeable(user, candidates) -> list:
    """The candidates this user may merge: a relationship with the record (or a data quality break glass)."""
    return [c for c in candidates if may_merge(user, access_basis(user, c.person))]


@front_door_page(MATCH_REFUSAL)
def review(request, pk):
    record = get_object_or_404(PartnerRecord.objects.select_related("agency", "person"), pk=pk)
    if record.status != LinkStatus.REVIEW:
        messages.info(request, f"This record is already dealt with: {record.get_status_display().lower()}.")
        return redirect("sharing:queue")
    candidates = list(record.candidates.select_related("person"))
    for candidate in candidates:  # a candidate merged since matching is shown as the record kept
        if candidate.person.merged_into_id:
            candidate.person = survivor_of(candidate.person)
    action = request.POST.get("action") if request.method == "POST" else None
    form = MatchForm(request.POST if action == "match" else None, record=record, candidates=candidates)
    mergeable = _mergeable(request.user, candidates)
    merge_form = CandidateMergeForm(request.POST if action == "merge" else None, candidates=mergeable)
    if action == "match" and form.is_valid():
        return _match(request, record, form.cleaned_data["choice"])
    if action == "merge" and merge_form.is_valid():
        done = _merge_candidates(request, record, merge_form)
        if done:
            return done
    response = render(
        request,
        "sharing/review.html",
        {
            "record": record,
            "form": form,
            "merge_form": merge_form,
            "can_merge": len(mergeable) > 1,
            "candidates": [(c, evidence_rows(c.evidence)) for c in candidates],
            "error_form": form if form.errors else merge_form,
            "nhs_valid": bool(valid_nhs_number(record.nhs_number)),
        },
    )
    _shown(request, [c.person for c in candidates], MATCHING)
    return response


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
        _shown(request, [person], MATCHING, Action.RECORD)
        messages.success(request, f"The record is linked to {person.full_name} ({person.la_id}).")
    if record.contact_id:
        messages.info(
            request,
            "It is now a contact at the front door: its decision is due within 1 working day "
            "of when it was received.",
        )
    return redirect("sharing:queue")


def _merge_basis(request, keep, duplicate, form, field: str):
    """The right to merge both records, or the form says why not (the refusal logged by check_child)."""
    kept, folded = (check_child(request, person, Work.MERGE, Action.MERGE) for person in (keep, duplicate))
    if kept is None or folded is None:
        refused = duplicate if kept is not None else keep
        form.add_error(
            field,
            "You can merge only records you can open: you have no relationship with the "
            f"record with council ID {refused.la_id}",
        )
        return None
    return kept, folded


def _merge_candidates(request, record, form):
    keep = Person.objects.get(pk=int(form.cleaned_data["keep"]))
    duplicate = Person.objects.get(pk=int(form.cleaned_data["duplicate"]))
    children = _merge_basis(request, keep, duplicate, form, "duplicate")
    if children is None:
        return None
    try:
        with transaction.atomic():
            merge_records(keep, duplicate, request.user, form.cleaned_data["reason"])
            intake.link(record, keep, LinkMethod.WORKER, user=request.user)
    except ValidationError as error:
        form.add_error("duplicate", error)
        return None
    except intake.AlreadyLinked as error:
        messages.info(request, error.messages[0])
        return redirect("sharing:queue")
    for child in children:
        log_served(request, child, Action.MERGE)
    messages.success(
        request,
        f"{duplicate.la_id} is merged into {keep.la_id}, and the record is linked to "
        f"{keep.full_name}. The merge can be undone from the child's record.",
    )
    return redirect("sharing:queue")


@manager_page(manages_records, DUPLICATES_REFUSAL)
def duplicates(request):
    pairs = DuplicatePair.objects.filter(status=DuplicateStatus.OPEN).select_related("first", "second")
    shown = list(pairs[:QUEUE_LIMIT])
    if shown:
        disclose(
            request,
            DisclosureKind.LIST,
            [p.pk for pair in shown for p in (pair.first, pair.second)],
            what="Possible duplicate records",
        )
    return render(request, "sharing/duplicates.html", {"pairs": shown, "count": pairs.count()})


@manager_page(manages_records, DUPLICATES_REFUSAL)
def duplicate(request, pk):
    pair = get_object_or_404(DuplicatePair.objects.select_related("first", "second"), pk=pk)
    if pair.status != DuplicateStatus.OPEN:
        messages.info(request, f"This pair is already dealt with: {pair.get_status_display().lower()}.")
        return redirect("sharing:duplicates")
    form = DuplicateForm(request.POST or None, pair=pair)
    if request.method == "POST" and form.is_valid():
        done = _resolve(request, pair, form)
        if done:
            return done
    response = render(
        request,
        "sharing/duplicate.html",
        {
            "pair": pair,
            "form": form,
            "evidence": evidence_rows(pair.evidence),
            "back_url": reverse("sharing:duplicates"),
        },
    )
    _shown(request, [pair.first, pair.second], CHECKING_DUPLICATES)
    return response


def _resolve(request, pair, form):
    """Merge the pair (with the right to merge both) or take it off the worklist as two people."""
    outcome, reason = form.cleaned_data["outcome"], form.cleaned_data["reason"]
    children = ()
    if outcome != DuplicateForm.DIFFERENT:
        keep, fold = (
            (pair.first, pair.second) if outcome == DuplicateForm.MERGE_SECOND else (pair.second, pair.first)
        )
        children = _merge_basis(request, keep, fold, form, "outcome")
        if children is None:
            return None
    try:
        with transaction.atomic():
            if outcome == DuplicateForm.DIFFERENT:
                pair.status = DuplicateStatus.DIFFERENT
            else:
                pair.merge = merge_records(keep, fold, request.user, reason)
                pair.status = DuplicateStatus.MERGED
            pair.resolved_by, pair.resolved_at, pair.note = request.user, timezone.now(), reason
            pair.save()
    except ValidationError as error:
        form.add_error("outcome", error)
        return None
    for child in children:
        log_served(request, child, Action.MERGE)
    if not children:
        _shown(request, [pair.first, pair.second], CHECKING_DUPLICATES)
    messages.success(
        request,
        "Merged: the merge can be undone from the kept record."
        if pair.merge_id
        else "Taken off the worklist: these are different people.",
    )
    return redirect("sharing:duplicates")
