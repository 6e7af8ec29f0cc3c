import datetime

from django import forms

from . import periods

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class FiguresUploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a file of figures",
        help_text="A CSV file (.csv) or Excel workbook (.xlsx) with the columns indicator, period and value.",
        error_messages={"required": "Select a CSV or Excel file of figures"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 10MB")
        if not upload.name.lower().endswith((".csv", ".xlsx", ".xlsm")):
            raise forms.ValidationError("The selected file must be a CSV file or an Excel workbook (.xlsx)")
        return upload


QUARTERS_OFFERED = 8


def ended_quarters(today: datetime.date, count: int = QUARTERS_OFFERED) -> list[periods.Period]:
    """The last `count` quarters that have ended by `today`, newest first: what can be computed in full."""
    quarter, found = periods.previous(periods.quarter_containing(today)), []
    while len(found) < count:
        found.append(quarter)
        quarter = periods.previous(quarter)
    return found


class ComputeForm(forms.Form):
    """Which quarter to compute from the case records."""

    period = forms.ChoiceField(
        label="Quarter",
        error_messages={
            "required": "Select the quarter to compute",
            "invalid_choice": "Select a quarter that has ended, from the list",
        },
    )

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.quarters = {quarter.label: quarter for quarter in ended_quarters(today)}
        self.fields["period"].choices = [(label, label) for label in self.quarters]

    def clean_period(self) -> periods.Period:
        return self.quarters[self.cleaned_data["period"]]
