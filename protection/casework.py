"""Child protection's card on a child's record: strategy discussions, enquiries, plans and the latest
visit."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from access.parts import Part, current_plan
from frontdoor.services import current_referral
from people.casework import Card, Link, Row, card
from people.duework import describe_due

from .codes import ConferenceKind, Section47Outcome
from .models import ChildProtectionConference, ChildProtectionPlan, Section47, StrategyDiscussion, Visit


def _enquiry_row(enquiry, today) -> Row:
    url = reverse("protection:section47", args=[enquiry.pk])
    key = f"Section 47 enquiry from {enquiry.start_date:%-d %b %Y}"
    waiting = (
        not enquiry.icpc_not_required
        and enquiry.outcome in ("", Section47Outcome.ICPC)
        and not enquiry.has_icpc
    )
    if waiting:
        status, colour = describe_due(enquiry.icpc_due, today)
        return Row(key, f"Initial conference due {enquiry.icpc_due:%-d %b %Y}", url, status, colour)
    return Row(key, enquiry.get_outcome_display() or "Outcome not recorded", url)


def _plan_row(plan, today) -> Row:
    url = reverse("protection:plan", args=[plan.pk])
    key = f"Child protection plan from {plan.start_date:%-d %b %Y}"
    if plan.end_date:
        return Row(key, f"{plan.get_latest_category_display()}; ended {plan.end_date:%-d %b %Y}", url)
    status, colour = describe_due(plan.next_review_due, today)
    value = plan.get_latest_category_display() + (
        "; second or subsequent plan" if plan.is_second_or_subsequent else ""
    )
    return Row(key, value, url, f"Review {status.lower()}", colour, current_plan(Part.CHILD_PROTECTION, True))


@card(30, Part.CHILD_PROTECTION)
def child_protection(child, user):
    today = timezone.localdate()
    discussions = StrategyDiscussion.objects.filter(person_id__in=child.ids).order_by("-held_on", "-pk")
    initial = ChildProtectionConference.objects.filter(section47=OuterRef("pk"), kind=ConferenceKind.INITIAL)
    enquiries = Section47.objects.filter(person_id__in=child.ids).annotate(has_icpc=Exists(initial))
    enquiries = enquiries.order_by("-start_date", "-pk")
    plans = ChildProtectionPlan.objects.filter(person_id__in=child.ids).order_by("-start_date", "-pk")
    last_visit = (
        Visit.objects.filter(person_id__in=child.ids)
        .select_related("visited_by")
        .order_by("-visited_on")
        .first()
    )
    rows = [
        Row(
            f"Strategy discussion {d.held_on:%-d %b %Y}",
            d.get_outcome_display(),
            reverse("protection:strategy_discussion", args=[d.pk]),
        )
        for d in discussions
    ]
    rows += [_enquiry_row(e, today) for e in enquiries] + [_plan_row(p, today) for p in plans]
    if last_visit:
        rows.append(
            Row(
                "Last visit",
                (
                    f"{last_visit.visited_on:%-d %b %Y}: {last_visit.get_kind_display()} by "
                    f"{last_visit.visited_by}"
                ),
            )
        )
    referral = current_referral(child.ids)
    actions = (
        [Link("Record a strategy discussion", reverse("protection:strategy", args=[referral.pk]))]
        if referral
        else []
    )
    actions.append(Link("Record a visit", reverse("protection:record_visit", args=[child.person.pk])))
    actions = actions if child.may_record else []
    return Card("Child protection", rows, actions, empty="No child protection work recorded.")
