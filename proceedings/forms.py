"""FGDM, pre-proceedings and care proceedings forms."""

from django import forms

from thrive.forms import DateField, GovukForm, GovukModelForm

from .codes import CourtOrder, PreProceedingsOutcome
from .models import FGDMException, FGDMOffer

EXPLAINED_LABELS = {
    "explained_to_court_on": "Date explained to the court",
    "explained_to_family_on": "Date explained to the family",
}


class OfferForm(GovukModelForm):
    class Meta(GovukModelForm.Meta):
        model = FGDMOffer
        fields = ["offered_on", "response", "responded_on"]
        labels = {
            "offered_on": "Date offered",
            "response": "The family's answer",
            "responded_on": "Date the family answered",
        }
        widgets = {"response": forms.RadioSelect}


class MeetingForm(GovukForm):
    held_on = DateField(label="Date of the meeting")
    facilitated = forms.BooleanField(label="Run by an independent coordinator", required=False, initial=True)
    participants = forms.MultipleChoiceField(
        label="Who from the family network took part", required=False, widget=forms.CheckboxSelectMultiple
    )
    family_plan = forms.CharField(label="The family's plan", widget=forms.Textarea, required=False)
    plan_agreed = forms.BooleanField(label="The council agreed the family's plan", required=False)

    def __init__(self, *args, network, **kwargs):
        """`network`: (person, role) pairs, the child first, from the child's family network."""
        super().__init__(*args, **kwargs)
        self.network = {str(person.pk): (person, role) for person, role in network}
        self.fields["participants"].choices = [
            (key, f"{p.full_name} ({role})") for key, (p, role) in self.network.items()
        ]

    def clean_participants(self):
        return [self.network[key] for key in self.cleaned_data["participants"]]


class ExceptionForm(GovukModelForm):
    class Meta(GovukModelForm.Meta):
        model = FGDMException
        fields = ["reason", "decided_on", "explained_to_court_on", "explained_to_family_on"]
        labels = {
            "reason": "Why an FGDM offer is not in the child's best interests",
            "decided_on": "Date of the decision",
            **EXPLAINED_LABELS,
        }
        help_texts = {
            "explained_to_court_on": "Care proceedings cannot be issued until both dates are recorded"
        }


class ExplainedForm(GovukModelForm):
    class Meta(GovukModelForm.Meta):
        model = FGDMException
        fields = ["explained_to_court_on", "explained_to_family_on"]
        labels = EXPLAINED_LABELS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True


class PLOMeetingForm(GovukForm):
    held_on = DateField(label="Date of the meeting")
    is_review = forms.BooleanField(label="This was a review meeting", required=False)


class PreProceedingsOutcomeForm(GovukForm):
    step_decision_on = DateField(label="Date of the decision to end pre-proceedings")
    outcome = forms.ChoiceField(
        label="Outcome", choices=PreProceedingsOutcome.choices, widget=forms.RadioSelect
    )


class IssueForm(GovukForm):
    issued_on = DateField(label="Date issued")
    court = forms.CharField(label="Court", max_length=200, required=False)
    case_number = forms.CharField(label="Case number", max_length=50, required=False)


class ProceedingsOutcomeForm(GovukForm):
    ended_on = DateField(label="Date proceedings ended")
    outcome = forms.ChoiceField(label="Outcome", choices=CourtOrder.choices, widget=forms.RadioSelect)
