"""Forms for care work: coming into care, moves, orders, leaving care, and what is recorded while in care.

Field names are the model's, so a rule a model or service enforces on saving lands on the right field
in the GOV.UK error summary.
"""

from django import forms

from access.allocation import CHAIR_ROLES
from access.forms import team_field, worker_field
from access.models import TeamKind
from thrive.forms import DateField, GovukForm, GovukModelForm

from .codes import (
    TEMPORARY_PLACEMENTS,
    LegalStatus,
    PreviousPermanence,
    ReasonEpisodeCeased,
    ReasonPlaceChange,
    SocialWorkerChangeReason,
)
from .models import (
    Adoption,
    AgeAssessment,
    CarePlanning,
    DentalCheck,
    DeprivationOfLiberty,
    Episode,
    HealthAssessment,
    MissingEpisode,
    NationalTransfer,
    PermanencePlan,
    PersonalEducationPlan,
    Review,
    StrengthsAndDifficulties,
    SubstanceMisuse,
    TemporaryApproval,
    UnaccompaniedChild,
    Visit,
    YouthJusticeDisposal,
)
from .models.periods import CATEGORIES_OF_NEED

PLACEMENT_FIELDS = ["placement_type", "provider", "provider_name", "urn", "placement_postcode", "weekly_cost"]
PLACEMENT_LABELS = {
    "placement_type": "Placement type",
    "provider": "Placement provider",
    "provider_name": "Foster carers, home or setting",
    "urn": "Ofsted unique reference number (URN)",
    "placement_postcode": "Placement postcode",
    "weekly_cost": "Weekly cost in pounds",
}
PLACEMENT_HELP = {
    "provider": "Leave blank for temporary placements and other placements.",
    "urn": "Of the home, or of the fostering agency. Leave blank for placements Ofsted does not register.",
    "placement_postcode": "Thrive works out the placement's council and its distance from home from the "
    "postcodes, as the DfE does.",
}
SELECT = forms.Select
# Why a worker changed: first contact (FCONTA) is for a worker who takes over from no one (903 SW10bSTG2).
CHANGE_REASONS = [
    (code, label)
    for code, label in SocialWorkerChangeReason.choices
    if code != SocialWorkerChangeReason.FIRST_CONTACT
]


def yes_no(label, required=False, help_text=""):
    """Yes, no, or (when not required) not known: for the 903's 0/1 items that may not be known yet."""
    return forms.TypedChoiceField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.RadioSelect,
        choices=[("True", "Yes"), ("False", "No")],
        coerce=lambda v: v == "True",
        empty_value=None,
    )


def _with_blank(choices, prompt="Select one"):
    return [("", prompt), *choices]


class PlacementForm(GovukModelForm):
    """The placement an episode records; the worker and postcodes are checked as the 903 checks them."""

    class Meta(GovukModelForm.Meta):
        model = Episode
        fields = ["start_date", *PLACEMENT_FIELDS]
        labels = PLACEMENT_LABELS
        help_texts = PLACEMENT_HELP
        widgets = {"placement_type": SELECT, "provider": SELECT}

    def placement(self) -> dict:
        return {name: self.cleaned_data[name] for name in PLACEMENT_FIELDS}


class StartCareForm(PlacementForm):
    legal_status = forms.ChoiceField(label="Legal status", choices=_with_blank(LegalStatus.choices))
    home_postcode = forms.CharField(
        label="Home postcode",
        max_length=8,
        help_text=("Where the child lived when they became looked after: distance is measured from here."),
    )
    category_of_need = forms.ChoiceField(label="Category of need", choices=_with_blank(CATEGORIES_OF_NEED))
    previous_permanence = forms.ChoiceField(
        label="Did the child have a permanence order before?",
        choices=PreviousPermanence.choices,
        initial=PreviousPermanence.NONE,
    )
    previous_permanence_la = forms.CharField(
        label="Council that arranged it",
        max_length=3,
        required=False,
        help_text="Its 3-digit DfE code, or WAL, SCO, NIR, NUK, or 999 if not known.",
    )
    previous_permanence_date = DateField(label="Date of that order", required=False)
    worker = worker_field(label="Social worker")
    worker_change_reason = forms.ChoiceField(
        label="Why is the child's social worker changing?",
        required=False,
        choices=_with_blank(CHANGE_REASONS, "Not changing"),
        help_text="Only if the child has a different social worker now.",
    )
    iro = worker_field(label="Independent reviewing officer", roles=CHAIR_ROLES, required=False)
    virtual_school = team_field([TeamKind.VIRTUAL_SCHOOL], label="Virtual School", required=False)

    field_order = ["start_date", "legal_status", *PLACEMENT_FIELDS, "home_postcode", "category_of_need"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_date"].label = "Date the child became looked after"
        schools = self.fields["virtual_school"].queryset
        if schools.count() == 1:
            self.initial.setdefault("virtual_school", schools.get())
        self.word_errors()

    def permanence_before(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("previous_permanence", "previous_permanence_la", "previous_permanence_date")
        }


class ChangePlacementForm(PlacementForm):
    reason_place_change = forms.ChoiceField(
        label="Why did the last placement end?",
        required=False,
        choices=_with_blank(ReasonPlaceChange.choices),
    )
    carers_changed = yes_no(
        "Does the child have new carers?",
        required=True,
        help_text=("No if the child moves with the same carers, for example foster carers moving house."),
    )
    legal_status = forms.ChoiceField(
        label="New legal status",
        required=False,
        choices=_with_blank(LegalStatus.choices, "No change"),
        help_text="Only if the legal status changes on the same day.",
    )

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        self.fields["start_date"].label = "Date of the move"
        self.word_errors()

    def clean(self):
        data = super().clean()
        temporary = self.current is not None and self.current.placement_type in TEMPORARY_PLACEMENTS
        if not temporary and not data.get("reason_place_change"):
            self.add_error("reason_place_change", "Select why the last placement ended")
        if temporary:
            data["reason_place_change"] = ""
        return data


class LegalStatusForm(GovukForm):
    start_date = DateField(label="Date of the new legal status")
    legal_status = forms.ChoiceField(label="New legal status", choices=_with_blank(LegalStatus.choices))


class EndCareForm(GovukForm):
    end_date = DateField(label="Date the child stopped being looked after")
    reason_ceased = forms.ChoiceField(
        label="Why did the child stop being looked after?",
        choices=_with_blank(
            [c for c in ReasonEpisodeCeased.choices if c[0] != ReasonEpisodeCeased.NEW_EPISODE]
        ),
    )


class SocialWorkerForm(GovukForm):
    worker = worker_field(label="Social worker", team_kinds=[TeamKind.CHILDREN_IN_CARE])
    on = DateField(label="Date from")
    worker_change_reason = forms.ChoiceField(
        label="Why is the child's social worker changing?",
        choices=_with_blank(CHANGE_REASONS),
        error_messages={"required": "Select why the social worker is changing"},
    )


class IROForm(GovukForm):
    iro = worker_field(label="Independent reviewing officer", roles=CHAIR_ROLES, team_kinds=[TeamKind.IRO])
    on = DateField(label="Date from")


def record_form(model_class, field_names, labels=None, booleans=(), widgets=None):
    """A GOV.UK model form for one thing recorded; `booleans` are (name, label[, required]) shown as yes/no
    radios."""
    meta = type(
        "Meta",
        (GovukModelForm.Meta,),
        {
            "model": model_class,
            "fields": field_names,
            "labels": labels or {},
            "widgets": dict.fromkeys(widgets or (), SELECT),
        },
    )
    attrs = {"Meta": meta, **{name: yes_no(*spec) for name, *spec in booleans}}
    return type(f"{model_class.__name__}Form", (GovukModelForm,), attrs)


ReviewForm = record_form(
    Review,
    ["held_on", "participation", "iro", "notes"],
    {
        "held_on": "Date of the review",
        "participation": "How did the child take part?",
    },
    widgets=["participation"],
)
VisitForm = record_form(
    Visit,
    ["visited_on", "child_seen", "seen_alone", "child_agrees_to_fewer_visits", "notes"],
    {
        "visited_on": "Date of the visit",
        "child_seen": "The child was seen",
        "seen_alone": "The child was seen alone",
    },
    booleans=[
        (
            "child_agrees_to_fewer_visits",
            "Long-term foster placement of a year or more: does the child agree to "
            "be visited less often, at most every 6 months?",
            False,
            "Only for a child of sufficient age and understanding (Care Planning Regulations reg 28(3A)). "
            "Leave blank if not asked; the latest answer stands.",
        )
    ],
)
CarePlanningForm = record_form(
    CarePlanning,
    ["kind", "completed_on", "notes"],
    {
        "kind": "Plan or notice completed",
        "completed_on": "Date completed",
    },
)
TemporaryApprovalForm = record_form(
    TemporaryApproval,
    ["carers", "approved_on", "extended_until", "extension_reason", "ended_on", "outcome"],
    {
        "carers": "Connected person (relative, friend or other person connected with the child)",
        "approved_on": "Date temporary approval was given",
        "extended_until": "Extended until",
        "extension_reason": "Why was it extended?",
        "ended_on": "Date temporary approval ended",
        "outcome": "How did it end?",
    },
    widgets=["extension_reason", "outcome"],
)
NationalTransferForm = record_form(
    NationalTransfer,
    ["referred_on", "allocated_on", "receiving_council", "transferred_on", "withdrawn_on"],
    {
        "referred_on": "Date referred to the National Transfer Scheme",
        "allocated_on": "Date a receiving council was allocated",
        "receiving_council": "Receiving council",
        "transferred_on": "Date the child transferred",
        "withdrawn_on": "Date the referral was withdrawn",
    },
)
HealthAssessmentForm = record_form(
    HealthAssessment,
    ["assessed_on", "kind", "immunisations_up_to_date", "development_checks_up_to_date", "notes"],
    {"assessed_on": "Date of the health assessment", "kind": "Type of assessment"},
    booleans=[
        ("immunisations_up_to_date", "Are the child's immunisations up to date?"),
        ("development_checks_up_to_date", "Under 5: are developmental and health checks up to date?"),
    ],
)
DentalCheckForm = record_form(DentalCheck, ["checked_on"], {"checked_on": "Date of the dental check"})
SDQForm = record_form(
    StrengthsAndDifficulties,
    ["completed_on", "score", "reason_no_score"],
    {
        "completed_on": "Date of the questionnaire",
        "score": "Total difficulties score (0 to 40)",
        "reason_no_score": "If there is no score, why not?",
    },
    widgets=["reason_no_score"],
)
SubstanceMisuseForm = record_form(
    SubstanceMisuse,
    ["identified_on", "intervention"],
    {
        "identified_on": "Date the substance misuse problem was identified",
        "intervention": "Intervention",
    },
)
YouthJusticeForm = record_form(
    YouthJusticeDisposal, ["given_on", "outcome"], {"given_on": "Date", "outcome": "Outcome"}
)
PEPForm = record_form(
    PersonalEducationPlan,
    ["meeting_on", "school", "virtual_school_officer", "rating", "targets"],
    {
        "meeting_on": "Date of the PEP meeting",
        "virtual_school_officer": "Virtual School officer",
    },
    widgets=["school", "virtual_school_officer", "rating"],
)
MissingForm = record_form(
    MissingEpisode,
    ["kind", "started_on", "ended_on", "return_interview_offered_on", "return_interview_accepted", "notes"],
    {
        "kind": "Missing or away?",
        "started_on": "Date they went missing or away",
        "ended_on": "Date they came back",
        "return_interview_offered_on": "Date a return interview was offered",
    },
    booleans=[("return_interview_accepted", "Did the child accept the return interview?")],
)
MissingReturnForm = record_form(
    MissingEpisode,
    ["ended_on", "return_interview_offered_on", "return_interview_accepted", "notes"],
    {
        "ended_on": "Date they came back",
        "return_interview_offered_on": "Date a return interview was offered",
    },
    booleans=[("return_interview_accepted", "Did the child accept the return interview?")],
)
PermanencePlanForm = record_form(
    PermanencePlan,
    ["decided_on", "plan", "notes"],
    {
        "decided_on": "Date the plan was agreed",
        "plan": "Permanence plan",
    },
)
AdoptionForm = record_form(
    Adoption,
    [
        "best_interest_decision_on",
        "placement_order_on",
        "matched_on",
        "placed_on",
        "adoption_order_on",
        "decision_reversed_on",
        "reversal_reason",
        "foster_carer_adoption",
        "adopter_sex",
        "adopter_legal_status",
    ],
    {
        "best_interest_decision_on": "Best interest decision (should be placed for adoption)",
        "placement_order_on": "Authority to place (placement order or consent)",
        "matched_on": "Match with adopters",
        "placed_on": "Moved in with the adoptive family",
        "adoption_order_on": "Adoption order",
        "decision_reversed_on": "Decision reversed: no longer to be placed for adoption",
    },
    booleans=[("foster_carer_adoption", "Adopted by the child's foster carers?")],
    widgets=["reversal_reason", "adopter_sex", "adopter_legal_status"],
)
UASCForm = record_form(
    UnaccompaniedChild,
    ["arrived_on", "arrival_route", "transferred_from", "age_undetermined", "ceased_on"],
    {
        "arrived_on": "Date the child arrived",
        "arrival_route": "How did the child arrive?",
        "age_undetermined": "The child's date of birth is not known",
        "ceased_on": "Date UASC status ended",
    },
)
AgeAssessmentReferralForm = record_form(
    AgeAssessment, ["referred_on"], {"referred_on": "Date referred for assessment"}
)
AgeAssessmentOutcomeForm = record_form(
    AgeAssessment,
    ["completed_on", "outcome", "assessed_birth_date"],
    {
        "completed_on": "Date the assessment was completed",
        "assessed_birth_date": "Assessed date of birth",
    },
)
DeprivationOfLibertyForm = record_form(
    DeprivationOfLiberty,
    ["start_date", "end_date"],
    {
        "start_date": "Date the order started",
        "end_date": "Date the order ended",
    },
)


class EstimatedBirthYearMixin(forms.Form):
    estimated_birth_year = forms.IntegerField(
        label="Estimated year of birth",
        required=False,
        min_value=1990,
        help_text="If the date of birth is not known, 1 January of this year is used.",
    )

    def clean(self):
        data = super().clean()
        if data.get("age_undetermined") and not data.get("estimated_birth_year"):
            self.add_error("estimated_birth_year", "Enter the estimated year of birth")
        return data


class UnaccompaniedForm(EstimatedBirthYearMixin, UASCForm):
    field_order = [
        "arrived_on",
        "arrival_route",
        "transferred_from",
        "age_undetermined",
        "estimated_birth_year",
    ]
