from django import forms

from people.models import Person

from .models import RetentionReview, ReviewStatus


class ConfirmForm(forms.Form):
    reviews = forms.ModelMultipleChoiceField(
        label="Records to anonymise",
        queryset=RetentionReview.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the records to anonymise"},
    )
    note = forms.CharField(
        label="Why these records can go",
        max_length=1000,
        widget=forms.Textarea,
        help_text="For the log: for example, checked against the case management notes.",
        error_messages={"required": "Enter why these records can go"},
    )
    confirm = forms.BooleanField(
        label=(
            "I have checked these records are not needed for a complaint, an inquiry or a request for records"
        ),
        error_messages={"required": "Confirm you have checked these records"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviews"].queryset = RetentionReview.objects.filter(status=ReviewStatus.DUE)


class HoldForm(forms.Form):
    la_id = forms.CharField(
        label="Council ID of the record",
        max_length=20,
        error_messages={"required": "Enter the council ID of the record"},
    )
    reason = forms.CharField(
        label="Why the record must be kept",
        max_length=1000,
        widget=forms.Textarea,
        help_text="For example: the litigation, inquiry or request, and its reference.",
        error_messages={"required": "Enter why the record must be kept"},
    )

    def clean_la_id(self):
        la_id = self.cleaned_data["la_id"].strip()
        person = Person.objects.filter(la_id__iexact=la_id).first()
        if person is None:
            raise forms.ValidationError(f"No record has council ID {la_id}")
        self.person = person
        return la_id


class LiftForm(forms.Form):
    reason = forms.CharField(
        label="Why the hold can be lifted",
        max_length=1000,
        widget=forms.Textarea,
        error_messages={"required": "Enter why the hold can be lifted"},
    )
