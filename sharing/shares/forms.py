"""What a manager decides about a share: who with, on what lawful basis, which parts, until when."""

import datetime

from django import forms
from django.utils import timezone

from access.models import Agency, AgencyKind
from access.parts import ALWAYS_SHARED, HINTS, SHAREABLE, Part
from access.shares import LAWFUL_BASIS_HINTS, OFFERED
from thrive.forms import DateField, GovukForm

from .services import latest_review_date, review_interval

CHOOSABLE_PARTS = [(part.value, part.label) for part in SHAREABLE if part not in ALWAYS_SHARED]


def _parts_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label="Which parts of the record?",
        choices=CHOOSABLE_PARTS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Share no more than the purpose needs. Identity is always shared.",
    )


def _check_review(form, review: datetime.date | None, since: datetime.date) -> None:
    if review is None:
        return
    latest = latest_review_date(since)
    if review < timezone.localdate():
        form.add_error("review_date", "The review date must be today or later")
    elif review > latest:
        form.add_error(
            "review_date",
            f"The review date must be no later than {latest:%-d %B %Y} "
            f"(the council reviews shares every {review_interval().describe()})",
        )


class Hinted:
    """Each option of a radio or checkbox field with its hint, for sharing/share_form.html."""

    hints: dict = {}

    def options(self) -> dict:
        return {
            name: [
                (value, label, self.hints[name].get(value, "")) for value, label in self.fields[name].choices
            ]
            for name in self.hints
        }


class ShareForm(Hinted, GovukForm):
    agency = forms.ModelChoiceField(
        label="Partner agency",
        queryset=Agency.objects.exclude(kind=AgencyKind.LOCAL_AUTHORITY).order_by("name"),
    )
    legal_basis = forms.ChoiceField(
        label="Lawful basis", choices=[(b.value, b.label) for b in OFFERED], widget=forms.RadioSelect
    )
    parts = _parts_field()
    purpose = forms.CharField(
        label="Why the agency needs it", max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )
    start_date = DateField(label="Shared from", future=True)
    review_date = DateField(label="Review by", future=True)

    hints = {"legal_basis": LAWFUL_BASIS_HINTS, "parts": HINTS}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {})
        today = timezone.localdate()
        kwargs["initial"].setdefault("start_date", today)
        kwargs["initial"].setdefault("review_date", latest_review_date(today))
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        start = data.get("start_date")
        if start and start < timezone.localdate() - datetime.timedelta(days=30):
            self.add_error(
                "start_date",
                "A share cannot start more than 30 days ago: it would disclose "
                "nothing earlier, so record it from today",
            )
        if start:
            _check_review(self, data.get("review_date"), max(start, timezone.localdate()))
        return data


class ReviewForm(Hinted, GovukForm):
    parts = _parts_field()
    review_date = DateField(label="Next review by", future=True)
    note = forms.CharField(
        label="What you considered",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why the share is still needed, and why this much.",
    )

    hints = {"parts": HINTS}

    def clean(self):
        data = super().clean()
        _check_review(self, data.get("review_date"), timezone.localdate())
        return data


class EndForm(GovukForm):
    stop_on = DateField(
        label="Stop sharing from",
        future=True,
        help_text="From this day the agency sees nothing of the record. Today stops it now.",
    )
    reason = forms.CharField(label="Why it ends", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("stop_on", timezone.localdate())
        super().__init__(*args, **kwargs)

    def clean_stop_on(self):
        stop_on = self.cleaned_data["stop_on"]
        if stop_on is not None and stop_on < timezone.localdate():
            raise forms.ValidationError(
                "Stop sharing from must be today or later: what was disclosed stays disclosed"
            )
        return stop_on


def part_values(parts) -> list[str]:
    return [part for part in parts if part in Part.values and Part(part) not in ALWAYS_SHARED]
