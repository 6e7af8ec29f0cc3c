"""Timeline entries from child protection: strategy discussions, enquiries, conferences, plans and visits."""

from django.urls import reverse

from access.parts import Part, current_plan
from people.timeline import TimelineEntry, provider

from .models import ChildProtectionConference, ChildProtectionPlan, Section47, StrategyDiscussion, Visit


@provider(Part.CHILD_PROTECTION)
def strategy_discussions(person_ids):
    return [
        TimelineEntry(
            d.held_on,
            "Strategy discussion",
            d.get_outcome_display(),
            "protection.strategy",
            reverse("protection:strategy_discussion", args=[d.pk]),
            d.person_id,
        )
        for d in StrategyDiscussion.objects.filter(person_id__in=person_ids)
    ]


@provider(Part.CHILD_PROTECTION)
def enquiries(person_ids):
    entries = []
    for enquiry in Section47.objects.filter(person_id__in=person_ids):
        url = reverse("protection:section47", args=[enquiry.pk])
        entries.append(
            TimelineEntry(
                enquiry.start_date,
                "Section 47 enquiry started",
                f"Initial conference due {enquiry.icpc_due:%-d %b %Y}",
                "protection.section47",
                url,
                enquiry.person_id,
            )
        )
        if enquiry.completed_on:
            entries.append(
                TimelineEntry(
                    enquiry.completed_on,
                    "Section 47 enquiry completed",
                    enquiry.get_outcome_display(),
                    "protection.section47",
                    url,
                    enquiry.person_id,
                )
            )
    return entries


@provider(Part.CHILD_PROTECTION)
def conferences(person_ids):
    entries = []
    for conference in ChildProtectionConference.objects.filter(person_id__in=person_ids).select_related(
        "chair"
    ):
        detail = conference.get_outcome_display()
        if conference.chair:
            detail += f". Chaired by {conference.chair}"
        entries.append(
            TimelineEntry(
                conference.date,
                conference.get_kind_display(),
                detail,
                "protection.conference",
                reverse("protection:conference", args=[conference.pk]),
                conference.person_id,
            )
        )
    return entries


@provider(Part.CHILD_PROTECTION)
def plans(person_ids):
    entries = []
    for plan in ChildProtectionPlan.objects.filter(person_id__in=person_ids).select_related(
        "team", "lead_practitioner"
    ):
        url = reverse("protection:plan", args=[plan.pk])
        detail = plan.get_initial_category_display()
        if plan.is_second_or_subsequent:
            detail += "; second or subsequent plan"
        parts = current_plan(Part.CHILD_PROTECTION, plan.end_date is None)
        entries.append(
            TimelineEntry(
                plan.start_date,
                "Child protection plan started",
                detail,
                "protection.plan",
                url,
                plan.person_id,
                parts,
            )
        )
        if plan.end_date:
            entries.append(
                TimelineEntry(
                    plan.end_date,
                    "Child protection plan ended",
                    kind="protection.plan",
                    url=url,
                    person_id=plan.person_id,
                    parts=parts,
                )
            )
    return entries


@provider(Part.CHILD_PROTECTION)
def visits(person_ids):
    entries = []
    for visit in Visit.objects.filter(person_id__in=person_ids).select_related("visited_by"):
        seen = (
            "child seen alone" if visit.seen_alone else "child seen" if visit.child_seen else "child not seen"
        )
        detail = f"By {visit.visited_by}; {seen}" + (f". {visit.notes}" if visit.notes else "")
        entries.append(
            TimelineEntry(
                visit.visited_on,
                visit.get_kind_display(),
                detail,
                "protection.visit",
                person_id=visit.person_id,
            )
        )
    return entries
