"""Pre-proceedings and proceedings: drift past 16 weeks and the 26-week target."""

from timescales import registry
from timescales.due import DueItem, due_source

from .models import CareProceedings, PreProceedings


@due_source
def pre_proceedings_drift(person_ids, on):
    rule = registry.get("PRE_PROCEEDINGS_DRIFT")
    for stage in PreProceedings.objects.filter(person_id__in=person_ids, step_decision_on__isnull=True):
        started = stage.initial_meeting_on or stage.start_date
        yield DueItem(
            stage.person_id,
            "Decide the outcome of pre-proceedings",
            rule.due(started),
            "PRE_PROCEEDINGS_DRIFT",
            drift=rule.due(started) < on,
        )


@due_source
def proceedings_target(person_ids, on):
    for case in CareProceedings.objects.filter(person_id__in=person_ids, ended_on__isnull=True).only(
        "person_id", "target_end"
    ):
        yield DueItem(
            case.person_id, "Conclude care proceedings (26-week target)", case.target_end, "CARE_PROCEEDINGS"
        )
