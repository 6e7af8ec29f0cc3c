"""Family Help's card on a child's record: episodes, assessments and child in need plans."""

from django.urls import reverse
from django.utils import timezone

from access.parts import Part, current_plan
from frontdoor.services import current_referral
from people.casework import Card, Link, Row, card
from people.duework import describe_due

from . import queue  # noqa: F401  registers the managers' authorisation panel on My work
from .models import Assessment, CINPlan, FamilyHelpEpisode


def _episode_row(episode) -> Row:
    status = (
        f"Ended {episode.end_date:%-d %b %Y}"
        if episode.end_date
        else f"Open, led by {episode.lead_practitioner}"
    )
    return Row(
        f"Family Help from {episode.start_date:%-d %b %Y}",
        status,
        reverse("familyhelp:episode", args=[episode.pk]),
    )


def _assessment_row(assessment, today) -> Row:
    url = reverse("familyhelp:assessment", args=[assessment.pk])
    key = f"Assessment from {assessment.start_date:%-d %b %Y}"
    if assessment.authorisation_date:
        timing = ("Completed on time", "green") if assessment.completed_on_time else ("Completed late", "red")
        return Row(key, assessment.get_outcome_display() or "Completed", url, *timing)
    return Row(key, f"Due {assessment.due_date:%-d %b %Y}", url, *describe_due(assessment.due_date, today))


def _cin_plan_row(plan, today) -> Row:
    url = reverse("familyhelp:cin_plan", args=[plan.pk])
    key = f"Child in need plan from {plan.start_date:%-d %b %Y}"
    if plan.end_date:
        return Row(key, f"Ended {plan.end_date:%-d %b %Y}", url)
    status, colour = describe_due(plan.next_review_due, today) if plan.next_review_due else ("", "")
    return Row(
        key,
        "Open",
        url,
        f"Review {status.lower()}" if status else "",
        colour,
        current_plan(Part.FAMILY_HELP, in_force=True),
    )


@card(20, Part.FAMILY_HELP)
def family_help(child, user):
    today = timezone.localdate()
    episodes = FamilyHelpEpisode.objects.filter(person_id__in=child.ids).select_related("lead_practitioner")
    assessments = Assessment.objects.filter(person_id__in=child.ids)
    plans = CINPlan.objects.filter(person_id__in=child.ids)
    rows = [_episode_row(e) for e in episodes.order_by("-start_date", "-pk")]
    rows += [_assessment_row(a, today) for a in assessments.order_by("-start_date", "-pk")]
    rows += [_cin_plan_row(p, today) for p in plans.order_by("-start_date", "-pk")]
    referral = current_referral(child.ids)
    actions = (
        [
            Link("Start an assessment", reverse("familyhelp:start_assessment", args=[referral.pk])),
            Link("Start a child in need plan", reverse("familyhelp:start_cin_plan", args=[referral.pk])),
        ]
        if referral and child.may_record
        else []
    )
    return Card(
        "Family Help, assessments and child in need",
        rows,
        actions,
        empty="No Family Help, assessments or plans.",
    )
