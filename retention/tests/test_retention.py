"""Retention on hand-made cases: a care leaver at 25 and at 75, a child in need at 25, a child who died in
care,
an adoption, a family linked to a child still kept, a legal hold, and what anonymising removes."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from access.models import BreakGlass, Disclosure, DisclosureKind, RecordView, Role
from access.verify import verify
from care.models import Adoption, PeriodOfCare
from frontdoor.models import Contact
from leavers.models import PathwayPlan
from people.codes import RelationshipKind
from people.models import Address, Person
from retention import review
from retention.anonymise import anonymise
from retention.models import Disposal, LegalHold, RetentionReview, ReviewStatus
from retention.schedule import RULES
from tests.factories import make_address, make_person, make_team, make_user, relate
from timescales.dates import anniversary

D = datetime.date
pytestmark = pytest.mark.django_db


def in_care(person, start, end=None):
    return PeriodOfCare.objects.create(person=person, start_date=start, end_date=end, category_of_need="N1")


def care_leaver(born=datetime.date(2000, 6, 15)):
    person = make_person(forename="Jordan", surname="Leaver", birth_date=born)
    in_care(person, D(2014, 1, 10), D(2018, 6, 15))
    PathwayPlan.objects.create(person=person, started_on=D(2016, 6, 15))
    return person


def due_ids(on):
    return set(review.due(on))


def test_a_child_in_need_is_kept_until_the_25th_birthday():
    child = make_person(birth_date=D(2000, 6, 15))
    assert child.pk not in due_ids(D(2025, 6, 14))
    assert child.pk in due_ids(D(2025, 6, 15))


def test_a_care_leaver_is_not_due_at_25_but_is_on_the_75th_birthday():
    person = care_leaver()
    keep = review.keep_until()[person.pk]
    assert keep.until == D(2075, 6, 15)
    assert keep.rules == ("care_leaver", "children_social_care", "looked_after")
    assert person.pk not in due_ids(D(2025, 6, 15))  # the 25th birthday
    assert person.pk not in due_ids(D(2075, 6, 14))
    assert person.pk in due_ids(D(2075, 6, 15))


def test_looked_after_alone_also_keeps_the_record_to_75():
    person = make_person(birth_date=D(1950, 3, 1))
    in_care(person, D(1960, 1, 1), D(1968, 3, 1))
    assert person.pk not in due_ids(D(2025, 2, 28))
    assert person.pk in due_ids(D(2025, 3, 1))


def test_a_child_who_died_in_care_is_kept_15_years_from_death():
    person = make_person(birth_date=D(2000, 1, 1), death_date=D(2010, 5, 1))
    in_care(person, D(2008, 1, 1), D(2010, 5, 1))
    assert review.keep_until()[person.pk].until == D(2025, 5, 1)
    assert person.pk not in due_ids(D(2025, 4, 30))
    assert person.pk in due_ids(D(2025, 5, 1))


def test_an_adoption_record_is_kept_100_years_from_the_order():
    person = make_person(birth_date=D(2008, 2, 1))
    period = in_care(person, D(2008, 3, 1), D(2010, 3, 1))
    Adoption.objects.create(
        period=period, best_interest_decision_on=D(2008, 9, 1), adoption_order_on=D(2010, 3, 1)
    )
    assert review.keep_until()[person.pk].until == D(2110, 3, 1)
    assert person.pk not in due_ids(D(2110, 2, 28))
    assert person.pk in due_ids(D(2110, 3, 1))


def test_born_on_29_february_the_anniversary_in_a_common_year_is_1_march():
    assert anniversary(D(2000, 2, 29), 25) == D(2025, 3, 1)
    assert anniversary(D(2000, 2, 29), 24) == D(2024, 2, 29)
    child = make_person(birth_date=D(2000, 2, 29))
    assert child.pk not in due_ids(D(2025, 2, 28))
    assert child.pk in due_ids(D(2025, 3, 1))


def test_a_parent_is_kept_while_their_child_is():
    parent = make_person(forename="Pat", surname="Parent", birth_date=D(1970, 1, 1))
    child = care_leaver()
    relate(child, parent, RelationshipKind.MOTHER)
    assert parent.pk not in due_ids(D(2030, 1, 1))  # the parent's own 25th birthday is long past
    assert {parent.pk, child.pk} <= due_ids(D(2075, 6, 15))


def test_a_record_without_any_date_of_birth_is_never_listed():
    unknown = Person.objects.create(la_id="LAUNKNOWN", surname="Unknown")
    assert review.keep_until()[unknown.pk].until is None
    assert unknown.pk not in due_ids(D(2200, 1, 1))


def test_the_nightly_job_lists_due_records_marks_held_ones_and_names_nobody(capsys):
    due_child = make_person(forename="Casey", surname="Due", birth_date=D(2000, 6, 15))
    held_child = make_person(forename="Robin", surname="Held", birth_date=D(2000, 6, 15))
    make_person(birth_date=D(2010, 1, 1))  # not due
    manager = make_user(role=Role.TEAM_MANAGER)
    LegalHold.objects.create(person=held_child, reason="Civil claim ref 123", placed_by=manager)
    call_command("retention_review", "--on", "2025-06-15")
    out = capsys.readouterr().out
    assert "1 records due for review, 1 of those due on legal hold" in out
    assert "Casey" not in out and "Robin" not in out
    statuses = dict(RetentionReview.objects.values_list("person_id", "status"))
    assert statuses == {due_child.pk: ReviewStatus.DUE, held_child.pk: ReviewStatus.HELD}
    call_command("retention_review", "--on", "2025-06-15")  # run again: nothing doubles
    assert RetentionReview.objects.count() == 2


def test_a_new_fact_takes_a_listed_record_off_the_list():
    child = make_person(birth_date=D(2000, 6, 15))
    review.list_due(D(2025, 6, 15))
    assert RetentionReview.objects.filter(person=child).exists()
    in_care(child, D(2001, 1, 1), D(2002, 1, 1))
    review.list_due(D(2025, 6, 16))
    assert not RetentionReview.objects.filter(person=child).exists()


def test_anonymising_removes_names_identifiers_addresses_free_text_and_history():
    manager = make_user(role=Role.TEAM_MANAGER)
    child = make_person(forename="Morgan", surname="Private", birth_date=D(2000, 6, 15), upn="A123456789012")
    child.surname = "Private-Jones"
    child.save()  # a second history row, with the old surname
    make_address(child, line1="7 Secret Lane", postcode="LE2 2BB")
    contact = Contact.objects.create(
        person=child,
        source="1A",
        referrer="Dr Who, GP",
        summary="Morgan told me ...",
        received_at=datetime.datetime(2010, 1, 1, 9, tzinfo=datetime.UTC),
    )
    review.list_due(D(2025, 6, 15))
    item = RetentionReview.objects.get(person=child)
    disposal = anonymise(item, manager, "Checked: no open matters")

    child.refresh_from_db()
    assert (child.forename, child.surname, child.nhs_number, child.upn) == ("", "Anonymised", None, None)
    assert child.birth_date == D(2000, 1, 1)
    assert not Address.objects.filter(person=child).exists()
    contact.refresh_from_db()
    assert (contact.summary, contact.referrer) == ("", "")
    assert not Person.history.filter(id=child.pk).exists()
    assert not Address.history.filter(person_id=child.pk).exists()
    assert not Contact.history.filter(person_id=child.pk).exists()
    assert disposal.removed["addresses"] == 1 and disposal.removed["free_text_fields"] >= 1
    assert disposal.removed["by_apps"] == 1
    assert "Morgan" not in str(disposal.removed) and "Private" not in disposal.note
    item.refresh_from_db()
    assert item.status == ReviewStatus.ANONYMISED and item.decided_by == manager
    assert child.pk not in due_ids(D(2030, 1, 1))  # anonymised records are not listed again


def test_anonymising_leaves_the_audit_log_and_its_chain_as_they_were():
    """The audit rows keep pointing at the person row, which stays; names live in it, not in them."""
    manager, worker = make_user(role=Role.TEAM_MANAGER), make_user()
    child = make_person(forename="Morgan", surname="Private", birth_date=D(2000, 6, 15))
    RecordView.objects.create(
        user=worker, person=child, allowed=True, basis="Allocated worker", path="/people/1/"
    )
    Disclosure.objects.create(
        user=worker,
        kind=DisclosureKind.SEARCH,
        what="Find a child",
        path="/people/",
        terms="Morgan Private",
        count=1,
        named=[child],
    )
    glass = BreakGlass.objects.create(
        user=worker,
        person=child,
        reason="Police at the door",
        expires_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
    )
    before = verify()
    review.list_due(D(2025, 6, 15))
    anonymise(RetentionReview.objects.get(person=child), manager, "Checked: no open matters")

    after = verify()
    assert after.ok and after.rows == before.rows == 3 and after.head == before.head
    assert RecordView.objects.get(person=child).person.surname == "Anonymised"
    glass.refresh_from_db()
    assert glass.reason == "Police at the door"


@pytest.fixture
def manager(client):
    user = make_user(role=Role.TEAM_MANAGER, manages=[make_team()])
    client.force_login(user)
    return user


def test_only_managers_reach_the_retention_pages(client):
    worker = make_user(role=Role.SOCIAL_WORKER)
    client.force_login(worker)
    for name in ("retention:reviews", "retention:holds", "retention:log"):
        assert client.get(reverse(name)).status_code == 403
    client.logout()
    assert client.get(reverse("retention:reviews")).status_code == 302  # to sign in


def test_a_manager_confirms_and_a_legal_hold_stops_it(client, manager):
    free = make_person(forename="Quinn", surname="Free", birth_date=D(2000, 6, 15))
    held = make_person(forename="Ali", surname="Held", birth_date=D(2000, 6, 15))
    review.list_due(D(2025, 6, 15))
    page = client.get(reverse("retention:reviews"))
    assert page.status_code == 200
    assert free.la_id in page.content.decode() and "Quinn" not in page.content.decode()

    # A hold placed after the list was made still stops the record going.
    response = client.post(
        reverse("retention:holds"), {"la_id": held.la_id, "reason": "Subject access request"}
    )
    assert response.status_code == 302
    items = {r.person_id: r.pk for r in RetentionReview.objects.all()}
    response = client.post(
        reverse("retention:reviews"),
        {"reviews": [items[free.pk], items[held.pk]], "note": "Past retention; checked", "confirm": "on"},
    )
    assert response.status_code == 200  # the held record is no longer offered: the form says so
    assert "Select a valid choice" in response.content.decode()
    response = client.post(
        reverse("retention:reviews"),
        {"reviews": [items[free.pk]], "note": "Past retention; checked", "confirm": "on"},
    )
    assert response.status_code == 302
    free.refresh_from_db()
    held.refresh_from_db()
    assert free.surname == "Anonymised" and held.surname == "Held"
    assert Disposal.objects.get().person == free

    hold = LegalHold.objects.get(person=held)
    client.post(reverse("retention:lift_hold", args=[hold.pk]), {"reason": "Request answered"})
    hold.refresh_from_db()
    assert hold.lifted_by == manager
    assert RetentionReview.objects.get(person=held).status == ReviewStatus.DUE


def test_confirming_needs_a_note_and_the_check(client, manager):
    child = make_person(birth_date=D(2000, 6, 15))
    review.list_due(D(2025, 6, 15))
    item = RetentionReview.objects.get(person=child)
    response = client.post(reverse("retention:reviews"), {"reviews": [item.pk]})
    body = response.content.decode()
    assert "Enter why these records can go" in body and "Confirm you have checked these records" in body
    child.refresh_from_db()
    assert child.surname != "Anonymised"


def test_a_hold_needs_a_known_council_id(client, manager):
    response = client.post(reverse("retention:holds"), {"la_id": "NOPE", "reason": "x"})
    assert "No record has council ID NOPE" in response.content.decode()
    assert not LegalHold.objects.exists()


def test_every_rule_names_its_source():
    assert all(rule.source for rule in RULES.values())
