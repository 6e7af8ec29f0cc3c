"""Forms for finding a person and for merging duplicate records.

Error messages follow the GOV.UK Design System wording, because they are shown in an
error summary that links to each field.
"""
import datetime

from django import forms
from django.db.models.functions import Coalesce
from django.utils import timezone

from thrive import limits

from .identifiers import normalise_nhs_number, validate_nhs_number
from .models import Person, search_key

DATE_PARTS = ("dob_day", "dob_month", "dob_year")


def _text(label, max_length=100, help_text="", required_message=""):
    """A text field; it is required when given the message to show if it is left empty."""
    messages = {"max_length": f"{label} must be {max_length} characters or fewer", "required": required_message}
    return forms.CharField(
        label=label, max_length=max_length, required=bool(required_message), help_text=help_text, error_messages=messages
    )


class SearchForm(forms.Form):
    """Find people by name prefix, date of birth or NHS number, as a master person index does."""

    forename = _text("First name", help_text="The start of the name is enough")
    surname = _text("Last name", help_text="The start of the name is enough")
    dob_day = _text("Day", max_length=2)
    dob_month = _text("Month", max_length=2)
    dob_year = _text("Year", max_length=4)
    nhs_number = _text("NHS number", max_length=20, help_text="For example, 943 476 5919")

    date_error_parts = ()

    @classmethod
    def submitted(cls, data) -> bool:
        return any(name in data for name in cls.base_fields)

    def clean_nhs_number(self):
        value = self.cleaned_data["nhs_number"].strip()
        if value:
            validate_nhs_number(value)
        return normalise_nhs_number(value)

    def clean(self):
        data = super().clean()
        data["dob"] = self._clean_date()
        for name in ("forename", "surname"):
            if data.get(name) and not search_key(data[name]):
                self.add_error(name, f"{self.fields[name].label} must include letters")
        has_criteria = any(data.get(name) for name in ("forename", "surname", "nhs_number", "dob"))
        if not has_criteria and not self.errors:
            raise forms.ValidationError("Enter a name, date of birth or NHS number to search for")
        return data

    def _clean_date(self) -> datetime.date | None:
        """The GOV.UK date input pattern: say which part is missing, or that the date is not real."""
        parts = {name: (self.cleaned_data.get(name) or "").strip() for name in DATE_PARTS}
        missing = [name for name in DATE_PARTS if not parts[name]]
        if len(missing) == len(DATE_PARTS):
            return None
        if missing:
            words = " and ".join(self.fields[name].label.lower() for name in missing)
            return self._date_error(f"Date of birth must include a {words}", missing)
        if not all(value.isdigit() for value in parts.values()):
            return self._date_error("Date of birth must be a real date", DATE_PARTS)
        if len(parts["dob_year"]) != 4:
            return self._date_error("Year must include 4 numbers", ["dob_year"])
        try:
            dob = datetime.date(int(parts["dob_year"]), int(parts["dob_month"]), int(parts["dob_day"]))
        except ValueError:
            return self._date_error("Date of birth must be a real date", DATE_PARTS)
        if dob > timezone.localdate():
            return self._date_error("Date of birth must be today or in the past", DATE_PARTS)
        return dob

    def _date_error(self, message, parts):
        """One message for the date, attached to the first part at fault so the summary links there."""
        self.date_error_parts = tuple(parts)
        self.add_error(parts[0], message)
        return None

    @property
    def date_error(self) -> str:
        for name in DATE_PARTS:
            if self.errors.get(name):
                return self.errors[name][0]
        return ""

    def results(self):
        """Current (not merged) records matching every criterion given, using the indexed search fields."""
        data = self.cleaned_data
        # Rather than .current(): without table statistics SQLite would choose the merged_into
        # index, which matches nearly every row; testing a function of the column leaves the
        # name, date of birth and NHS number indexes to do the work.
        people = Person.objects.alias(merged=Coalesce("merged_into_id", 0)).filter(merged=0)
        if data["nhs_number"]:
            people = people.filter(nhs_number=data["nhs_number"])
        for name in ("forename", "surname"):
            key = search_key(data[name])
            if key:
                field = f"search_{name}"
                people = people.filter(**{f"{field}__gte": key, f"{field}__lt": _next_key(key)})
        if data["dob"]:
            people = people.filter(birth_date=data["dob"])
        return people.only("forename", "surname", "birth_date", "expected_birth_date", "la_id").order_by(
            "search_surname", "search_forename", "birth_date", "pk"
        )


def _next_key(prefix: str) -> str:
    """The first key after every key starting with `prefix`: "smi" -> "smj".

    A range on the indexed column finds a prefix with the B-tree index on SQLite and PostgreSQL
    alike (LIKE cannot on SQLite). Bumping the last letter, rather than appending a high
    character such as U+FFFF, does not depend on how a database collation weighs that character.
    """
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


class MergeForm(forms.Form):
    duplicate_la_id = _text(
        "Council ID of the duplicate record", max_length=20,
        help_text="The record to fold into this one. Find a child shows each record's council ID.",
        required_message="Enter the council ID of the duplicate record",
    )
    reason = forms.CharField(
        label="Why are these the same person?", widget=forms.Textarea, max_length=limits.LONG_TEXT,
        help_text="For example, the evidence that they are one child. This is kept in both records' history.",
        error_messages={"required": "Enter why these records are the same person",
                        "max_length": f"Reason must be {limits.LONG_TEXT:,} characters or fewer"},
    )

    def clean_duplicate_la_id(self):
        la_id = self.cleaned_data["duplicate_la_id"].strip()
        self.duplicate = Person.objects.select_related("merged_into").filter(la_id=la_id).first()
        if self.duplicate is None:
            raise forms.ValidationError(f"There is no record with council ID {la_id}")
        return la_id


class UndoMergeForm(forms.Form):
    reason = forms.CharField(
        label="Why are you undoing this merge?", widget=forms.Textarea, max_length=limits.LONG_TEXT,
        error_messages={"required": "Enter why you are undoing this merge",
                        "max_length": f"Reason must be {limits.LONG_TEXT:,} characters or fewer"},
    )
