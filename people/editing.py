"""Changing a child's identity, addresses and family network from the record, with history kept.

Every page here is behind the write gate (casework): reading a record never implies changing it. Each
change is saved by people.casework.save_form in one transaction and kept by django-simple-history with
who made it and, for identity, why (the record's history page shows both). Adding someone to the family
network finds them first (an identity-only search, logged like Find a child) so no duplicate is made,
and the change is logged against their record too.
"""

import datetime
import uuid
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from access.audit import log_access
from access.models import Action
from access.requests import SignedInRequest
from thrive.forms import DateField, GovukForm, GovukModelForm

from .access_views import Child, casework_write, child_write
from .casework import not_before, posted, save_form
from .codes import INVERSE_KIND, KINDS_ADDED_FROM_A_CHILD, RelationshipKind, Sex
from .forms import SearchForm
from .identifiers import normalise_nhs_number, normalise_postcode, validate_nhs_number, validate_postcode
from .models import Address, Person, Relationship
from .search import find_people, search_terms

COUNCIL_ID_START = 1_000_000  # council IDs are 1,000,000 + the record's id, as in the synthetic council
FOUND_LIMIT = 20


def new_person(**identity: Any) -> Person:
    """A new person record, numbered after it is saved so the council ID is unique."""
    person = Person.objects.create(la_id=f"new-{uuid.uuid4().hex[:16]}", **identity)
    person.la_id = str(COUNCIL_ID_START + person.pk)
    person.save(update_fields=["la_id"])
    return person


class IdentityForm(GovukModelForm):
    nhs_number = forms.CharField(
        label="NHS number", max_length=20, required=False, help_text="10 digits, for example 943 476 5919"
    )
    reason = forms.CharField(
        label="Why are you making this change?",
        max_length=100,
        help_text="Kept in the record's history, for example: Birth certificate seen",
    )

    class Meta(GovukModelForm.Meta):
        model = Person
        fields = [
            "forename",
            "middle_names",
            "surname",
            "preferred_name",
            "birth_date",
            "expected_birth_date",
            "sex",
            "gender_identity",
            "ethnicity",
            "nhs_number",
        ]
        labels = {
            "forename": "First name",
            "middle_names": "Middle names",
            "surname": "Last name",
            "preferred_name": "Known as",
            "birth_date": "Date of birth",
            "expected_birth_date": "Expected date of birth (an unborn child)",
            "sex": "Sex",
            "gender_identity": "Gender identity, if different",
            "ethnicity": "Ethnicity",
        }
        widgets = {"sex": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expected_birth_date"].future = True  # type: ignore[attr-defined]
        self.word_errors()
        self.fields["nhs_number"].error_messages["unique"] = (
            "Another record already has this NHS number. It may be the same child: ask a manager to merge "
            "the records"
        )

    def clean_nhs_number(self) -> str | None:
        value = self.cleaned_data["nhs_number"].strip()
        if not value:
            return None
        validate_nhs_number(value)
        return normalise_nhs_number(value)


class AddressForm(GovukModelForm):
    lives_there_now = forms.TypedChoiceField(
        label="Does the child live there now?",
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        choices=[("yes", "Yes: it replaces their current address"), ("no", "No: it is a past address")],
    )

    class Meta(GovukModelForm.Meta):
        model = Address
        fields = ["line1", "line2", "town", "postcode", "start_date", "end_date"]
        labels = {
            "line1": "Address line 1",
            "line2": "Address line 2 (optional)",
            "town": "Town or city",
            "postcode": "Postcode",
            "start_date": "Date they started living there",
            "end_date": "Date they left (a past address)",
        }

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"]
        validate_postcode(value)
        return normalise_postcode(value)

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        if data.get("lives_there_now") is False and not data.get("end_date"):
            self.add_error("end_date", "Enter the date they left (a past address)")
        if data.get("lives_there_now"):
            data["end_date"] = None
        return data


class RelationshipForm(GovukForm):
    kind = forms.ChoiceField(
        label="Who are they to the child?",
        widget=forms.RadioSelect,
        choices=[(k.value, k.label) for k in KINDS_ADDED_FROM_A_CHILD],
    )
    parental_responsibility = forms.BooleanField(label="They have parental responsibility", required=False)
    lives_with = forms.BooleanField(label="The child lives with them", required=False)
    start_date = DateField(
        label="Date the relationship started (optional)",
        required=False,
        help_text="For a parent, the child's date of birth",
    )

    def __init__(self, *args: Any, new: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if new:
            extra = {
                "forename": forms.CharField(label="Their first name", max_length=100),
                "surname": forms.CharField(label="Their last name", max_length=100),
                "birth_date": DateField(label="Their date of birth"),
                "sex": forms.ChoiceField(label="Their sex", choices=Sex.choices, widget=forms.RadioSelect),
            }
            self.fields = {**extra, **self.fields}
        self.word_errors()


class EndForm(GovukForm):
    date = DateField(label="Date it ended")


def _record(person: Person) -> str:
    return reverse("people:record", args=[person.pk])


@child_write()
def identity(request: SignedInRequest, child: Child) -> HttpResponse:
    person = child.person
    form = IdentityForm(posted(request), instance=person)

    def save(form: Any) -> str:
        changed = form.save(commit=False)
        changed._change_reason = form.cleaned_data["reason"]
        changed.save()
        return f"{_record(person)}#identity"

    return save_form(
        request,
        form,
        save,
        success="Identity changed. The record's history keeps what it was.",
        person=person,
        title="Change identity details",
        back_url=_record(person),
        button="Save the changes",
    )


@child_write()
def add_address(request: SignedInRequest, child: Child) -> HttpResponse:
    person = child.person
    form = AddressForm(posted(request), instance=Address(person=person))

    def save(form: Any) -> str:
        address = form.save()
        if form.cleaned_data["lives_there_now"]:
            day_before = address.start_date - datetime.timedelta(days=1)
            for current in Address.objects.filter(person=person, end_date__isnull=True).exclude(
                pk=address.pk
            ):
                not_before(
                    day_before,
                    current.start_date,
                    "start_date",
                    f"the start of the current address, {current}",
                )
                current.end_date = day_before
                current.save()
        return f"{_record(person)}#address"

    return save_form(
        request,
        form,
        save,
        success="Address saved.",
        person=person,
        title="Add an address",
        back_url=_record(person),
        button="Save the address",
    )


@casework_write(Address)
def end_address(request: SignedInRequest, address: Address, child: Child) -> HttpResponse:
    form = EndForm(posted(request))
    form.fields["date"].label = "Date they left"

    def save(form: Any) -> str:
        not_before(
            form.cleaned_data["date"], address.start_date, "date", "the date they started living there"
        )
        address.end_date = form.cleaned_data["date"]
        address.save()
        return f"{_record(child.person)}#address"

    return save_form(
        request,
        form,
        save,
        success="Address ended.",
        person=child.person,
        title="They no longer live at this address",
        back_url=_record(child.person),
        button="Save",
        facts=[("Address", str(address))],
    )


def _found(request: SignedInRequest, child: Child) -> tuple[SearchForm | None, list[Person]]:
    """An identity-only search for the person to add: Find a child's forgiving search, logged as it is."""
    if not SearchForm.submitted(request.GET):
        return SearchForm(), []
    search = SearchForm(request.GET)
    if not search.is_valid():
        return search, []
    found = find_people(
        request,
        search.criteria(),
        "Add to a family network",
        search_terms(search.cleaned_data),
        limit=FOUND_LIMIT,
    )
    return search, [p for p in found.people if p.pk not in child.ids]


@child_write()
def add_relative(request: SignedInRequest, child: Child) -> HttpResponse:
    """Find the person first; choose them, or add someone new; then say who they are to the child."""
    person = child.person
    relative = None
    if request.GET.get("relative"):
        relative = get_object_or_404(Person.objects.current(), pk=request.GET["relative"])
        if relative.pk in child.ids:
            raise Http404("A person cannot be their own relative.")
    new = request.GET.get("new") == "1"
    if relative is None and not new:
        search, results = _found(request, child)
        return render(
            request,
            "people/add_relative_find.html",
            {
                "person": person,
                "search": search,
                "results": results,
                "searched": SearchForm.submitted(request.GET),
            },
        )
    form = RelationshipForm(posted(request), new=new)

    def save(form: Any) -> str:
        data = form.cleaned_data
        other = relative or new_person(
            forename=data["forename"], surname=data["surname"], birth_date=data["birth_date"], sex=data["sex"]
        )
        current = Relationship.objects.filter(person=person, relative=other, end_date__isnull=True)
        if current.filter(kind=data["kind"]).exists():
            raise ValidationError(
                {
                    "kind": f"{other.full_name} is already recorded as the child's "
                    f"{RelationshipKind(data['kind']).label.lower()}"
                }
            )
        Relationship.objects.create(
            person=person,
            relative=other,
            kind=data["kind"],
            parental_responsibility=data["parental_responsibility"],
            lives_with=data["lives_with"],
            start_date=data["start_date"],
        )
        log_access(
            request,
            [other],
            allowed=True,
            text=f"added to the family network of {person.la_id}",
            action=Action.RECORD,
            kind=child.basis.kind,
        )
        return f"{_record(person)}#family-heading"

    who = relative.full_name if relative else "someone new"
    return save_form(
        request,
        form,
        save,
        success="Added to the family network.",
        person=person,
        title=f"Add {who} to the family network",
        back_url=reverse("people:add_relative", args=[person.pk]),
        button="Add to the family network",
        facts=[("Person", f"{relative.full_name}, council ID {relative.la_id}")] if relative else [],
    )


@child_write()
def end_relationship(request: SignedInRequest, child: Child) -> HttpResponse:
    relationship = get_object_or_404(Relationship, pk=request.GET.get("relationship") or 0)
    if relationship.person_id not in child.ids and relationship.relative_id not in child.ids:
        raise Http404("That relationship is not in this child's family network.")
    other = relationship.relative if relationship.person_id in child.ids else relationship.person
    kind = (
        relationship.get_kind_display()
        if relationship.person_id in child.ids
        else RelationshipKind(INVERSE_KIND[cast(RelationshipKind, relationship.kind)]).label
    )
    form = EndForm(posted(request), initial={"date": timezone.localdate()})

    def save(form: Any) -> str:
        not_before(
            form.cleaned_data["date"], relationship.start_date, "date", "the start of the relationship"
        )
        relationship.end_date = form.cleaned_data["date"]
        relationship.lives_with = False
        relationship.save()
        return f"{_record(child.person)}#family-heading"

    return save_form(
        request,
        form,
        save,
        success="Relationship ended. The record's history keeps it.",
        person=child.person,
        title="End a relationship in the family network",
        back_url=_record(child.person),
        button="End the relationship",
        facts=[("Person", other.full_name), ("Relationship", kind)],
    )
