"""Finding a child: by name prefix, date of birth and NHS number, showing identity only."""
import datetime

import pytest
from django.urls import reverse

from access.models import RecordView
from tests.factories import make_address, make_person, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def searcher(client):
    client.force_login(make_user())
    return client


def search(client, **params):
    return client.get(reverse("people:search"), params)


def names(response):
    return [p.full_name for p in response.context["results"]]


def test_blank_page_has_no_results_and_no_errors(searcher):
    response = searcher.get(reverse("people:search"))
    assert response.status_code == 200
    assert response.context["results"] is None
    assert "There is a problem" not in response.content.decode()


def test_empty_search_asks_for_something(searcher):
    response = search(searcher, forename="", surname="", nhs_number="")
    assert response.status_code == 200
    assert "Enter a name, date of birth or NHS number to search for" in response.content.decode()


def test_invalid_nhs_number_shows_an_error_on_the_field(searcher):
    response = search(searcher, nhs_number="943 476 5910")

    content = response.content.decode()
    assert response.status_code == 200
    assert "NHS number 943 476 5910 is not valid" in content
    assert 'href="#id_nhs_number"' in content
    assert "govuk-input--error" in content
    assert response.context["results"] is None


def test_nhs_number_that_is_not_ten_digits(searcher):
    response = search(searcher, nhs_number="12345")
    assert response.status_code == 200
    assert "NHS number must be 10 digits" in response.content.decode()


def test_valid_nhs_number_with_spaces_finds_the_child(searcher):
    child = make_person(forename="Maya", surname="Okafor", nhs_number="9434765919")
    make_person(forename="Maya", surname="Okafor")

    response = search(searcher, nhs_number="943 476 5919")

    assert [p.pk for p in response.context["results"]] == [child.pk]
    assert "943&nbsp;476&nbsp;5919" in response.content.decode()


def test_name_prefixes_ignore_case_and_accents(searcher):
    make_person(forename="Zoë", surname="Brontë")
    make_person(forename="Zak", surname="Brown")
    make_person(forename="Amy", surname="Brown")
    make_person(forename="Zoe", surname="Smith")

    assert sorted(names(search(searcher, surname="bron"))) == ["Zoë Brontë"]
    assert sorted(names(search(searcher, surname="BR", forename="z"))) == ["Zak Brown", "Zoë Brontë"]
    assert sorted(names(search(searcher, forename="zoe"))) == ["Zoe Smith", "Zoë Brontë"]


def test_date_of_birth_search(searcher):
    make_person(forename="Early", birth_date=datetime.date(2019, 3, 27))
    make_person(forename="Late", birth_date=datetime.date(2019, 3, 28))

    response = search(searcher, dob_day="27", dob_month="3", dob_year="2019")

    assert names(response) == ["Early Smith"]


def test_name_and_date_of_birth_together(searcher):
    make_person(forename="Ann", surname="Lee", birth_date=datetime.date(2019, 3, 27))
    make_person(forename="Ann", surname="Lee", birth_date=datetime.date(2017, 1, 1))
    response = search(searcher, surname="lee", dob_day="27", dob_month="03", dob_year="2019")
    assert len(response.context["results"]) == 1


@pytest.mark.parametrize(
    "day, month, year, message",
    [
        ("27", "", "", "Date of birth must include a month and year"),
        ("31", "2", "2019", "Date of birth must be a real date"),
        ("1", "1", "19", "Year must include 4 numbers"),
        ("a", "1", "2019", "Date of birth must be a real date"),
        ("1", "1", "2999", "Date of birth must be today or in the past"),
    ],
)
def test_date_of_birth_errors(searcher, day, month, year, message):
    response = search(searcher, dob_day=day, dob_month=month, dob_year=year)
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert 'id="dob-error"' in content


def test_results_show_identity_and_current_postcode_only(searcher):
    child = make_person(forename="Maya", surname="Okafor")
    make_address(child, line1="1 Old Road", postcode="LE2 2BB", start_date=datetime.date(2018, 1, 1), end_date=datetime.date(2020, 1, 1))
    make_address(child, line1="9 New Street", postcode="LE3 3CC", start_date=datetime.date(2020, 1, 2))

    response = search(searcher, surname="okafor")

    content = response.content.decode()
    assert "LE3 3CC" in content
    assert "LE2 2BB" not in content
    assert "9 New Street" not in content
    assert child.la_id in content
    assert not RecordView.objects.exists()  # searching is not opening a record


def test_merged_duplicates_are_hidden(searcher):
    survivor = make_person(forename="Maya", surname="Okafor")
    make_person(forename="Maya", surname="Okafor", merged_into=survivor)
    response = search(searcher, surname="okafor")
    assert [p.pk for p in response.context["results"]] == [survivor.pk]


def test_results_are_limited_with_a_message(searcher, settings):
    settings.SEARCH_RESULTS_LIMIT = 2
    for forename in ["Ann", "Ben", "Cal"]:
        make_person(forename=forename, surname="Lee")

    response = search(searcher, surname="lee")

    assert len(response.context["results"]) == 2
    assert "More than 2 people match" in response.content.decode()


def test_no_matches(searcher):
    response = search(searcher, surname="nobody")
    assert "No records match" in response.content.decode()


def test_search_requires_sign_in(client):
    assert client.get(reverse("people:search")).status_code == 302
