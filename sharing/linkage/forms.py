"""What a front-door worker decides about a partner record, and a manager about two possible duplicates."""

from django import forms

from thrive.forms import GovukForm

NEW_CHILD, NOT_KNOWN = "new", "not_known"


class MatchForm(GovukForm):
    """Which child the partner record is about: a candidate, a new child, or no child the council knows."""

    choice = forms.ChoiceField(
        label="Which child is this record about?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the child this record is about, or say it is none of them."},
    )

    def __init__(self, *args, record, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (str(c.person.pk), f"{c.person.full_name}, born {_born(c.person)} (council ID {c.person.la_id})")
            for c in candidates
        ]
        if record.makes_contact:
            choices.append((NEW_CHILD, "None of these: record a new child from the details sent"))
        else:
            choices.append((NOT_KNOWN, "None of these: not a child known to the council"))
        self.fields["choice"].choices = choices


class CandidateMergeForm(GovukForm):
    """Two candidates are one child: merge them (managers only), then link the record to the one kept."""

    keep = forms.ChoiceField(
        label="Record to keep", error_messages={"required": "Choose the record to keep."}
    )
    duplicate = forms.ChoiceField(
        label="Duplicate to merge into it", error_messages={"required": "Choose the duplicate record."}
    )
    reason = forms.CharField(
        label="Why are these the same child?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why these records are the same child."},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "Choose a record")] + [
            (str(c.person.pk), f"{c.person.full_name} ({c.person.la_id})") for c in candidates
        ]
        self.fields["keep"].choices = self.fields["duplicate"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("keep") and data.get("keep") == data.get("duplicate"):
            self.add_error(
                "duplicate", "Choose two different records: the duplicate cannot be the record kept."
            )
        return data


class DuplicateForm(GovukForm):
    MERGE_SECOND, MERGE_FIRST, DIFFERENT = "merge_second", "merge_first", "different"
    outcome = forms.ChoiceField(
        label="What did you find?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to merge the records or keep them apart."},
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For the records' history: what showed they are, or are not, one person.",
        error_messages={"required": "Enter the reason, for the records' history."},
    )

    def __init__(self, *args, pair, **kwargs):
        super().__init__(*args, **kwargs)
        first, second = pair.first, pair.second
        self.fields["outcome"].choices = [
            (self.MERGE_SECOND, f"Same person: merge {second.la_id} into {first.la_id} (keep {first.la_id})"),
            (self.MERGE_FIRST, f"Same person: merge {first.la_id} into {second.la_id} (keep {second.la_id})"),
            (self.DIFFERENT, "Different people: take them off the worklist"),
        ]


def _born(person) -> str:
    return f"{person.birth_date:%-d %B %Y}" if person.birth_date else "date of birth not known"
