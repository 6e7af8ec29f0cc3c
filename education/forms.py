"""Forms for education work. Field names are the models', so a rule refused on saving lands on its field."""

from django import forms

from thrive.forms import DateField, GovukForm, GovukModelForm

from .codes import Decision, PepSection, Rag, Suitability
from .models import (
    ActivityRecord,
    AnnualReview,
    Attendance,
    AttendanceOrderStep,
    CmeReferral,
    EhcPlan,
    EhcRequest,
    Enquiry,
    Exclusion,
    HomeEducationNotice,
    PepTarget,
    PmeReferral,
    RegisterEntry,
    SeptemberGuarantee,
    TeamAroundSchool,
    TribunalAppeal,
)

SELECT = forms.Select
REGISTER_FIELDS = [
    "home_address",
    "parents",
    "educating_parents",
    "parent_hours",
    "other_providers",
    "other_hours",
    "support_requested",
]


def record_form(model, fields, labels=None, selects=(), booleans=()):
    """A GOV.UK model form for one thing recorded; `booleans` are (name, label) shown as yes/no radios."""
    meta = type(
        "Meta",
        (GovukModelForm.Meta,),
        {
            "model": model,
            "fields": fields,
            "labels": labels or {},
            "widgets": dict.fromkeys(selects, SELECT),
        },
    )
    attrs = {"Meta": meta}
    for name, label in booleans:
        attrs[name] = forms.TypedChoiceField(
            label=label,
            widget=forms.RadioSelect,
            coerce=lambda v: v == "True",
            choices=[("True", "Yes"), ("False", "No")],
        )
    return type(f"{model.__name__}Form", (GovukModelForm,), attrs)


class NoticeForm(GovukModelForm):
    """A home-education notice, with what the register needs if the child goes straight onto it."""

    home_address = forms.CharField(label="Child's home address", max_length=300)
    parents = forms.CharField(
        label="Each parent's name and home address", widget=forms.Textarea, help_text="One parent a line."
    )
    educating_parents = forms.CharField(label="Parents providing education", required=False, max_length=300)
    parent_hours = forms.IntegerField(
        label="Hours a week of education from parents", required=False, min_value=0, max_value=168
    )
    other_providers = forms.CharField(
        label="Other people or organisations providing education", required=False, widget=forms.Textarea
    )
    other_hours = forms.IntegerField(
        label="Hours a week from other providers", required=False, min_value=0, max_value=168
    )
    support_requested = forms.CharField(
        label="Support the family asked for", required=False, widget=forms.Textarea
    )

    class Meta(GovukModelForm.Meta):
        model = HomeEducationNotice
        fields = ["received_on", "school", "reason"]
        labels = {
            "received_on": "Date the notice was received",
            "school": "School the child is on the roll of",
            "reason": "Reason the family gives",
        }
        widgets = {"school": SELECT, "reason": SELECT}

    def register_fields(self) -> dict:
        return {
            name: self.cleaned_data.get(name) or ("" if name not in ("parent_hours", "other_hours") else None)
            for name in REGISTER_FIELDS
        }


class ConsentForm(GovukForm):
    decision = forms.ChoiceField(
        label="The council's decision", choices=Decision.choices, widget=forms.RadioSelect
    )
    decided_on = DateField(label="Date of the decision")
    reasons = forms.CharField(
        label="Reasons",
        widget=forms.Textarea,
        help_text="Told to the parents. Where consent is refused or withdrawn, say how the "
        "child will return to school.",
    )


class SuitabilityForm(GovukForm):
    suitability = forms.ChoiceField(
        label="Is the education suitable?", choices=Suitability.choices, widget=forms.RadioSelect
    )
    decided_on = DateField(label="Date of the decision")
    reasons = forms.CharField(label="Reasons", widget=forms.Textarea)


class CloseEntryForm(GovukModelForm):
    class Meta(GovukModelForm.Meta):
        model = RegisterEntry
        fields = ["closed_on", "closed_reason", "council_decision"]
        labels = {"closed_on": "Date the child left the register"}
        widgets = {"closed_reason": SELECT}

    def clean(self):
        data = super().clean()
        if not data.get("closed_reason"):
            self.add_error("closed_reason", "Select the reason the child left the register")
        if not data.get("closed_on"):
            self.add_error("closed_on", "Enter the date the child left the register")
        return data


EntryForm = record_form(
    RegisterEntry,
    ["basis", "opened_on", *REGISTER_FIELDS, "council_decision"],
    {"opened_on": "Date the child became eligible"},
    selects=["basis"],
)
SaoStepForm = record_form(
    AttendanceOrderStep, ["step", "served_on", "school", "notes"], selects=["step", "school"]
)
EnquiryForm = record_form(
    Enquiry,
    ["kind", "made_on", "child_seen", "found"],
    {"made_on": "Date", "kind": "What was done"},
    selects=["kind"],
)
CmeReferralForm = record_form(
    CmeReferral, ["received_on", "reason"], {"received_on": "Date of the referral"}, selects=["reason"]
)
CmeOutcomeForm = record_form(
    CmeReferral, ["outcome", "outcome_on"], {"outcome_on": "Date"}, selects=["outcome"]
)
PmeReferralForm = record_form(
    PmeReferral,
    ["school", "received_on", "reason", "absent_since"],
    {"received_on": "Date of the referral"},
    selects=["school", "reason"],
)
TeamAroundSchoolForm = record_form(
    TeamAroundSchool, ["held_on", "attended_by", "agreed"], {"held_on": "Date"}
)
ExclusionForm = record_form(
    Exclusion, ["school", "kind", "start_date", "days", "reason"], selects=["school", "kind", "reason"]
)
ProvisionForm = record_form(Exclusion, ["provision_from", "provision"])
AttendanceForm = record_form(
    Attendance, ["school", "term_start", "term_end", "possible", "attended"], selects=["school"]
)
EhcRequestForm = record_form(EhcRequest, ["received_on", "requested_by"], selects=["requested_by"])
EhcPlanForm = record_form(
    EhcPlan, ["issued_on", "primary_need", "school", "home_educated"], selects=["primary_need", "school"]
)
AnnualReviewForm = record_form(AnnualReview, ["held_on", "outcome", "decided_on"], selects=["outcome"])
AppealForm = record_form(
    TribunalAppeal, ["kind", "registered_on", "outcome", "decided_on"], selects=["kind", "outcome"]
)
ActivityForm = record_form(
    ActivityRecord, ["recorded_on", "activity"], {"recorded_on": "Date known"}, selects=["activity"]
)
GuaranteeForm = record_form(
    SeptemberGuarantee, ["year", "offer"], booleans=[("offer", "Offer of a suitable place?")]
)
PepTargetForm = record_form(
    PepTarget, ["target", "pupil_premium_plus", "result", "reviewed_on"], selects=["result"]
)


class TriageForm(GovukForm):
    on = DateField(label="Date")
    outcome = forms.ChoiceField(label="Outcome", widget=forms.RadioSelect)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = choices


class EhcDecisionForm(GovukForm):
    on = DateField(label="Date of the decision")
    yes = forms.TypedChoiceField(
        label="",
        widget=forms.RadioSelect,
        coerce=lambda v: v == "True",
        choices=[("True", "Yes"), ("False", "No")],
    )

    def __init__(self, *args, question="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["yes"].label = question


class PepQualityForm(GovukForm):
    """One rating per PEP section, with feedback, and the overall rating."""

    assured_on = DateField(label="Date of the quality assurance")
    rating = forms.ChoiceField(label="Overall rating", choices=Rag.choices, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section, label in PepSection.choices:
            self.fields[f"section_{section}"] = forms.ChoiceField(
                label=label, choices=[("", "Not rated"), *Rag.choices], required=False
            )
            self.fields[f"feedback_{section}"] = forms.CharField(
                label=f"Feedback: {label.lower()}", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
        self.word_errors()  # the sections' fields get their wording and length limits too

    def sections(self):
        for section, _ in PepSection.choices:
            rating = self.cleaned_data.get(f"section_{section}")
            if rating:
                yield section, rating, self.cleaned_data.get(f"feedback_{section}", "")
