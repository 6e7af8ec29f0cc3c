from django import forms

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
