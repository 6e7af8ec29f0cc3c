"""End to end in headless Chromium: a social worker finds and opens a child; a police officer is refused."""

import datetime

import pytest

from access.models import RecordView
from people.codes import RelationshipKind
from tests.factories import (
    allocated_child,
    make_address,
    make_person,
    make_team,
    make_user,
    police_officer,
    relate,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADER_BLACK = "rgb(11, 12, 12)"  # govuk-generic-header background, from the GOV.UK CSS


@pytest.fixture
def child():
    child, worker, manager, team = allocated_child(
        forename="Maya", surname="Okafor", birth_date=datetime.date(2016, 9, 14)
    )
    make_address(child, line1="12 Elm Grove", postcode="LE4 6AB", start_date=datetime.date(2021, 4, 1))
    mother = make_person(forename="Grace", surname="Okafor", birth_date=datetime.date(1989, 2, 2))
    relate(child, mother, RelationshipKind.MOTHER, parental_responsibility=True, lives_with=True)
    for forename in ["Amara", "Kemi"]:
        make_person(forename=forename, surname="Okafor", birth_date=datetime.date(2012, 1, 5))
    return child, worker


def test_social_worker_finds_and_opens_an_allocated_child(page, live_server, sign_in, child):
    child, worker = child
    sign_in(worker)

    header = page.locator(".govuk-generic-header")
    assert header.evaluate("el => getComputedStyle(el).backgroundColor") == HEADER_BLACK  # the CSS loaded
    assert page.get_by_role("heading", name="Allocated to me").is_visible()

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Find a child").click()
    page.get_by_label("Last name").fill("okaf")
    page.get_by_role("button", name="Search").click()
    results = page.locator("table.thrive-results")
    results.wait_for()
    assert results.locator("tbody tr").count() == 4
    page.screenshot(path="/tmp/thrive-search-results.png", full_page=True)

    page.get_by_role("link", name="OKAFOR, Maya").click()
    page.wait_for_url(f"{live_server.url}/people/{child.pk}/")
    assert page.get_by_role("heading", name="Maya Okafor", level=1).is_visible()
    assert page.get_by_role("heading", name="Timeline").is_visible()
    assert page.locator(".thrive-timeline__entry").filter(has_text="Born").is_visible()
    assert page.locator(".thrive-timeline__entry").filter(has_text="Allocated worker started").is_visible()
    page.screenshot(path="/tmp/thrive-child.png", full_page=True)

    assert RecordView.objects.filter(user=worker, person=child, allowed=True).count() == 1


def test_police_officer_without_a_share_is_refused_and_recorded(page, live_server, sign_in, child):
    child, _ = child
    officer = police_officer()
    sign_in(officer)

    response = page.goto(f"{live_server.url}/people/{child.pk}/")

    assert response.status == 403
    assert page.get_by_role("heading", name="You do not have access to this record").is_visible()
    assert "12 Elm Grove" not in page.content()
    assert RecordView.objects.filter(user=officer, person=child, allowed=False).exists()

    assert (
        page.get_by_role("button", name="Break glass and open the record").count() == 0
    )  # partners never do
    page.get_by_role("button", name="Sign out").click()

    # A social worker of another team may break glass. An empty reason: the GOV.UK error summary takes focus
    # (so the JavaScript loaded) and links to the field.
    sign_in(make_user("other.team.worker", teams=[make_team()]))
    page.goto(f"{live_server.url}/people/{child.pk}/")
    page.get_by_role("button", name="Break glass and open the record").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    summary.get_by_role("link", name="Enter why you need to open this record").click()
    assert page.evaluate("document.activeElement.id") == "id_reason"
    page.screenshot(path="/tmp/thrive-refused.png", full_page=True)


def test_sign_out(page, live_server, sign_in, child):
    _, worker = child
    sign_in(worker)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{live_server.url}/access/sign-in/")
    assert page.get_by_text("You have signed out").is_visible()
    page.goto(f"{live_server.url}/")
    assert page.url.startswith(f"{live_server.url}/access/sign-in/")
