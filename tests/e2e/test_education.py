"""End to end in headless Chromium: home education held for consent, refusal to the route back to school, and
a
permanent exclusion on the Virtual School's worklist (desktop and a 390 px phone)."""

import datetime
import re

import pytest
from django.utils import timezone

from access.models import TeamKind
from education.tests.builders import cp_plan, education_team, officer, school, virtual_school_officer
from tests.factories import allocated_child, make_person, make_team

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def fill_date(page, name, date):
    page.locator(f"#id_{name}").fill(str(date.day))
    page.locator(f"#id_{name}_month").fill(str(date.month))
    page.locator(f"#id_{name}_year").fill(str(date.year))


def start_work(page, child, link):
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Inclusion").click()
    page.get_by_role("link", name="Start work for a child").first.click()
    page.get_by_label("Council ID", exact=True).fill(child.la_id)
    page.locator("#main-content").get_by_role("button", name="Find").click()
    page.get_by_role("link", name=link).click()


def test_a_notice_for_a_child_on_a_cp_plan_is_held_and_refusal_starts_the_route_back_to_school(
    page, live_server, sign_in
):
    team = education_team()
    eda = officer(team)
    child = make_person(forename="Mia", surname="Quarrie", birth_date=datetime.date(2013, 3, 3))
    cp_plan(child)
    a_school = school(name="Riverside High School")
    today = timezone.localdate()
    sign_in(eda)

    start_work(page, child, "Record a home education notice")
    fill_date(page, "received_on", today)
    page.get_by_label("School the child is on the roll of").select_option(label=a_school.name)
    page.get_by_label("Reason the family gives").select_option(label="Mental health")
    page.get_by_label("Child's home address").fill("4 Mill Lane, Shireton")
    page.get_by_label("Each parent's name and home address").fill("Sam Quarrie, 4 Mill Lane, Shireton")
    page.get_by_role("button", name="Save").click()

    page.get_by_role("heading", name="Education and inclusion").wait_for()
    banner = page.get_by_role("region", name="Held for consent")
    assert banner.is_visible() and "child protection plan" in banner.inner_text()
    assert page.get_by_text("Not on the register.").is_visible()

    banner.get_by_role("link", name="Decide on consent").click()
    page.get_by_label("Consent refused").check()
    fill_date(page, "decided_on", today)
    page.get_by_label("Reasons").fill("School attendance is a protective factor in the plan.")
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_role("heading", name="Education and inclusion").wait_for()
    step = page.get_by_text(re.compile(r"Notice to satisfy the council \(s437\(1\)\)"))
    assert step.is_visible() and "the parent has until" in step.inner_text()

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.get_by_text(re.compile("Notice to satisfy")).is_visible()


def test_a_permanent_exclusion_puts_sixth_day_provision_on_the_virtual_schools_worklist(
    page, live_server, sign_in, browser
):
    child, _, _, _ = allocated_child(forename="Leo", surname="Marsh", birth_date=datetime.date(2011, 6, 6))
    eda = officer(education_team())
    vera = virtual_school_officer(make_team("Virtual School", kind=TeamKind.VIRTUAL_SCHOOL))
    a_school = school(name="Kingsway Academy")
    excluded = timezone.localdate() - datetime.timedelta(days=1)
    sign_in(eda)
    start_work(page, child, "Record a suspension or permanent exclusion")
    page.get_by_label("School", exact=True).select_option(label=a_school.name)
    page.get_by_label("Kind").select_option(label="Permanent exclusion")
    fill_date(page, "start_date", excluded)
    page.get_by_label("Reason").select_option(label="Physical assault against an adult")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Education and inclusion").wait_for()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    other = context.new_page()
    other.goto(f"{live_server.url}/access/sign-in/")
    from tests.factories import PASSWORD

    other.get_by_label("Username").fill(vera.username)
    other.get_by_label("Password").fill(PASSWORD)
    other.get_by_role("button", name="Sign in").click()
    other.get_by_role("navigation", name="Menu").get_by_role("link", name="Inclusion").click()
    other.get_by_role("link", name="Virtual School").first.click()
    row = other.get_by_role("row").filter(has_text="Leo Marsh").filter(has_text="sixth school day")
    assert row.is_visible()
    other.set_viewport_size({"width": 390, "height": 844})
    assert other.get_by_text("Leo Marsh").first.is_visible()
    context.close()
