"""Finding a child: by name (forgiving slips and sound-alikes), date of birth (forgiving swapped day and month
and
a year out), NHS number, council ID and postcode, from the page or the header's box, showing identity only."""

import datetime

import pytest
from django.urls import reverse

from access.models import AgencyKind, Disclosure, DisclosureKind, RecordView, Role
from tests.factories import allocated_child, make_address, make_agency, make_person, make_user, share

pytestmark = pytest.mark.django_db


@pytest.fixture
def searcher(client):
    client.force_login(make_user())
    return client


def search(client, **params):
    return client.get(reverse("people:search"), params)


def names(response):
    return [p.full_name for p in response.context["results"]]


def exact(response):
    return [p.full_name for p in response.context["results"] if p.exact]


def test_blank_page_has_no_results_and_no_errors(searcher):
    response = searcher.get(reverse("people:search"))
    assert response.status_code == 200
    assert response.context["results"] is None
    assert "There is a problem" not in response.content.decode()


def test_empty_search_asks_for_something(searcher):
    response = search(searcher, forename="", surname="", nhs_number="")
    assert response.status_code == 200
    assert (
        "Enter a name, date of birth, NHS number, council ID or postcode to search for"
        in response.content.decode()
    )


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
    assert child.la_id in response.content.decode()


def test_name_prefixes_ignore_case_and_accents(searcher):
    make_person(forename="Zoë", surname="Brontë")
    make_person(forename="Zak", surname="Brown")
    make_person(forename="Amy", surname="Brown")
    make_person(forename="Zoe", surname="Smith")

    assert sorted(exact(search(searcher, surname="bron"))) == ["Zoë Brontë"]  # Brown sounds like it
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


def test_results_show_enough_to_pick_the_child_and_no_more(searcher):
    """Name, date of birth and council ID: not NHS numbers or addresses of everyone."""
    child = make_person(forename="Maya", surname="Okafor", nhs_number="9434765919")
    make_address(child, line1="9 New Street", postcode="LE3 3CC", start_date=datetime.date(2020, 1, 2))

    response = search(searcher, surname="okafor")

    content = response.content.decode()
    assert "OKAFOR, Maya" in content and child.la_id in content and "27 Mar 2018" in content
    assert "LE3 3CC" not in content and "9 New Street" not in content
    assert "943&nbsp;476&nbsp;5919" not in content and "9434765919" not in content
    assert "Break glass to open" in content
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
    assert "3 people match" in response.content.decode()
    assert "Only the first 2 are shown" in response.content.decode()


def test_no_matches(searcher):
    response = search(searcher, surname="nobody")
    assert "No records match" in response.content.decode()


def test_search_requires_sign_in(client):
    assert client.get(reverse("people:search")).status_code == 302


def test_every_search_is_logged_with_its_terms_and_the_children_listed(client):
    user = make_user()
    client.force_login(user)
    first, second = make_person(surname="Okafor"), make_person(surname="Okafor", forename="Zed")
    search(client, surname="okaf", dob_day="27", dob_month="3", dob_year="2018")
    logged = Disclosure.objects.get(user=user)
    assert logged.kind == DisclosureKind.SEARCH and logged.count == 2
    assert logged.terms == "last name okaf; date of birth 2018-03-27"
    assert set(logged.children.values_list("person_id", flat=True)) == {first.pk, second.pk}


@pytest.mark.parametrize("role", [Role.PARTNER, Role.ANALYST])
def test_partners_and_analysts_find_only_records_they_can_open(client, role):
    agency = make_agency("Health Trust", AgencyKind.HEALTH)
    user = make_user(role=role, agency=agency)
    shared = make_person(surname="Okafor", forename="Shared")
    make_person(surname="Okafor", forename="Other")
    share(shared, agency)
    client.force_login(user)
    found = names(search(client, surname="okafor"))
    assert found == (["Shared Okafor"] if role == Role.PARTNER else [])


def test_staff_are_told_which_results_they_can_open(client):
    child, worker, *_ = allocated_child(surname="Okafor")
    make_person(surname="Okafor", forename="Zed")
    client.force_login(worker)
    content = search(client, surname="okafor").content.decode()
    assert content.count("You can open") == 1 and content.count("Break glass to open") == 1


def test_a_search_with_more_results_than_shown_logs_how_many_matched(searcher, settings):
    settings.SEARCH_RESULTS_LIMIT = 2
    for _ in range(3):
        make_person(surname="Okafor")
    search(searcher, surname="okafor")
    logged = Disclosure.objects.get()
    assert logged.count == 3 and logged.children.count() == 2


# Forgiving search


def test_a_misspelt_surname_finds_the_child_as_a_close_match(searcher):
    make_person(forename="Maya", surname="Cunningham")
    make_person(forename="Maya", surname="Jones")
    response = search(searcher, surname="Cuningham")
    [found] = response.context["results"]
    assert found.full_name == "Maya Cunningham" and not found.exact
    assert "Close match" in response.content.decode() and "sounds like Cuningham" in response.content.decode()


@pytest.mark.parametrize("typed", ["Cunnigham", "Kunningham", "Cunningahm"])
def test_typing_slips_and_sound_alikes_in_a_name(searcher, typed):
    make_person(forename="Maya", surname="Cunningham")
    assert names(search(searcher, surname=typed)) == ["Maya Cunningham"]


def test_a_misspelt_first_name_beside_the_right_surname(searcher):
    make_person(forename="Katherine", surname="Okafor")
    make_person(forename="Brian", surname="Okafor")
    assert names(search(searcher, forename="Catherine", surname="Okafor")) == ["Katherine Okafor"]


def test_short_names_are_the_start_of_a_name_not_a_guess(searcher):
    make_person(forename="Amy", surname="Smith")
    make_person(forename="Amy", surname="Sim")
    assert names(search(searcher, surname="smi")) == ["Amy Smith"]


@pytest.mark.parametrize(
    "day, month, year, why",
    [
        ("3", "7", "2018", "day and month swapped"),  # born 7 March 2018, typed 3 July
        ("7", "3", "2017", "a year out"),
        ("7", "3", "2019", "a year out"),
    ],
)
def test_a_date_of_birth_with_a_common_slip_finds_the_child(searcher, day, month, year, why):
    make_person(forename="Ann", surname="Lee", birth_date=datetime.date(2018, 3, 7))
    make_person(forename="Ann", surname="Lee", birth_date=datetime.date(2015, 3, 7))
    response = search(searcher, dob_day=day, dob_month=month, dob_year=year)
    [found] = response.context["results"]
    assert found.birth_date == datetime.date(2018, 3, 7) and not found.exact
    assert why in response.content.decode()


def test_an_exact_match_comes_before_close_ones(searcher):
    make_person(forename="Ann", surname="Lee", birth_date=datetime.date(2018, 7, 3), la_id="SWAPPED")
    make_person(forename="Ann", surname="Lee", birth_date=datetime.date(2018, 3, 7), la_id="EXACT")
    results = search(searcher, surname="Lee", dob_day="7", dob_month="3", dob_year="2018").context["results"]
    assert [(p.la_id, p.exact) for p in results] == [("EXACT", True), ("SWAPPED", False)]


def test_a_name_spelt_far_out_is_found_beside_its_date_of_birth(searcher):
    make_person(forename="Siobhan", surname="Okafor", birth_date=datetime.date(2018, 3, 7))
    results = names(
        search(searcher, forename="Siobahn", surname="Okafur", dob_day="7", dob_month="3", dob_year="2018")
    )
    assert results == ["Siobhan Okafor"]


def test_leap_day_birthdays_have_no_year_out_on_a_common_year(searcher):
    make_person(forename="Leap", surname="Day", birth_date=datetime.date(2020, 2, 29))
    assert names(search(searcher, dob_day="29", dob_month="2", dob_year="2020")) == ["Leap Day"]


def test_council_id_and_postcode(searcher):
    child = make_person(forename="Maya", surname="Okafor", la_id="C123456")
    moved = make_person(forename="Zed", surname="Okafor")
    make_address(child, postcode="LE3 3CC")
    make_address(moved, postcode="LE3 3CC", end_date=datetime.date(2021, 1, 1))
    assert names(search(searcher, la_id="c123456")) == ["Maya Okafor"]
    assert sorted(names(search(searcher, postcode="le33cc"))) == ["Maya Okafor", "Zed Okafor"]
    logged = Disclosure.objects.filter(terms="postcode LE3 3CC").get()
    assert logged.count == 2


@pytest.mark.parametrize(
    "box, found",
    [
        ("Cuningham", ["Maya Cunningham"]),
        ("Maya", ["Maya Cunningham"]),
        ("maya cuningham", ["Maya Cunningham"]),
        ("Cunningham, Maya", ["Maya Cunningham"]),
        ("Maya 7/3/2018", ["Maya Cunningham"]),
        ("C765432", ["Maya Cunningham"]),
        ("le1 7rt", ["Maya Cunningham"]),
        ("943 476 5919", ["Maya Cunningham"]),
    ],
)
def test_the_header_box_reads_what_was_typed(searcher, box, found):
    child = make_person(
        forename="Maya",
        surname="Cunningham",
        la_id="C765432",
        nhs_number="9434765919",
        birth_date=datetime.date(2018, 3, 7),
    )
    make_address(child, postcode="LE1 7RT")
    make_person(forename="Bo", surname="Other", birth_date=datetime.date(2016, 1, 1))
    response = searcher.get(reverse("people:search"), {"q": box})
    assert names(response) == found


def test_every_page_has_the_search_box_in_its_header(searcher):
    content = searcher.get(reverse("home")).content.decode()
    assert 'role="search"' in content and 'name="q"' in content


def test_results_show_age_and_who_works_with_the_children_the_searcher_may_open(client):
    child, worker, *_ = allocated_child(surname="Okafor", forename="Maya")
    make_person(surname="Okafor", forename="Zed")
    client.force_login(worker)
    results = {p.forename: p for p in search(client, surname="okafor").context["results"]}
    assert results["Maya"].working[0].startswith("Allocated worker: you") and results["Maya"].age is not None
    assert results["Zed"].working == []
    content = search(client, surname="okafor").content.decode()
    assert "Allocated worker: you" in content and content.count("No open involvement") == 0
