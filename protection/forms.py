"""Child protection forms; a strategy discussion and a conference list who took part, by agency."""

from django import forms

from access.allocation import CHAIR_ROLES
from access.forms import team_field, worker_field
from access.models import TeamKind
from thrive.forms import DateField, GovukForm, GovukModelForm, lower_first

from .codes import (
    AbuseCategory,
    Agency,
    ConferenceOutcome,
    CoreGroupAgency,
    Section47Outcome,
    StrategyOutcome,
)
from .models import Visit

ATTENDEE_ROWS = 8  # blank rows offered; rows left empty are ignored


class AttendeesForm(GovukForm):
    """Adds rows of attendee name and agency; `attendees` gives the rows filled in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, ATTENDEE_ROWS + 1):
            self.fields[f"attendee_name_{n}"] = forms.CharField(
                label=f"Name of attendee {n}", max_length=200, required=False
            )
            self.fields[f"attendee_agency_{n}"] = forms.ChoiceField(
                label=f"Agency of attendee {n}", choices=[("", "Select one"), *Agency.choices], required=False
            )
        self.fields["attendee_agency_1"].initial = Agency.SOCIAL_CARE
        self.word_errors()

    def attendee_rows(self):
        """(name field, agency field) pairs, for the template's table."""
        return [
            (self[f"attendee_name_{n}"], self[f"attendee_agency_{n}"]) for n in range(1, ATTENDEE_ROWS + 1)
        ]

    def main_fields(self):
        return [field for field in self if not field.name.startswith("attendee_")]

    def clean(self):
        data = super().clean()
        rows = []
        for n in range(1, ATTENDEE_ROWS + 1):
            name, agency = (data.get(f"attendee_name_{n}") or "").strip(), data.get(f"attendee_agency_{n}")
            if name and not agency:
                self.add_error(f"attendee_agency_{n}", f"Select the agency of attendee {n}")
            elif agency and not name and n > 1:
                self.add_error(f"attendee_name_{n}", f"Enter the name of attendee {n}")
            elif name:
                rows.append((name, agency))
        if not rows and "attendee_name_1" not in self.errors:
            self.add_error("attendee_name_1", "Enter the name and agency of at least one attendee")
        data["attendees"] = rows
        return data

    def values(self) -> dict:
        """The cleaned data as the services take it: attendees as (name, agency) pairs."""
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith("attendee_")}


class StrategyForm(AttendeesForm):
    held_on = DateField(label="Date of the strategy discussion")
    chaired_by = worker_field(label="Chaired by", required=False)
    outcome = forms.ChoiceField(label="Outcome", choices=StrategyOutcome.choices, widget=forms.RadioSelect)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)


class Section47OutcomeForm(GovukForm):
    outcome = forms.ChoiceField(
        label="Outcome of the enquiry", choices=Section47Outcome.choices, widget=forms.RadioSelect
    )
    completed_on = DateField(label="Date the enquiry was completed")


class ConferenceForm(AttendeesForm):
    date = DateField(label="Date of the conference")
    chair = worker_field(label="Chair", roles=CHAIR_ROLES)


class InitialConferenceForm(ConferenceForm):
    outcome = forms.ChoiceField(
        label="Decision",
        widget=forms.RadioSelect,
        choices=[
            (ConferenceOutcome.PLAN, "Child protection plan"),
            (ConferenceOutcome.NO_PLAN, "No child protection plan"),
        ],
    )
    category = forms.ChoiceField(
        label="Category of abuse",
        choices=AbuseCategory.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text="For a child protection plan",
    )
    team = team_field([TeamKind.MULTI_AGENCY_CP], label="Multi-agency child protection team", required=False)
    lead_practitioner = worker_field(label="Lead child protection practitioner", required=False)

    def clean(self):
        data = super().clean()
        if data.get("outcome") == ConferenceOutcome.PLAN:
            for name in ("category", "team", "lead_practitioner"):
                if not data.get(name):
                    self.add_error(name, f"Select the {lower_first(self.fields[name].label)} for the plan")
        return data


class ReviewConferenceForm(ConferenceForm):
    outcome = forms.ChoiceField(
        label="Decision",
        widget=forms.RadioSelect,
        choices=[
            (ConferenceOutcome.CONTINUE, "The plan continues"),
            (ConferenceOutcome.END_PLAN, "The plan ends"),
        ],
    )
    category = forms.ChoiceField(
        label="Category of abuse now",
        choices=[("", "Not changed"), *AbuseCategory.choices],
        required=False,
        help_text="Only if it has changed since the last conference",
    )


class VisitForm(GovukModelForm):
    class Meta(GovukModelForm.Meta):
        model = Visit
        fields = ["kind", "visited_on", "child_seen", "seen_alone", "notes"]
        labels = {
            "kind": "Kind of visit",
            "visited_on": "Date of the visit",
            "child_seen": "The child was seen",
            "seen_alone": "The child was seen alone",
            "notes": "Visit notes",
        }
        help_texts = {"notes": "What you saw, what the child said and how they seemed, and what happens next"}
        widgets = {"kind": forms.RadioSelect, "notes": forms.Textarea(attrs={"rows": 8})}


class CoreGroupMemberForm(GovukForm):
    name = forms.CharField(label="Name", max_length=200)
    role = forms.CharField(
        label="Role or relationship to the child",
        max_length=200,
        help_text="For example: Mum, Health visitor, Designated safeguarding lead",
    )
    agency = forms.ChoiceField(label="Here for", choices=CoreGroupAgency.choices, widget=forms.RadioSelect)
    joined_on = DateField(label="Date they joined the core group")


class CoreGroupMeetingForm(GovukForm):
    held_on = DateField(label="Date of the meeting")
    notes = forms.CharField(
        label="Progress against the plan",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text="What has changed, what has not, and what the child has said",
    )
    next_meeting_on = DateField(label="Date of the next meeting", required=False, future=True)

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"] = forms.ModelMultipleChoiceField(
            label="Who came", queryset=members, required=False, widget=forms.CheckboxSelectMultiple
        )
        self.order_fields(["held_on", "attendees", "notes", "next_meeting_on"])
        self.word_errors()
