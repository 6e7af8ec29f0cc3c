"""Timeline entries from Family Help: episodes, whole-family plans, step decisions, assessments, CIN plans."""

from django.urls import reverse

from access.parts import Part, current_plan
from people.timeline import TimelineEntry, provider

from .codes import StepDirection
from .models import Assessment, CINPlan, CINPlanReview, FamilyHelpEpisode, FamilyPlan, StepDecision


@provider(Part.FAMILY_HELP)
def episodes(person_ids):
    entries = []
    for episode in FamilyHelpEpisode.objects.filter(person_id__in=person_ids).select_related(
        "lead_practitioner", "team"
    ):
        url = reverse("familyhelp:episode", args=[episode.pk])
        entries.append(
            TimelineEntry(
                episode.start_date,
                "Family Help started",
                f"Lead practitioner {episode.lead_practitioner} ({episode.team}). {episode.reason}",
                "familyhelp.episode",
                url,
                episode.person_id,
            )
        )
        if episode.end_date:
            entries.append(
                TimelineEntry(
                    episode.end_date,
                    "Family Help ended",
                    episode.closure_reason,
                    "familyhelp.episode",
                    url,
                    episode.person_id,
                )
            )
    return entries


@provider(Part.FAMILY_HELP)
def family_plans(person_ids):
    return [
        TimelineEntry(
            plan.agreed_on,
            "Whole-family plan agreed",
            plan.goals,
            "familyhelp.plan",
            reverse("familyhelp:episode", args=[plan.episode_id]),
            plan.episode.person_id,
        )
        for plan in FamilyPlan.objects.filter(episode__person_id__in=person_ids).select_related("episode")
    ]


@provider(Part.FAMILY_HELP)
def step_decisions(person_ids):
    return [
        TimelineEntry(
            step.decided_on,
            "Stepped up to children's social care"
            if step.direction == StepDirection.UP
            else "Stepped down to Family Help",
            f"Decided by {step.decided_by}. {step.reason}",
            "familyhelp.step",
            person_id=step.person_id,
        )
        for step in StepDecision.objects.filter(person_id__in=person_ids).select_related("decided_by")
    ]


@provider(Part.FAMILY_HELP)
def assessments(person_ids):
    entries = []
    for assessment in Assessment.objects.filter(person_id__in=person_ids).select_related("worker"):
        url = reverse("familyhelp:assessment", args=[assessment.pk])
        by = f" by {assessment.worker}" if assessment.worker else ""
        entries.append(
            TimelineEntry(
                assessment.start_date,
                "Assessment started",
                f"Started{by}; due {assessment.due_date:%-d %b %Y}",
                "familyhelp.assessment",
                url,
                assessment.person_id,
            )
        )
        if assessment.authorisation_date:
            timing = "on time" if assessment.completed_on_time else "late"
            entries.append(
                TimelineEntry(
                    assessment.authorisation_date,
                    "Assessment completed",
                    f"{assessment.get_outcome_display()} (completed {timing})",
                    "familyhelp.assessment",
                    url,
                    assessment.person_id,
                )
            )
    return entries


@provider(Part.FAMILY_HELP)
def cin_plans(person_ids):
    entries = []
    for plan in CINPlan.objects.filter(person_id__in=person_ids):
        url = reverse("familyhelp:cin_plan", args=[plan.pk])
        parts = current_plan(Part.FAMILY_HELP, plan.end_date is None)
        entries.append(
            TimelineEntry(
                plan.start_date,
                "Child in need plan started",
                kind="familyhelp.cin_plan",
                url=url,
                person_id=plan.person_id,
                parts=parts,
            )
        )
        if plan.end_date:
            entries.append(
                TimelineEntry(
                    plan.end_date,
                    "Child in need plan ended",
                    kind="familyhelp.cin_plan",
                    url=url,
                    person_id=plan.person_id,
                    parts=parts,
                )
            )
    return entries


@provider(Part.FAMILY_HELP)
def cin_plan_reviews(person_ids):
    return [
        TimelineEntry(
            review.review_date,
            "Child in need plan reviewed",
            kind="familyhelp.cin_review",
            url=reverse("familyhelp:cin_plan", args=[review.plan_id]),
            person_id=review.plan.person_id,
            parts=current_plan(Part.FAMILY_HELP, review.plan.end_date is None),
        )
        for review in CINPlanReview.objects.filter(plan__person_id__in=person_ids).select_related("plan")
    ]
