"""Managers' pages for retention: records due, legal holds, and the log of what was done.

Access class: manager (team and service managers, and superusers). The lists name records by council ID
only, and each list shown is logged as a disclosure; opening one goes through the record page, which checks
and audits access as usual. Every
decision is kept: holds with their history, anonymisations in the disposal log.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from access.audit import disclose
from access.classes import manager_page
from access.models import DisclosureKind

from . import review as due_records
from .anonymise import anonymise
from .forms import ConfirmForm, HoldForm, LiftForm
from .models import Disposal, LegalHold, RetentionReview, ReviewStatus
from .schedule import RULES

manager_required = manager_page(
    lambda user: user.is_manager or user.is_superuser,
    "Only managers decide what happens to records at the end of their retention.",
)


def _rule_names(codes: str) -> str:
    return "; ".join(RULES[c].name for c in codes.split(",") if c in RULES)


@manager_required
def reviews(request):
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        done, skipped = 0, []
        today = timezone.localdate()
        with transaction.atomic():
            chosen = list(form.cleaned_data["reviews"].select_for_update())
            still_due = due_records.due(today)
            held = due_records.held_person_ids()
            for item in chosen:
                if item.person_id in held or item.person_id not in still_due:
                    skipped.append(item.person.la_id)
                    continue
                anonymise(item, request.user, form.cleaned_data["note"])
                done += 1
        if done:
            messages.success(
                request,
                f"{done} record{'s' if done != 1 else ''} anonymised. The log lists what was removed.",
            )
        if skipped:
            messages.warning(
                request, f"Not anonymised, as they are on legal hold or no longer due: {', '.join(skipped)}."
            )
        return redirect("retention:reviews")
    listed = RetentionReview.objects.exclude(status=ReviewStatus.ANONYMISED).select_related("person")
    rows = [(r, _rule_names(r.rules)) for r in listed]
    disclose(
        request, DisclosureKind.LIST, [r.person_id for r, _ in rows], what="Records due for retention review"
    )
    return render(
        request,
        "retention/reviews.html",
        {
            "form": form,
            "due": [(r, n) for r, n in rows if r.status == ReviewStatus.DUE],
            "held": [(r, n) for r, n in rows if r.status == ReviewStatus.HELD],
            "rules": RULES.values(),
        },
    )


@manager_required
def holds(request):
    form = HoldForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            LegalHold.objects.create(
                person=form.person, reason=form.cleaned_data["reason"], placed_by=request.user
            )
            RetentionReview.objects.filter(person=form.person, status=ReviewStatus.DUE).update(
                status=ReviewStatus.HELD
            )
        messages.success(request, f"Legal hold placed on {form.person.la_id}.")
        return redirect("retention:holds")
    active = list(LegalHold.objects.filter(lifted_at__isnull=True).select_related("person", "placed_by"))
    lifted = list(
        LegalHold.objects.filter(lifted_at__isnull=False).select_related("person", "lifted_by")[:50]
    )
    disclose(request, DisclosureKind.LIST, [h.person_id for h in [*active, *lifted]], what="Legal holds")
    return render(request, "retention/holds.html", {"form": form, "active": active, "lifted": lifted})


@manager_required
def lift_hold(request, pk):
    hold = get_object_or_404(LegalHold.objects.select_related("person"), pk=pk, lifted_at__isnull=True)
    form = LiftForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            hold.lifted_by, hold.lifted_at = request.user, timezone.now()
            hold.lift_reason = form.cleaned_data["reason"]
            hold.save()
            if not LegalHold.objects.filter(person=hold.person, lifted_at__isnull=True).exists():
                RetentionReview.objects.filter(person=hold.person, status=ReviewStatus.HELD).update(
                    status=ReviewStatus.DUE
                )
        messages.success(request, f"Legal hold on {hold.person.la_id} lifted.")
        return redirect("retention:holds")
    return render(request, "retention/lift_hold.html", {"form": form, "hold": hold})


@manager_required
def log(request):
    disposals = list(Disposal.objects.select_related("person", "done_by")[:200])
    disclose(request, DisclosureKind.LIST, [d.person_id for d in disposals], what="Retention: disposal log")
    return render(request, "retention/log.html", {"disposals": disposals})
