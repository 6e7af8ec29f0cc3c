"""End to end in headless Chromium: a manager anonymises a record past its retention, at phone width too."""

import datetime

import pytest

from access.models import Role
from retention import review
from retention.models import Disposal
from tests.factories import make_person, make_team, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_a_manager_anonymises_a_record_past_its_retention(page, live_server, sign_in, width):
    page.set_viewport_size({"width": width, "height": 900})
    manager = make_user(role=Role.TEAM_MANAGER, manages=[make_team()])
    due = make_person(forename="Rowan", surname="Pastdue", birth_date=datetime.date(1990, 1, 1))
    review.list_due(datetime.date.today())
    sign_in(manager)

    if width > 400:
        page.get_by_role("navigation", name="Menu").get_by_role("link", name="Retention").click()
    else:
        page.goto(f"{live_server.url}/retention/")
    assert page.get_by_role("heading", name="Records due for review").is_visible()
    assert "Rowan" not in page.content()  # listed by council ID only
    page.get_by_role("button", name="Anonymise the selected records").click()
    assert page.locator(".govuk-error-summary").is_visible()  # nothing chosen, no reason: told, not saved

    page.get_by_label(f"Anonymise {due.la_id}").check()
    page.get_by_label("Why these records can go").fill("Past the 25th birthday; no open matters")
    page.get_by_label("I have checked these records").check()
    page.get_by_role("button", name="Anonymise the selected records").click()
    assert page.get_by_text("1 record anonymised").is_visible()
    page.screenshot(path=f"/tmp/thrive-retention-{width}.png", full_page=True)
    due.refresh_from_db()
    assert due.surname == "Anonymised" and Disposal.objects.get().done_by == manager
