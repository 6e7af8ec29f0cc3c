"""Words, not codes: generated error messages read as sentences, codes are shown as words, and the glossary
explains the words of the trade where they appear."""

import pytest
from django import forms
from django.urls import reverse

from care.codes import ReviewParticipation
from care.forms import ChangePlacementForm
from tests.factories import make_user
from thrive.forms import GovukForm
from thrive.glossary import TERMS

pytestmark = pytest.mark.django_db


class Questions(GovukForm):
    moved = forms.TypedChoiceField(
        label="Does the child have new carers?",
        choices=[("True", "Yes"), ("False", "No")],
        widget=forms.RadioSelect,
    )
    how = forms.ChoiceField(label="How did the child take part?", choices=ReviewParticipation.choices)
    source = forms.ChoiceField(label="Source of the contact", choices=[("a", "A")])


def test_a_question_label_makes_a_sentence_not_select_the_does():
    errors = Questions({}).errors
    assert errors["moved"] == ["Select yes or no: Does the child have new carers?"]
    assert errors["how"] == ["Answer the question: How did the child take part?"]
    assert errors["source"] == ["Select the source of the contact"]
    assert Questions({"how": "PN9"}).errors["how"] == [
        "Select an answer from the list: How did the child take part?"
    ]


def test_the_placement_move_asks_yes_or_no_in_words():
    form = ChangePlacementForm({})
    assert form.errors["carers_changed"] == ["Select yes or no: Does the child have new carers?"]


def test_review_participation_is_offered_and_refused_in_words():
    assert all(not label.startswith("PN") for _, label in ReviewParticipation.choices)


def test_the_glossary_explains_the_words_of_the_trade(client):
    client.force_login(make_user())
    page = client.get(reverse("glossary")).content.decode()
    for key in ("s47", "fgdm", "drift", "pn0"):
        assert f'id="{key}"' in page and TERMS[key].words in page
    due = client.get(reverse("work")).content.decode()
    assert f"{reverse('glossary')}#drift" in due
