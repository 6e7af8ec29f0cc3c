"""Timeline entries from care: coming into care, moves, orders, reviews, visits, health, education,
missing episodes, permanence and adoption, and an unaccompanied child's arrival and age assessment."""

from django.urls import reverse

from access.parts import Part
from people.timeline import TimelineEntry, provider

from .codes import ReasonEpisodeCeased
from .models import (
    Adoption,
    AgeAssessment,
    DentalCheck,
    DeprivationOfLiberty,
    Episode,
    HealthAssessment,
    MissingEpisode,
    PermanencePlan,
    PersonalEducationPlan,
    Review,
    UnaccompaniedChild,
    Visit,
)


def _entry(day, title, detail, what, person_id):
    return TimelineEntry(
        day, title, detail, f"care.{what}", reverse("care:record", args=[person_id]), person_id
    )


def _placement(episode) -> str:
    where = f" with {episode.provider_name}" if episode.provider_name else ""
    return f"{episode.get_placement_type_display()}{where}; {episode.get_legal_status_display()}"


@provider(Part.CARE)
def episodes(person_ids):
    entries = []
    for episode in Episode.objects.filter(person_id__in=person_ids):
        if episode.reason_new == "S":
            title = "Became looked after"
        elif episode.is_placement_move:
            title = "Moved placement"
        else:
            title = "Legal status changed"
        entries.append(_entry(episode.start_date, title, _placement(episode), "episode", episode.person_id))
        if episode.end_date and episode.reason_ceased != ReasonEpisodeCeased.NEW_EPISODE:
            entries.append(
                _entry(
                    episode.end_date,
                    "Ceased to be looked after",
                    episode.get_reason_ceased_display(),
                    "episode",
                    episode.person_id,
                )
            )
    for order in DeprivationOfLiberty.objects.filter(person_id__in=person_ids):
        entries.append(_entry(order.start_date, "Deprivation of liberty order", "", "dolo", order.person_id))
    return entries


@provider(Part.CARE)
def reviews_and_visits(person_ids):
    entries = []
    for review in Review.objects.filter(person_id__in=person_ids).select_related("iro"):
        timing = "on time" if review.on_time else f"late: due {review.due_on:%-d %B %Y}"
        chair = f", chaired by {review.iro}" if review.iro else ""
        entries.append(
            _entry(
                review.held_on,
                "Looked-after review",
                f"{review.get_participation_display()}{chair} ({timing})",
                "review",
                review.person_id,
            )
        )
    for visit in Visit.objects.filter(person_id__in=person_ids).select_related("visited_by"):
        seen = "seen alone" if visit.seen_alone else ("seen" if visit.child_seen else "not seen")
        entries.append(
            _entry(
                visit.visited_on,
                "Statutory visit",
                f"By {visit.visited_by}; child {seen}",
                "visit",
                visit.person_id,
            )
        )
    return entries


@provider(Part.CARE)
def health_and_education(person_ids):
    entries = [
        _entry(a.assessed_on, a.get_kind_display(), "", "health", a.person_id)
        for a in HealthAssessment.objects.filter(person_id__in=person_ids)
    ]
    entries += [
        _entry(c.checked_on, "Dental check", "", "dental", c.person_id)
        for c in DentalCheck.objects.filter(person_id__in=person_ids)
    ]
    for pep in PersonalEducationPlan.objects.filter(person_id__in=person_ids).select_related("school"):
        detail = ", ".join(part for part in (str(pep.school or ""), pep.get_rating_display()) if part)
        entries.append(
            _entry(pep.meeting_on, "Personal Education Plan meeting", detail, "pep", pep.person_id)
        )
    return entries


@provider(Part.CARE)
def missing(person_ids):
    entries = []
    for episode in MissingEpisode.objects.filter(person_id__in=person_ids):
        entries.append(
            _entry(
                episode.started_on, episode.get_kind_display().split(":")[0], "", "missing", episode.person_id
            )
        )
        if episode.ended_on:
            interview = (
                "return interview offered"
                if episode.return_interview_offered_on
                else "no return interview yet"
            )
            entries.append(_entry(episode.ended_on, "Returned", interview, "missing", episode.person_id))
    return entries


ADOPTION_STEPS = [
    "best_interest_decision_on",
    "placement_order_on",
    "matched_on",
    "placed_on",
    "adoption_order_on",
    "decision_reversed_on",
]


@provider(Part.CARE)
def permanence(person_ids):
    entries = [
        _entry(plan.decided_on, "Permanence plan", plan.get_plan_display(), "permanence", plan.person_id)
        for plan in PermanencePlan.objects.filter(person_id__in=person_ids)
    ]
    for adoption in Adoption.objects.filter(person_id__in=person_ids):
        for step in ADOPTION_STEPS:
            day = getattr(adoption, step)
            if day:
                label = str(Adoption._meta.get_field(step).verbose_name)
                entries.append(_entry(day, f"Adoption: {label}", "", "adoption", adoption.person_id))
    return entries


@provider(Part.CARE)
def unaccompanied(person_ids):
    entries = []
    for uasc in UnaccompaniedChild.objects.filter(person_id__in=person_ids):
        entries.append(
            _entry(
                uasc.arrived_on,
                "Arrived as an unaccompanied asylum-seeking child",
                uasc.get_arrival_route_display(),
                "uasc",
                uasc.person_id,
            )
        )
    for assessment in AgeAssessment.objects.filter(uasc__person_id__in=person_ids).select_related("uasc"):
        person_id = assessment.uasc.person_id
        entries.append(
            _entry(
                assessment.referred_on,
                "Referred for age assessment",
                f"Due {assessment.due_on:%-d %B %Y}",
                "age_assessment",
                person_id,
            )
        )
        if assessment.completed_on:
            entries.append(
                _entry(
                    assessment.completed_on,
                    "Age assessment completed",
                    assessment.get_outcome_display(),
                    "age_assessment",
                    person_id,
                )
            )
    return entries
