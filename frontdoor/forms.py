"""Front-door forms: a contact (for a known or a new child), the decision on it, closing a referral,
oversight."""

import datetime

from django import forms
from django.utils import timezone

from access.allocation import CASEWORK_TEAM_KINDS
from access.forms import team_field, worker_field
from people.matching import Criteria
from people.models import search_key
from people.search import find_people, search_terms
from thrive.forms import DateField, GovukForm, GovukModelForm, TimeField

from .codes import REFERRAL_OUTCOMES, ClosureReason, ContactOutcome, ReferralSource
from .models import ManagementOversight

ALLOCATING_OUTCOMES = {*REFERRAL_OUTCOMES, ContactOutcome.FAMILY_HELP}
MATCHES_SHOWN = 10  # close matches listed before a new child's record is made


class ContactForm(GovukForm):
    """When the contact reached the council is asked for separately: the recorded time is now."""

    source = forms.ChoiceField(label="Source of the contact", choices=ReferralSource.choices)
    referrer = forms.CharField(label="Referrer's name, role and organisation", max_length=200, required=False)
    received_on = DateField(
        label="Date received", help_text="When the contact reached the council. For example, 27 3 2025"
    )
    received_time = TimeField(label="Time received", help_text="24-hour clock, for example 09:30 or 14:05")
    summary = forms.CharField(label="Summary of the concern", widget=forms.Textarea)

    def clean(self):
        data = super().clean()
        if data.get("received_on") and data.get("received_time"):
            received = datetime.datetime.combine(data["received_on"], data["received_time"])
            data["received_at"] = timezone.make_aware(received)
            if data["received_at"] > timezone.now():
                self.add_error("received_time", "Time received must be now or in the past")
        return data

    def contact_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("source", "referrer", "received_at", "summary")}


class NewChildContactForm(ContactForm):
    """A contact about a child with no record yet: name and date of birth, then the contact.

    Before a record is made, the child is looked for as Find a child would (people.search, forgiving slips
    in names and dates of birth): close matches are listed, each with a link to record the contact on that
    record, and a new record is made only once the worker confirms none of them is the child. A record with
    the same name and date of birth is never duplicated.
    """

    forename = forms.CharField(label="First name", max_length=100)
    surname = forms.CharField(label="Last name", max_length=100)
    birth_date = DateField(label="Date of birth")
    none_match = forms.BooleanField(label="None of these is the child: make a new record", required=False)

    field_order = ["forename", "surname", "birth_date"]
    matches = ()

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean(self):
        data = super().clean()
        names = data.get("forename"), data.get("surname")
        if not (all(names) and data.get("birth_date")):
            return data
        criteria = Criteria(forename=names[0], surname=names[1], dob=data["birth_date"])
        self.matches = find_people(
            self.request,
            criteria,
            "Front door: records like a new child",
            search_terms({**data, "dob": data["birth_date"]}),
            limit=MATCHES_SHOWN,
        ).people
        same = [
            p
            for p in self.matches
            if p.exact
            and p.search_forename == search_key(names[0])
            and p.search_surname == search_key(names[1])
        ]
        if same:
            existing = same[0]
            self.add_error(
                "surname",
                (
                    f"{existing.full_name}, born {existing.birth_date:%-d %B %Y}, already has a record "
                    f"(council ID {existing.la_id}). Record the contact on that record."
                ),
            )
        elif self.matches and not data.get("none_match"):
            count = len(self.matches)
            self.add_error(
                "none_match",
                (
                    f"{count} record{'s are' if count > 1 else ' is'} like this child: record the contact on "
                    f"{'one of them' if count > 1 else 'it'}, or confirm none of them is the child"
                ),
            )
        return data


class DecisionForm(GovukForm):
    outcome = forms.ChoiceField(label="Decision", choices=ContactOutcome.choices, widget=forms.RadioSelect)
    rationale = forms.CharField(label="Rationale for the decision", widget=forms.Textarea)
    worker = worker_field(
        required=False,
        help_text=("For a referral, the allocated social worker; for Family Help, the lead practitioner"),
    )
    team = team_field(CASEWORK_TEAM_KINDS, required=False)

    def clean(self):
        data = super().clean()
        if data.get("outcome") in ALLOCATING_OUTCOMES:
            if not data.get("worker"):
                self.add_error("worker", "Select who to allocate a referral or Family Help to")
            if not data.get("team"):
                self.add_error("team", "Select the team for a referral or Family Help")
        return data


class CloseReferralForm(GovukForm):
    closure_date = DateField(label="Date closed")
    closure_reason = forms.ChoiceField(
        label="Reason for closure", choices=ClosureReason.choices, widget=forms.RadioSelect
    )


class OversightForm(GovukModelForm):
    class Meta(GovukModelForm.Meta):
        model = ManagementOversight
        fields = ["direction", "follow_up_by"]
        labels = {"direction": "Management direction", "follow_up_by": "Follow up by"}
        help_texts = {
            "direction": "What you reviewed, what you decided and by when it should happen",
            "follow_up_by": "When you will look at the case again. It shows as due work until you "
            "record your next oversight. For example, 27 3 2026",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["follow_up_by"].future = True

    def clean_follow_up_by(self):
        day = self.cleaned_data["follow_up_by"]
        if day and day < timezone.localdate():
            raise forms.ValidationError("Follow up by must be today or in the future")
        return day
