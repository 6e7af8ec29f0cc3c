"""End to end in headless Chromium: forgiving search from the header, a record that warns with its filterable
timeline and chronology, a manager reallocating through the typeahead picker, the worklists and dashboard, a
visit recorded on a 390 px phone with nothing pushing the page sideways, and axe-core on every main page."""

import datetime

import pytest
from django.utils import timezone

from access.models import Involvement, Role, TeamKind
from care.models import Visit
from frontdoor.models import ManagementOversight
from people.models import PersonFlag
from people.tests.test_due_work import assessment_due
from performance import periods
from performance.models import IndicatorValue
from tests.e2e.axe import assert_accessible
from tests.e2e.pickers import choose
from tests.factories import involve, make_person, make_team, make_user
from tests.factories.care import child_in_care, cic_team

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def team():
    """A manager, two workers, a child behind on an assessment with a risk to staff, and a child in care."""
    team = make_team("Assessment 1")
    manager = make_user(role=Role.TEAM_MANAGER, manages=[team], first_name="Pat", last_name="Manager")
    ann = make_user(teams=[team], first_name="Ann", last_name="Able")
    bo = make_user(teams=[team], first_name="Bo", last_name="Best")
    child = make_person(forename="Maya", surname="Cunningham", birth_date=datetime.date(2016, 9, 14))
    involve(child, user=ann, team=team)
    assessment_due(child, -9)
    PersonFlag.objects.create(
        person=child,
        kind="risk_to_staff",
        detail="Dog at the address: visit in pairs",
        start_date=TODAY(),
        recorded_by=ann,
    )
    return manager, ann, bo, child


def no_sideways_scroll(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_a_misspelt_name_in_the_header_finds_the_child_whose_record_warns(page, live_server, sign_in, team):
    manager, ann, bo, child = team
    sign_in(ann)
    assert_accessible(page, "My work")
    page.get_by_role("search").get_by_role("searchbox").fill("Cuningham")
    page.get_by_role("search").get_by_role("button", name="Find").click()
    page.locator("table.thrive-results").wait_for()
    assert (
        page.get_by_text("Close match").is_visible()
        and page.get_by_text("Allocated worker: you").is_visible()
    )
    assert_accessible(page, "Find a child")

    page.get_by_role("link", name="CUNNINGHAM, Maya").click()
    alerts = page.get_by_role("region", name="Alerts")
    assert alerts.get_by_text("Risk to staff").is_visible()
    assert (
        page.get_by_role("region", name="Due and overdue work").get_by_text("Overdue by 9 days").is_visible()
    )
    assert_accessible(page, "the child's record")

    page.get_by_text("Filter the timeline").click()
    page.get_by_label("Part of the journey").select_option(label="Family Help")
    page.get_by_role("button", name="Filter").click()
    entries = page.locator(".thrive-timeline__entry")
    entries.first.wait_for()
    assert (
        entries.filter(has_text="Born").count() == 0 and entries.filter(has_text="Assessment started").count()
    )

    page.get_by_role("link", name="Chronology to print or download").click()
    assert page.get_by_text("OFFICIAL-SENSITIVE").first.is_visible()
    assert_accessible(page, "the chronology")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as PDF").click()
    assert download.value.suggested_filename.startswith(f"chronology-{child.la_id}")


def test_a_manager_sees_who_is_behind_and_reallocates_with_the_typeahead(page, live_server, sign_in, team):
    manager, ann, bo, child = team
    sign_in(manager)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Due work").click()
    assert page.get_by_role("table", name="By worker").get_by_text("Ann Able").is_visible()
    page.get_by_label("Worker", exact=True).select_option(label="Ann Able")
    page.get_by_role("button", name="Filter").click()
    assert page.locator("table.thrive-due tbody tr").count() == 1
    assert_accessible(page, "Due work")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Caseloads").click()
    assert_accessible(page, "Caseloads")
    page.get_by_role("link", name="Ann Able").click()
    page.get_by_role("link", name="Reallocate Maya Cunningham").click()
    assert_accessible(page, "Reallocate")
    choose(page, "Reallocate to", "Bo Best")
    page.get_by_label("Why is the child being reallocated?").fill("Ann is leaving")
    page.get_by_role("button", name="Reallocate").click()
    page.locator(".govuk-notification-banner--success").wait_for()
    assert Involvement.objects.filter(person=child, user=bo, end_date=None).exists()

    page.goto(f"{live_server.url}/front-door/people/{child.pk}/oversight/")
    page.get_by_label("Management direction").fill("Visit this week")
    page.locator("#id_follow_up_by").fill(str((TODAY() + datetime.timedelta(days=7)).day))
    follow = TODAY() + datetime.timedelta(days=7)
    page.locator("#id_follow_up_by_month").fill(str(follow.month))
    page.locator("#id_follow_up_by_year").fill(str(follow.year))
    page.get_by_role("button", name="Save oversight").click()
    page.locator(".govuk-notification-banner--success").wait_for()
    assert ManagementOversight.objects.get(person=child).follow_up_by == follow


def test_a_visit_recorded_on_a_phone_and_pages_that_fit_it(browser, live_server):
    from tests.factories import PASSWORD

    worker = make_user(teams=[cic_team()], first_name="Jo", last_name="Carer")
    child = child_in_care(start=TODAY() - datetime.timedelta(days=90), worker=worker).person
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/access/sign-in/")
    page.get_by_label("Username").fill(worker.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    for url in (
        "/",
        "/work/",
        f"/people/{child.pk}/",
        f"/care/{child.pk}/",
        "/care/",
        "/people/?q=Smith",
        f"/people/{child.pk}/chronology/",
        "/glossary/",
    ):
        page.goto(f"{live_server.url}{url}")
        assert no_sideways_scroll(page), url
    assert_accessible(page, "the glossary on a phone")

    page.goto(f"{live_server.url}/care/{child.pk}/visits/new/")
    visited = TODAY() - datetime.timedelta(days=1)
    page.locator("#id_visited_on").fill(str(visited.day))
    page.locator("#id_visited_on_month").fill(str(visited.month))
    page.locator("#id_visited_on_year").fill(str(visited.year))
    page.get_by_label("The child was seen", exact=True).check()
    page.get_by_label("Notes").fill("Saw Jo at the placement; happy at school")
    assert no_sideways_scroll(page)
    assert_accessible(page, "recording a visit on a phone")
    page.get_by_role("button", name="Save").click()
    page.locator(".govuk-notification-banner--success").wait_for()
    assert Visit.objects.get(person=child).visited_on == visited
    context.close()


def test_worklists_and_dashboard_pass_axe_and_the_table_fits_1366(browser, live_server, sign_in, page):
    worker = make_user(teams=[cic_team()], first_name="Jo", last_name="Carer")
    child_in_care(start=TODAY() - datetime.timedelta(days=120), worker=worker)
    for label, value in (("Q2 2024/25", "24.0"), ("Q3 2024/25", "26.2"), ("Q4 2024/25", "26.4")):
        period = periods.parse(label)
        IndicatorValue.objects.create(
            indicator_code="CSC_RE_REFERRALS",
            period_label=label,
            source="t",
            period_start=period.start,
            period_end=period.end,
            value=value,
            origin="computed",
        )
    sign_in(worker)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Children in care").click()
    assert page.get_by_role("columnheader", name="Worker").is_visible()
    assert_accessible(page, "the children in care worklist")
    page.set_viewport_size({"width": 1366, "height": 768})
    for url, what in (
        ("/performance/", "the dashboard"),
        ("/performance/indicators/CSC_RE_REFERRALS/", "an indicator"),
        ("/performance/report/", "the report"),
        ("/glossary/", "the glossary"),
    ):
        page.goto(f"{live_server.url}{url}")
        assert_accessible(page, what)
    page.goto(f"{live_server.url}/performance/")
    table = page.locator(".performance-table")
    wrapper = page.locator(".performance-table-wrapper")
    assert table.evaluate("el => el.scrollWidth") <= wrapper.evaluate("el => el.clientWidth") + 1
    assert page.locator("svg.performance-spark").count() == 1


def test_sign_in_care_record_leaving_care_and_the_new_child_check_pass_axe(page, live_server, sign_in):
    page.goto(f"{live_server.url}/access/sign-in/")
    assert_accessible(page, "sign in")
    front = make_user(
        teams=[make_team("Front Door (MASH)", kind=TeamKind.FRONT_DOOR)], first_name="Fran", last_name="Door"
    )
    carer = make_user(teams=[cic_team()], first_name="Jo", last_name="Carer")
    child = child_in_care(
        start=TODAY() - datetime.timedelta(days=60),
        worker=carer,
        person=make_person(forename="Maya", surname="Cunningham"),
    ).person
    sign_in(front)
    page.goto(f"{live_server.url}/front-door/contacts/new/")
    page.get_by_label("First name").fill("Maya")
    page.get_by_label("Last name").fill("Cuningham")
    born = child.birth_date
    for part, value in (("", born.day), ("_month", born.month), ("_year", born.year)):
        page.locator(f"#id_birth_date{part}").fill(str(value))
    page.get_by_label("Summary of the concern").fill("Bruising seen at school")
    page.get_by_role("button", name="Record the contact").click()
    page.get_by_text("1 record is like this child").first.wait_for()
    assert_accessible(page, "a new child like an existing record")
    page.context.clear_cookies()  # signed out
    sign_in(carer)
    page.goto(f"{live_server.url}/care/{child.pk}/")
    assert_accessible(page, "the care record")
    page.goto(f"{live_server.url}/leaving-care/")
    assert_accessible(page, "the leaving-care worklist")
    page.goto(f"{live_server.url}/care/{child.pk}/social-worker/")
    assert page.get_by_label("Social worker", exact=True).input_value().startswith("Jo Carer")  # preselected
    assert_accessible(page, "the social worker picker")
