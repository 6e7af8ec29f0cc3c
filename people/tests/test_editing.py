"""Identity, addresses and the family network changed from the record: the write gate, history kept
(with why), the NHS number checked, and a relative found before a new record is made."""

import datetime

import pytest
from django.urls import reverse

from access.models import Disclosure, RecordView
from people.codes import RelationshipKind, Sex
from people.models import Address, Person, Relationship
from tests.factories import allocated_child, date_fields, make_address, make_person, make_user, relate

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def case():
    child, worker, _, _ = allocated_child(forename="Mia", surname="Hart", sex=Sex.UNKNOWN)
    return child, worker


def identity(child, **changes):
    data = {
        "forename": child.forename,
        "surname": child.surname,
        "sex": Sex.FEMALE,
        "ethnicity": "WBRI",
        "reason": "Birth certificate seen",
        **date_fields("birth_date", child.birth_date),
        "nhs_number": "",
    }
    return {**data, **changes}


def test_identity_is_changed_with_the_reason_kept_in_history(client, case):
    child, worker = case
    client.force_login(worker)
    response = client.post(
        reverse("people:edit_identity", args=[child.pk]), identity(child, nhs_number="943 476 5919")
    )
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.sex == Sex.FEMALE and child.nhs_number == "9434765919"
    latest = child.history.latest()
    assert latest.history_user == worker and latest.history_change_reason == "Birth certificate seen"
    history = client.get(reverse("people:history", args=[child.pk])).content.decode()
    assert "Birth certificate seen" in history and "Female" in history


def test_a_wrong_nhs_number_and_one_another_record_has_are_refused(client, case):
    child, worker = case
    client.force_login(worker)
    wrong = client.post(
        reverse("people:edit_identity", args=[child.pk]), identity(child, nhs_number="9434765918")
    )
    assert "its last digit does not match the check digit" in wrong.content.decode()
    other = make_person()
    taken = client.post(
        reverse("people:edit_identity", args=[child.pk]), identity(child, nhs_number=other.nhs_number)
    )
    assert "Another record already has this NHS number" in taken.content.decode()
    assert other.la_id not in taken.content.decode()


def test_a_new_address_ends_the_current_one_the_day_before(client, case):
    child, worker = case
    old = make_address(child, start_date=D(2020, 1, 1))
    client.force_login(worker)
    response = client.post(
        reverse("people:add_address", args=[child.pk]),
        {
            "line1": "4 Elm Road",
            "town": "Leicester",
            "postcode": "le2 2bb",
            "lives_there_now": "yes",
            **date_fields("start_date", D(2025, 6, 1)),
        },
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.end_date == D(2025, 5, 31)
    new = Address.objects.get(line1="4 Elm Road")
    assert new.postcode == "LE2 2BB" and new.end_date is None
    bad = client.post(
        reverse("people:add_address", args=[child.pk]),
        {
            "line1": "x",
            "town": "y",
            "postcode": "ZZ99 ZZZ",
            "lives_there_now": "no",
            **date_fields("start_date", D(2019, 1, 1)),
        },
    )
    page = bad.content.decode()
    assert "Enter a real postcode" in page and "Enter the date they left" in page


def test_a_relative_is_found_before_a_new_record_is_made(client, case):
    child, worker = case
    mum = make_person(forename="Kim", surname="Hart", birth_date=D(1990, 2, 2))
    client.force_login(worker)
    url = reverse("people:add_relative", args=[child.pk])
    found = client.get(url, {"surname": "Hart"}).content.decode()
    assert "Kim Hart" in found and "Add someone new" in found
    assert Disclosure.objects.filter(user=worker, kind="search", what="Add to a family network").exists()
    client.post(
        f"{url}?relative={mum.pk}",
        {"kind": RelationshipKind.MOTHER, "parental_responsibility": "on", "lives_with": "on"},
    )
    relationship = Relationship.objects.get()
    assert (relationship.person, relationship.relative, relationship.parental_responsibility) == (
        child,
        mum,
        True,
    )
    assert RecordView.objects.filter(user=worker, person=mum, action="record", allowed=True).exists()
    again = client.post(f"{url}?relative={mum.pk}", {"kind": RelationshipKind.MOTHER})
    assert "already recorded as the child&#x27;s mother" in again.content.decode()
    client.post(
        f"{url}?new=1",
        {
            "kind": RelationshipKind.CARER,
            "forename": "Lee",
            "surname": "Patel",
            "sex": Sex.MALE,
            **date_fields("birth_date", D(1980, 4, 4)),
        },
    )
    carer = Person.objects.get(forename="Lee")
    assert carer.la_id == str(1_000_000 + carer.pk)
    record = client.get(reverse("people:record", args=[child.pk])).content.decode()
    assert "Carer (not a relative)" in record and "Kim Hart" in record


def test_ending_a_relationship_from_either_side(client, case):
    child, worker = case
    dad = make_person(forename="Ray", surname="Hart", birth_date=D(1988, 1, 1))
    relationship = relate(dad, child, RelationshipKind.CHILD)  # recorded on dad's side
    client.force_login(worker)
    url = reverse("people:end_relationship", args=[child.pk])
    client.post(f"{url}?relationship={relationship.pk}", date_fields("date", D(2025, 1, 1)))
    relationship.refresh_from_db()
    assert relationship.end_date == D(2025, 1, 1)
    stranger = relate(make_person(), make_person(), RelationshipKind.SIBLING)
    assert client.get(f"{url}?relationship={stranger.pk}").status_code == 404


def test_readers_cannot_change_identity(client, case):
    child, _ = case
    from access.models import AgencyKind, Role
    from tests.factories import make_agency, share

    partner = make_user(role=Role.PARTNER, agency=make_agency("Health", AgencyKind.HEALTH))
    share(child, partner.agency)
    client.force_login(partner)
    record = client.get(reverse("people:record", args=[child.pk])).content.decode()
    assert "Change identity details" not in record
    assert client.post(reverse("people:edit_identity", args=[child.pk]), identity(child)).status_code == 403
