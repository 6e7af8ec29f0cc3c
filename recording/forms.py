"""Forms for case notes, documents and letters."""

from django import forms

from thrive.forms import DateField, GovukForm, GovukModelForm

from .models import ChildSeen, DocumentKind, LetterTemplate, NoteKind


class CaseNoteForm(GovukForm):
    """A case note about a child, optionally recorded on the records of other children in the family too.

    `others` are (person, label) for the children the worker may also record it on; each chosen child has
    their own "was the child seen" answer.
    """

    kind = forms.ChoiceField(
        label="What kind of note is this?", choices=NoteKind.choices, widget=forms.RadioSelect
    )
    happened_on = DateField(label="Date it happened")
    seen = forms.ChoiceField(label="Was the child seen?", choices=ChildSeen.choices, widget=forms.RadioSelect)
    summary = forms.CharField(
        label="Summary",
        max_length=200,
        help_text="One line the record shows, for example: Home visit, Jo at home with mum",
    )
    text = forms.CharField(
        label="Case note",
        widget=forms.Textarea,
        help_text="What happened, what the child said and how they seemed, what you will do next",
    )

    def __init__(self, *args, child_name: str, others=(), management=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not management:
            self.fields["kind"].choices = [c for c in NoteKind.choices if c[0] != NoteKind.MANAGEMENT]
        self.fields["seen"].label = f"Was {child_name} seen?"
        self.others = list(others)
        if self.others:
            self.fields["also"] = forms.MultipleChoiceField(
                label="Also record this note on the records of",
                required=False,
                choices=[(str(person.pk), label) for person, label in self.others],
                widget=forms.CheckboxSelectMultiple,
                help_text="Children in the family network whose records you can record in. The note will "
                "show "
                "on each record.",
            )
            for person, _ in self.others:
                self.fields[f"seen_{person.pk}"] = forms.ChoiceField(
                    label=f"If so, was {person.full_name} seen?",
                    required=False,
                    choices=[("", "Select one"), *ChildSeen.choices],
                )
        self.word_errors()

    def main_fields(self):
        return [self[name] for name in ("kind", "happened_on", "seen", "summary", "text")]

    def sibling_fields(self):
        return [self[f"seen_{person.pk}"] for person, _ in self.others]

    def clean(self):
        data = super().clean()
        chosen = []
        for person, _ in self.others:
            if str(person.pk) in data.get("also", []):
                seen = data.get(f"seen_{person.pk}")
                if not seen:
                    self.add_error(f"seen_{person.pk}", f"Select whether {person.full_name} was seen")
                chosen.append((person, seen))
        data["siblings"] = chosen
        return data


class DocumentForm(GovukForm):
    file = forms.FileField(
        label="File", error_messages={"required": "Select the file to upload", "empty": "The file is empty"}
    )
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="What the document is, for example: School report, summer term 2025",
    )
    kind = forms.ChoiceField(label="Kind of document", choices=DocumentKind.choices, widget=forms.RadioSelect)
    dated = DateField(
        label="Date of the document",
        required=False,
        help_text="If it has one, for example the date of a report. For example, 27 3 2025",
    )


class LetterTemplateForm(GovukModelForm):
    class Meta(GovukModelForm.Meta):
        model = LetterTemplate
        fields = ["name", "purpose", "body", "active"]
        labels = {
            "name": "Name of the template",
            "purpose": "When it is used",
            "body": "Text of the letter",
            "active": "Offer this template to workers",
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 20})}

    def clean_body(self):
        from .letters import check_template

        body = self.cleaned_data["body"]
        check_template(body)
        return body


class LetterForm(GovukForm):
    recipient_name = forms.CharField(label="Name of the person the letter is to", max_length=200)
    recipient_address = forms.CharField(label="Their address", widget=forms.Textarea(attrs={"rows": 4}))
    subject = forms.CharField(label="Subject", max_length=200)
    body = forms.CharField(
        label="Text of the letter",
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text="Filled in from the template and the record. Change anything you need to.",
    )
