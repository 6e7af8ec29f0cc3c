"""GOV.UK form fields every app shares: the date input pattern, a 24-hour time, and error wording.

The GOV.UK Design System asks for error messages that say which field is wrong and how, shown
in an error summary that links to the field. Django's defaults ("This field is required.") name
nothing, so every casework form starts from GovukForm or GovukModelForm, which word them.
"""

import datetime
import re
from typing import Any

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst

from . import limits

DATE_PARTS = ("day", "month", "year")
TIME_PATTERN = re.compile(r"^(\d{1,2})[:.]?(\d{2})$")
MULTIPLE_CHOICE = (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)


def lower_first(label) -> str:
    """'Date received' -> 'date received', but 'FGDM offer' keeps its capitals."""
    label = str(label)
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


class GovukDateWidget(forms.MultiWidget):
    """Three boxes named <field>_day, <field>_month and <field>_year (rendered by govuk/date_input.html)."""

    def __init__(self, attrs=None):
        super().__init__(dict.fromkeys(DATE_PARTS, forms.TextInput), attrs)

    def decompress(self, value):
        return [value.day, value.month, value.year] if value else [None, None, None]


class DateBoundField(forms.BoundField):
    @property
    def parts(self) -> list[dict]:
        """Each box's name, label, value and whether the error is about it, for the template."""
        value = self.value()
        if isinstance(value, datetime.date):
            value = self.field.widget.decompress(value)
        value = value or [None, None, None]
        errors = self.errors.as_data()
        at_fault = (errors[0].params or {}).get("parts", DATE_PARTS) if errors else ()
        return [
            {
                "name": f"{self.html_name}_{part}",
                "label": capfirst(part),
                "value": value[i] or "",
                "width": 4 if part == "year" else 2,
                "error": part in at_fault,
                "id": self.auto_id if i == 0 else f"{self.auto_id}_{part}",
            }
            for i, part in enumerate(DATE_PARTS)
        ]


class DateField(forms.Field):
    """The GOV.UK date input: says which part is missing, or that the date is not real.

    Casework records what has happened, so dates are today or earlier unless `future=True`.
    """

    widget = GovukDateWidget

    def __init__(self, *, future: bool = False, **kwargs: Any) -> None:
        self.future = future
        super().__init__(**kwargs)

    def get_bound_field(self, form, field_name):
        return DateBoundField(form, self, field_name)

    def _error(self, message, parts=DATE_PARTS):
        return ValidationError(message, code="invalid", params={"parts": tuple(parts)})

    def to_python(self, value):
        if value is None or isinstance(value, datetime.date):
            return value
        parts = dict(zip(DATE_PARTS, (str(v if v is not None else "").strip() for v in value)))
        missing = [part for part in DATE_PARTS if not parts.get(part)]
        if len(missing) == len(DATE_PARTS):
            return None
        label = capfirst(self.label)
        if missing:
            raise self._error(f"{label} must include a {' and '.join(missing)}", missing)
        if not all(v.isdigit() for v in parts.values()):
            raise self._error(f"{label} must be a real date")
        if len(parts["year"]) != 4:
            raise self._error("Year must include 4 numbers", ["year"])
        try:
            return datetime.date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        except (ValueError, OverflowError):  # a month of 2200000000 overflows before it is found unreal
            raise self._error(f"{label} must be a real date") from None

    def validate(self, value):
        if value is None:
            if self.required:
                raise self._error(f"Enter the {lower_first(self.label)}")
            return
        if not self.future and value > timezone.localdate():
            raise self._error(f"{capfirst(self.label)} must be today or in the past")
        if value < limits.EARLIEST_DATE:
            raise self._error(f"{capfirst(self.label)} must be on or after {limits.EARLIEST_DATE:%-d %B %Y}")
        if value > limits.LATEST_DATE:
            raise self._error(f"{capfirst(self.label)} must be on or before {limits.LATEST_DATE:%-d %B %Y}")


class TimeField(forms.Field):
    """A 24-hour time typed as 14:05 (also 1405 or 14.05): GOV.UK has no time pattern, so keep it to one
    box."""

    widget = forms.TextInput(attrs={"class": "govuk-input--width-5"})

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        match = TIME_PATTERN.match(value)
        hour, minute = (int(n) for n in match.groups()) if match else (99, 99)
        if hour > 23 or minute > 59:
            raise ValidationError(
                f"{capfirst(self.label)} must be a real time in 24-hour format, like 09:30 or 14:05"
            )
        return datetime.time(hour, minute)


def _choice_or_text(field) -> str:
    return (
        "Select"
        if isinstance(field, (forms.ChoiceField, forms.ModelChoiceField, forms.BooleanField))
        else "Enter"
    )


def _is_yes_no(field) -> bool:
    choices = [
        str(label).lower() for value, label in getattr(field, "choices", ()) if value not in ("", None)
    ]
    return choices == ["yes", "no"]


def required_message(field) -> str:
    """ "Select the source of the contact"; for a question, "Select yes or no: Does the child have new
    carers?"
    or "Answer the question: How did the child take part?" (never "Select the does the child ...")."""
    label = str(field.label or "")
    if label.endswith("?"):
        return f"Select yes or no: {label}" if _is_yes_no(field) else f"Answer the question: {label}"
    return f"{_choice_or_text(field)} the {lower_first(label)}"


class GovukErrorsMixin:
    """Give every field that still has Django's wording an error message naming the field.

    Radios never offer Django's blank "---------" choice; a select's blank choice reads as a prompt.
    Every text field has a length limit: its model's, or else the one thrive.limits sets for its kind.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.word_errors()

    def clean(self) -> Any:
        """A choice ticked twice (a hand-made or replayed POST) counts once."""
        data = super().clean()
        for name, field in self.fields.items():
            if isinstance(field, forms.MultipleChoiceField) and isinstance(data.get(name), list):
                data[name] = list(dict.fromkeys(data[name]))
        return data

    def word_errors(self) -> None:
        """Word the fields' messages; call again after adding fields in __init__."""
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField) and not isinstance(field, MULTIPLE_CHOICE):
                _tidy_blank_choice(field)
            if isinstance(field, forms.CharField) and field.max_length is None:
                limit_length(field, limits.text_limit_for(field.widget))
            messages = field.error_messages
            label = lower_first(field.label or "")
            question = str(field.label or "").endswith("?")
            if messages.get("required") == forms.Field.default_error_messages["required"]:
                messages["required"] = required_message(field)
            # bandit B608: words for a person that begin "Select", not SQL.
            listed = (
                f"Select an answer from the list: {field.label}"  # nosec B608
                if question
                else f"Select the {label} from the list"  # nosec B608
            )
            if "invalid_choice" in messages:
                messages["invalid_choice"] = listed
            if "invalid_list" in messages:
                messages["invalid_list"] = listed
            if getattr(field, "max_length", None):
                messages.setdefault(
                    "max_length", f"{capfirst(label)} must be {field.max_length:,} characters or fewer"
                )


def limit_length(field: forms.CharField, max_length: int) -> None:
    """Give a text field built without a limit the limit it would have had, checked before saving."""
    field.max_length = max_length
    field.validators.append(validators.MaxLengthValidator(max_length))


def _tidy_blank_choice(field):
    if isinstance(field, forms.ModelChoiceField):
        field.empty_label = None if isinstance(field.widget, forms.RadioSelect) else "Select one"
        return
    choices = list(field.choices)
    if not choices or choices[0][0] not in ("", None):
        return
    if isinstance(field.widget, forms.RadioSelect):
        field.choices = choices[1:]
    elif choices[0][1] == "---------":
        field.choices = [("", "Select one"), *choices[1:]]


class GovukForm(GovukErrorsMixin, forms.Form):
    pass


class DateForm(GovukForm):
    """A step recorded by its date alone (a review, an end, an authorisation); the label says which."""

    date = DateField(label="Date")

    def __init__(self, *args: Any, label: str = "Date", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].label = label


def govuk_formfield(db_field, **kwargs):
    """Model fields as GOV.UK fields: dates as the date input; model help texts (census names) left out."""
    kwargs.setdefault("help_text", "")
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        return DateField(
            label=kwargs.pop("label", capfirst(db_field.verbose_name)), required=not db_field.blank, **kwargs
        )
    return db_field.formfield(**kwargs)


class GovukModelForm(GovukErrorsMixin, forms.ModelForm):
    """Subclasses declare `class Meta(GovukModelForm.Meta)`, so their model dates use the GOV.UK date
    input."""

    class Meta:
        formfield_callback = govuk_formfield
