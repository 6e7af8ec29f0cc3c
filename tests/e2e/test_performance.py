"""End to end in headless Chromium: an analyst computes a quarter's dashboard from the case records and reads
it."""

import re
from urllib.parse import quote

import pytest
from django.utils import timezone

from access.models import Role
from performance import timing
from performance.forms import ended_quarters
from tests.factories import make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_analyst_computes_and_reads_the_dashboard(page, live_server, sign_in):
    quarter = ended_quarters(timezone.localdate())[0]
    timing.build_case_records(400, quarter.end, seed=3)
    sign_in(make_user("analyst.e2e", role=Role.ANALYST))

    menu = page.get_by_role("navigation", name="Menu")
    menu.get_by_role("link", name="Performance").click()
    page.wait_for_url(f"{live_server.url}/performance/")
    assert page.get_by_text("No figures have been loaded yet.").is_visible()
    assert (
        page.get_by_label("Compute a quarter's figures from the case records").input_value() == quarter.label
    )
    page.get_by_role("button", name="Compute").click()
    page.wait_for_url(f"{live_server.url}/performance/?period={quote(quarter.label)}")

    assert page.get_by_text(f"{quarter.label}: 8 figures computed from the case records.").is_visible()
    assert page.get_by_role("heading", name=f"Performance dashboard {quarter.label}").is_visible()
    assert page.locator("table").get_by_text("Re-referrals to CSC within 12 mths").is_visible()
    page.screenshot(path="/tmp/thrive-dashboard.png", full_page=True)

    page.get_by_role("link", name="Re-referrals to CSC within 12 mths").first.click()
    page.wait_for_url(f"{live_server.url}/performance/indicators/CSC_RE_REFERRALS/")
    assert page.get_by_role("heading", name="Re-referrals to CSC within 12 mths").is_visible()
    assert (
        menu.get_by_role("link", name="Performance").count() == 1
    )  # one menu item, current on every page of it
    assert menu.get_by_role("link", name="Performance").get_attribute("aria-current") == "true"
    assert page.locator("svg").first.is_visible()  # the trend chart

    page.go_back()
    page.get_by_role("link", name=f"Quarterly report for {quarter.label}").click()
    page.wait_for_url(re.compile(r"/performance/report/"))
    assert page.get_by_text(quarter.label).first.is_visible()
