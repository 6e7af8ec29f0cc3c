"""End to end in headless Chromium, at phone width (390 px): the due work the regulations add, recorded
through its pages. A child placed with an aunt under temporary approval (reg 24), and a privately fostered
child notified to the council."""

import datetime

import pytest
from django.utils import timezone

from access.models import TeamKind
from tests.factories import involve, make_person, make_team, make_user
from tests.factories.care import child_in_care

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
WITH_AUNT = {
    "placement_type": "U3",
    "provider": "PR1",
    "provider_name": "Aunt Sam",
    "urn": "SC123456",
    "placement_postcode": "LE4 6AB",
}


def fill_date(page, field, day: datetime.date):
    page.locator(f"#id_{field}").fill(str(day.day))
    page.locator(f"#id_{field}_month").fill(str(day.month))
    page.locator(f"#id_{field}_year").fill(str(day.year))


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_connected_persons_approval_and_a_private_fostering_visit_on_a_phone(page, live_server, sign_in):
    page.set_viewport_size(PHONE)
    team = make_team("Children in Care North", kind=TeamKind.CHILDREN_IN_CARE)
    worker = make_user(teams=[team], first_name="Jo", last_name="Carer")
    today = timezone.localdate()
    period = child_in_care(start=today - datetime.timedelta(days=14), worker=worker, placement=WITH_AUNT)
    fostered = make_person(forename="Kit", surname="Morgan", birth_date=datetime.date(2013, 5, 1))
    involve(fostered, user=worker, team=team)
    sign_in(worker)

    page.goto(f"{live_server.url}/care/{period.person.pk}/")
    assert page.get_by_text("Prepare the care plan").is_visible()
    page.get_by_role("link", name="Connected person's temporary approval").click()
    assert fits_the_screen(page)  # the form (the care record's episode table is wider than a phone)
    page.get_by_label("Connected person (relative, friend or other person connected with the child)").fill(
        "Aunt Sam"
    )
    fill_date(page, "approved_on", period.start_date)
    page.get_by_role("button", name="Save").click()
    page.locator(".govuk-notification-banner--success").wait_for()
    ends = period.start_date + datetime.timedelta(days=111)
    assert page.get_by_text("Temporary approval of Aunt Sam ends").is_visible()
    assert page.get_by_text(f"{ends:%-d %b %Y}").first.is_visible()

    page.goto(f"{live_server.url}/private-fostering/{fostered.pk}/")
    page.get_by_role("link", name="A notified arrangement").click()
    assert fits_the_screen(page)
    fill_date(page, "notified_on", today)
    page.get_by_label("Private foster carer").fill("Pat Lee")
    page.get_by_role("button", name="Save").click()
    page.locator(".govuk-notification-banner--success").wait_for()
    assert page.get_by_text("Visit the privately fostered child").is_visible()
    assert fits_the_screen(page)
