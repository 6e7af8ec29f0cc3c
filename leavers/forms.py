"""Forms for leaving care: the personal adviser, pathway plans, circumstances, Staying Put and Staying
Close."""

from django import forms

from access.allocation import PRACTITIONER_ROLES
from access.forms import worker_field
from access.models import Role, TeamKind
from care.forms import record_form
from thrive.forms import DateField, GovukForm

from .models import (
    OC3_AGES,
    Accommodation,
    BirthdaySnapshot,
    EducationEmployment,
    KeepingInTouch,
    LeavingCareNeedsAssessment,
    PathwayPlan,
    PathwayPlanReview,
    StayingCloseConsideration,
    StayingPut,
)

ADVISER_ROLES = [Role.PERSONAL_ADVISER, *PRACTITIONER_ROLES]
SUITABLE = "Is the accommodation suitable?"


class AdviserForm(GovukForm):
    adviser = worker_field(label="Personal adviser", roles=ADVISER_ROLES, team_kinds=[TeamKind.LEAVING_CARE])
    on = DateField(label="Date from")


NeedsAssessmentForm = record_form(
    LeavingCareNeedsAssessment,
    ["completed_on", "notes"],
    {
        "completed_on": "Date the needs assessment was completed",
    },
)
PathwayPlanForm = record_form(PathwayPlan, ["started_on", "summary"], {"started_on": "Date the plan started"})
PathwayPlanReviewForm = record_form(
    PathwayPlanReview, ["reviewed_on", "notes"], {"reviewed_on": "Date of the review"}
)
KeepingInTouchForm = record_form(
    KeepingInTouch,
    ["contacted_on", "in_touch", "visit_at_accommodation", "notes"],
    {
        "contacted_on": "Date of contact or attempt",
        "in_touch": "Are you in touch with the young person?",
        "visit_at_accommodation": "The personal adviser visited the young person at their accommodation",
    },
)
AccommodationForm = record_form(
    Accommodation,
    ["from_date", "kind", "suitable", "provided_by_council", "notes"],
    {
        "from_date": "Living there from",
        "provided_by_council": "The council provides this accommodation",
    },
    booleans=[("suitable", SUITABLE, True)],
    widgets=["kind"],
)
EducationEmploymentForm = record_form(
    EducationEmployment,
    ["from_date", "activity"],
    {
        "from_date": "Doing this from",
        "activity": "Education, employment or training",
    },
    widgets=["activity"],
)
StayingPutForm = record_form(
    StayingPut,
    ["started_on", "ended_on", "carers"],
    {
        "started_on": "Date Staying Put began",
        "ended_on": "Date it ended",
    },
)
StayingCloseForm = record_form(
    StayingCloseConsideration,
    ["considered_on", "decision", "support", "reasons"],
    {
        "considered_on": "Date considered",
        "decision": "What did the council decide?",
    },
)
SnapshotForm = record_form(
    BirthdaySnapshot,
    ["age", "recorded_on", "in_touch", "activity", "accommodation", "accommodation_suitable"],
    {
        "age": "Birthday",
        "recorded_on": "Date the information was gathered",
        "in_touch": "Were you in touch around the birthday?",
        "activity": "Education, employment or training",
        "accommodation": "Accommodation",
    },
    booleans=[("accommodation_suitable", SUITABLE)],
    widgets=["age", "activity", "accommodation"],
)


ORDINALS = {17: "17th", 18: "18th", 19: "19th", 20: "20th", 21: "21st"}


class BirthdaySnapshotForm(SnapshotForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["age"] = forms.TypedChoiceField(
            label="Which birthday?",
            coerce=int,
            widget=forms.Select,
            choices=[(age, f"{ORDINALS[age]} birthday") for age in OC3_AGES],
        )
        self.word_errors()
