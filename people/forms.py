"""Forms for finding a person (the Find a child page and the header's one box) and for merging duplicate
records.

Error messages follow the GOV.UK Design System wording, because they are shown in an
error summary that links to each field.
"""

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import Any, cast

from django import forms
from django.utils import timezone

from thrive import limits
from thrive.forms import GovukModelForm

from .identifiers import normalise_nhs_number, validate_nhs_number
from .matching import Criteria
from .models import Person, PersonFlag, search_key

POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
CRITERIA = ("forename", "surname", "name", "nhs_number", "dob", "la_id", "postcode")
TYPED_DATE = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$")

DATE_PARTS = ("dob_day", "dob_month", "dob_year")


def _text(
    label: str, max_length: int = 100, help_text: str = "", required_message: str = ""
) -> forms.CharField:
    """A text field; it is required when given the message to show if it is left empty."""
    messages = {
        "max_length": f"{label} must be {max_length} characters or fewer",
        "required": required_message,
    }
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=bool(required_message),
        help_text=help_text,
        error_messages=messages,
    )


def normalise_postcode(value: str) -> str:
    """'le1 1aa' -> 'LE1 1AA', as addresses are stored; anything else upper-cased as typed."""
    compact = re.sub(r"\s+", "", value or "").upper()
    match = POSTCODE.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else (value or "").strip().upper()


def read_box(text: str) -> dict[str, str]:
    """The header's one search box as the fields it most likely means: an NHS number, a council ID, a
    postcode, a date of birth (27/3/2019), and names ("Maya Okafor", "Okafor, Maya" or just "Okafor")."""
    text = " ".join((text or "").split())
    fields: dict[str, str] = {}
    digits = re.sub(r"\s", "", text)
    if digits.isdigit() and len(digits) == 10:
        return {"nhs_number": text}
    if text and Person.objects.filter(la_id__in={text, text.upper()}).exists():
        return {"la_id": text}
    if POSTCODE.match(re.sub(r"\s+", "", text).upper()):
        return {"postcode": text}
    words = []
    for word in text.replace(",", " , ").split():
        typed = TYPED_DATE.match(word)
        if typed and "dob_day" not in fields:
            fields.update(dob_day=typed.group(1), dob_month=typed.group(2), dob_year=typed.group(3))
        else:
            words.append(word)
    if "," in words:  # "Okafor, Maya"
        at = words.index(",")
        surname, forename = " ".join(words[:at]), " ".join(w for w in words[at + 1 :] if w != ",")
    elif len(words) > 1:
        forename, surname = words[0], " ".join(words[1:])
    else:
        fields.update(name=" ".join(words))  # one word may be either name
        forename = surname = ""
    fields.update({key: value for key, value in (("forename", forename), ("surname", surname)) if value})
    return fields or {"name": text}


class SearchForm(forms.Form):
    """Find people by name, date of birth, NHS number, council ID or postcode, forgiving slips in names and
    dates of birth (people.matching), as a master person index does."""

    forename = _text("First name", help_text="The start of the name is enough")
    surname = _text("Last name", help_text="The start of the name is enough. Similar names are found too")
    dob_day = _text("Day", max_length=2)
    dob_month = _text("Month", max_length=2)
    dob_year = _text("Year", max_length=4)
    nhs_number = _text("NHS number", max_length=20, help_text="For example, 943 476 5919")
    la_id = _text("Council ID", max_length=20)
    postcode = _text("Postcode", max_length=10, help_text="Of any address, now or in the past")
    name = forms.CharField(
        label="Name", max_length=100, required=False, widget=forms.HiddenInput
    )  # one word typed in the header's box

    date_error_parts: tuple[str, ...] = ()

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if data is not None and "q" in data and not any(data.get(name) for name in self.base_fields):
            data = read_box(data["q"])  # the header's box: shown in the fields it was read as
        super().__init__(data, *args, **kwargs)

    @classmethod
    def submitted(cls, data: Mapping[str, Any]) -> bool:
        return "q" in data or any(name in data for name in cls.base_fields)

    def clean_postcode(self) -> str:
        return normalise_postcode(self.cleaned_data["postcode"]) if self.cleaned_data["postcode"] else ""

    def clean_la_id(self) -> str:
        la_id: str = self.cleaned_data["la_id"].strip()
        return la_id

    def clean_nhs_number(self) -> str:
        value = self.cleaned_data["nhs_number"].strip()
        if value:
            validate_nhs_number(value)
        return normalise_nhs_number(value)

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        data["dob"] = self._clean_date()
        for name in ("forename", "surname", "name"):
            if data.get(name) and not search_key(data[name]):
                self.add_error(name, f"{self.fields[name].label} must include letters")
        if not any(data.get(name) for name in CRITERIA) and not self.errors:
            raise forms.ValidationError(
                "Enter a name, date of birth, NHS number, council ID or postcode to search for"
            )
        return data

    def _clean_date(self) -> datetime.date | None:
        """The GOV.UK date input pattern: say which part is missing, or that the date is not real."""
        parts = {name: (self.cleaned_data.get(name) or "").strip() for name in DATE_PARTS}
        missing = [name for name in DATE_PARTS if not parts[name]]
        if len(missing) == len(DATE_PARTS):
            return None
        if missing:
            words = " and ".join(self.fields[name].label.lower() for name in missing)  # type: ignore[union-attr]
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

    def _date_error(self, message: str, parts: Sequence[str]) -> datetime.date | None:
        """One message for the date, attached to the first part at fault so the summary links there."""
        self.date_error_parts = tuple(parts)
        self.add_error(parts[0], message)
        return None

    @property
    def date_error(self) -> str:
        for name in DATE_PARTS:
            if self.errors.get(name):
                return str(self.errors[name][0])
        return ""

    def criteria(self) -> Criteria:
        data = self.cleaned_data
        return Criteria(
            forename=data["forename"],
            surname=data["surname"],
            name=data["name"],
            dob=data["dob"],
            nhs_number=data["nhs_number"],
            la_id=data["la_id"],
            postcode=data["postcode"],
        )


class MergeForm(forms.Form):
    duplicate_la_id = _text(
        "Council ID of the duplicate record",
        max_length=20,
        help_text="The record to fold into this one. Find a child shows each record's council ID.",
        required_message="Enter the council ID of the duplicate record",
    )
    reason = forms.CharField(
        label="Why are these the same person?",
        widget=forms.Textarea,
        max_length=limits.LONG_TEXT,
        help_text="For example, the evidence that they are one child. This is kept in both records' history.",
        error_messages={
            "required": "Enter why these records are the same person",
            "max_length": f"Reason must be {limits.LONG_TEXT:,} characters or fewer",
        },
    )

    def clean_duplicate_la_id(self) -> str:
        la_id: str = self.cleaned_data["duplicate_la_id"].strip()
        self.duplicate = Person.objects.select_related("merged_into").filter(la_id=la_id).first()
        if self.duplicate is None:
            raise forms.ValidationError(f"There is no record with council ID {la_id}")
        return la_id


class UndoMergeForm(forms.Form):
    reason = forms.CharField(
        label="Why are you undoing this merge?",
        widget=forms.Textarea,
        max_length=limits.LONG_TEXT,
        error_messages={
            "required": "Enter why you are undoing this merge",
            "max_length": f"Reason must be {limits.LONG_TEXT:,} characters or fewer",
        },
    )


class FlagForm(GovukModelForm):
    class Meta(GovukModelForm.Meta):
        model = PersonFlag
        fields = ["kind", "detail", "start_date"]
        widgets = {"kind": forms.RadioSelect, "detail": forms.Textarea}
        help_texts = {
            "detail": "For example, a parent threatened a worker: visit in pairs and meet away from home"
        }
        labels = {"kind": "Type of warning"}
