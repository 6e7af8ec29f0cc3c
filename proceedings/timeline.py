"""Timeline entries from FGDM, pre-proceedings and care proceedings."""

from django.urls import reverse

from access.parts import Part
from people.timeline import TimelineEntry, provider

from .models import CareProceedings, FGDMException, FGDMMeeting, FGDMOffer, PreProceedings


def _url(person_id):
    return reverse("proceedings:overview", args=[person_id])


@provider(Part.PROCEEDINGS)
def fgdm_offers(person_ids):
    return [
        TimelineEntry(
            o.offered_on,
            "Family group decision making offered",
            f"By {o.offered_by}; the family's answer: {o.get_response_display().lower()}",
            "proceedings.fgdm_offer",
            _url(o.person_id),
            o.person_id,
        )
        for o in FGDMOffer.objects.filter(person_id__in=person_ids).select_related("offered_by")
    ]


@provider(Part.PROCEEDINGS)
def fgdm_meetings(person_ids):
    return [
        TimelineEntry(
            m.held_on,
            "Family group decision making meeting",
            "Family plan agreed" if m.plan_agreed else "Family plan not agreed",
            "proceedings.fgdm_meeting",
            _url(m.offer.person_id),
            m.offer.person_id,
        )
        for m in FGDMMeeting.objects.filter(offer__person_id__in=person_ids).select_related("offer")
    ]


@provider(Part.PROCEEDINGS)
def fgdm_exceptions(person_ids):
    return [
        TimelineEntry(
            e.decided_on,
            "Decision not to offer family group decision making",
            e.reason,
            "proceedings.fgdm_exception",
            _url(e.person_id),
            e.person_id,
        )
        for e in FGDMException.objects.filter(person_id__in=person_ids)
    ]


@provider(Part.PROCEEDINGS)
def pre_proceedings(person_ids):
    entries = []
    for stage in PreProceedings.objects.filter(person_id__in=person_ids):
        url = _url(stage.person_id)
        entries.append(
            TimelineEntry(
                stage.start_date,
                "Pre-proceedings started",
                kind="proceedings.pre_proceedings",
                url=url,
                person_id=stage.person_id,
            )
        )
        if stage.letter_before_proceedings_sent_on:
            entries.append(
                TimelineEntry(
                    stage.letter_before_proceedings_sent_on,
                    "Letter before proceedings sent",
                    kind="proceedings.pre_proceedings",
                    url=url,
                    person_id=stage.person_id,
                )
            )
        if stage.step_decision_on:
            entries.append(
                TimelineEntry(
                    stage.step_decision_on,
                    "Pre-proceedings ended",
                    stage.get_outcome_display(),
                    "proceedings.pre_proceedings",
                    url,
                    stage.person_id,
                )
            )
    return entries


@provider(Part.PROCEEDINGS)
def care_proceedings(person_ids):
    entries = []
    for case in CareProceedings.objects.filter(person_id__in=person_ids):
        url = _url(case.person_id)
        entries.append(
            TimelineEntry(
                case.issued_on,
                "Care proceedings issued",
                f"{case.court or 'Court not recorded'}; 26-week target {case.target_end:%-d %b %Y}",
                "proceedings.care_proceedings",
                url,
                case.person_id,
            )
        )
        if case.ended_on:
            entries.append(
                TimelineEntry(
                    case.ended_on,
                    "Care proceedings concluded",
                    case.get_outcome_display(),
                    "proceedings.care_proceedings",
                    url,
                    case.person_id,
                )
            )
    return entries
