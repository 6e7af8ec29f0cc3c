"""Timeline entries from leaving care: pathway plans and reviews, contact, homes, activity, Staying Put and
Staying Close decisions, and the birthday information returned to the DfE."""

from django.urls import reverse

from access.parts import Part, current_plan
from people.timeline import TimelineEntry, provider

from .models import (
    Accommodation,
    BirthdaySnapshot,
    EducationEmployment,
    KeepingInTouch,
    PathwayPlan,
    PathwayPlanReview,
    StayingCloseConsideration,
    StayingPut,
)


def _entry(day, title, detail, what, person_id, parts=()):
    return TimelineEntry(
        day, title, detail, f"leavers.{what}", reverse("leavers:record", args=[person_id]), person_id, parts
    )


@provider(Part.LEAVING_CARE)
def pathway_plans(person_ids):
    def parts(plan):
        return current_plan(Part.LEAVING_CARE, plan.ended_on is None)

    entries = [
        _entry(
            plan.started_on, "Pathway plan", plan.summary[:200], "pathway_plan", plan.person_id, parts(plan)
        )
        for plan in PathwayPlan.objects.filter(person_id__in=person_ids)
    ]
    entries += [
        _entry(
            review.reviewed_on,
            "Pathway plan reviewed",
            "",
            "pathway_plan",
            review.plan.person_id,
            parts(review.plan),
        )
        for review in PathwayPlanReview.objects.filter(plan__person_id__in=person_ids).select_related("plan")
    ]
    return entries


@provider(Part.LEAVING_CARE)
def circumstances(person_ids):
    entries = [
        _entry(c.contacted_on, "Keeping in touch", c.get_in_touch_display(), "in_touch", c.person_id)
        for c in KeepingInTouch.objects.filter(person_id__in=person_ids)
    ]
    for home in Accommodation.objects.filter(person_id__in=person_ids):
        suitable = "suitable" if home.suitable else "not suitable"
        entries.append(
            _entry(
                home.from_date,
                "Accommodation",
                f"{home.get_kind_display()} ({suitable})",
                "accommodation",
                home.person_id,
            )
        )
    entries += [
        _entry(
            a.from_date,
            "Education, employment or training",
            a.get_activity_display(),
            "activity",
            a.person_id,
        )
        for a in EducationEmployment.objects.filter(person_id__in=person_ids)
    ]
    return entries


@provider(Part.LEAVING_CARE)
def staying_put_and_close(person_ids):
    entries = []
    for arrangement in StayingPut.objects.filter(person_id__in=person_ids):
        entries.append(
            _entry(
                arrangement.started_on,
                "Staying Put began",
                arrangement.carers,
                "staying_put",
                arrangement.person_id,
            )
        )
        if arrangement.ended_on:
            entries.append(
                _entry(
                    arrangement.ended_on,
                    "Staying Put ended",
                    arrangement.carers,
                    "staying_put",
                    arrangement.person_id,
                )
            )
    entries += [
        _entry(
            c.considered_on,
            "Staying Close considered",
            c.get_decision_display(),
            "staying_close",
            c.person_id,
        )
        for c in StayingCloseConsideration.objects.filter(person_id__in=person_ids)
    ]
    entries += [
        _entry(
            s.recorded_on, f"Care leaver information at {s.age}", s.get_in_touch_display(), "oc3", s.person_id
        )
        for s in BirthdaySnapshot.objects.filter(person_id__in=person_ids)
    ]
    return entries
