"""Family Help, assessment and child in need plan forms."""

from django import forms

from access.allocation import CASEWORK_TEAM_KINDS
from access.forms import team_field, worker_field
from access.models import TeamKind
from frontdoor.codes import PrimaryNeed
from thrive.forms import DateField, GovukForm, GovukModelForm

from .codes import AssessmentFactor
from .framework import CHILD_VIEWS, DOMAINS, FAMILY_VIEWS, SECTIONS
from .models import Assessment, FamilyHelpEpisode, FamilyPlan


class FamilyPlanForm(GovukModelForm):
    next_review_due = DateField(label="Next review due", required=False, future=True)

    class Meta(GovukModelForm.Meta):
        model = FamilyPlan
        fields = ["agreed_on", "goals", "next_review_due"]
        labels = {
            "agreed_on": "Date agreed with the family",
            "goals": "What the family and practitioners will do",
        }


class StepForm(GovukForm):
    decided_on = DateField(label="Date of the decision")
    reason = forms.CharField(label="Reason for the decision", widget=forms.Textarea)
    worker = worker_field()
    team = team_field(CASEWORK_TEAM_KINDS)


class StepDownForm(StepForm):
    worker = worker_field(label="Lead practitioner")
    team = team_field([TeamKind.FAMILY_HELP], label="Team (Family Help)")


class EndEpisodeForm(GovukModelForm):
    end_date = DateField(label="Date Family Help ended")

    class Meta(GovukModelForm.Meta):
        model = FamilyHelpEpisode
        fields = ["end_date", "closure_reason"]
        labels = {"closure_reason": "Reason Family Help ended"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["closure_reason"].required = True


NO_FACTORS_ALONE = (
    "Factors identified at assessment: select “No factors identified” on its own, or the factors "
    "that were identified"
)


class StartAssessmentForm(GovukForm):
    start_date = DateField(label="Date the assessment started")
    worker = worker_field(label="Assessing social worker")


class FactorsForm(GovukForm):
    factors = forms.MultipleChoiceField(
        label="Factors identified at assessment",
        choices=AssessmentFactor.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )

    def clean_factors(self):
        factors = self.cleaned_data["factors"]
        if AssessmentFactor.NO_FACTORS in factors and len(factors) > 1:
            raise forms.ValidationError(NO_FACTORS_ALONE)
        return factors


class AssessmentOutcomeForm(GovukModelForm):
    primary_need = forms.ChoiceField(label="Primary need", choices=PrimaryNeed.choices)

    class Meta(GovukModelForm.Meta):
        model = Assessment
        fields = ["outcome", "summary", "primary_need"]
        labels = {"outcome": "Outcome of the assessment", "summary": "Summary of the analysis"}
        widgets = {"outcome": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("outcome", "summary"):
            self.fields[name].required = True


class AssessmentContentForm(GovukForm):
    """The assessment written under the framework's headings; any heading may be left for later."""

    child_seen_on = DateField(
        label="Date the child was seen",
        required=False,
        help_text="The day the assessing worker saw the child. For example, 27 3 2025",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, heading in SECTIONS.items():
            self.fields[key] = forms.CharField(
                label=heading, required=False, widget=forms.Textarea(attrs={"rows": 4})
            )
        child_views = self.fields[CHILD_VIEWS[0]]
        child_views.help_text = (
            "In the child's own words where you can: what they told you, showed you or how they seemed"
        )
        self.word_errors()

    def groups(self):
        """(heading, fields) for the template: the child seen and the views first, then each domain."""
        views = [self["child_seen_on"], self[CHILD_VIEWS[0]], self[FAMILY_VIEWS[0]]]
        return [("The child and family's voice", views)] + [
            (domain.title, [self[key] for key, _ in domain.dimensions]) for domain in DOMAINS
        ]

    def sections(self) -> dict[str, str]:
        return {key: self.cleaned_data[key] for key in SECTIONS}


class CommentForm(GovukForm):
    comment = forms.CharField(label="Comments", widget=forms.Textarea, required=False)

    def __init__(self, *args, label="Comments", required=False, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].label, self.fields["comment"].required = label, required
        self.fields["comment"].help_text = help_text
        self.fields["comment"].error_messages["required"] = f"Enter {label[:1].lower()}{label[1:]}"


class AuthoriseForm(GovukForm):
    date = DateField(label="Date authorised")
    comment = forms.CharField(
        label="Comments for the worker (optional)", widget=forms.Textarea, required=False
    )
