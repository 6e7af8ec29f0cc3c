"""End to end in headless Chromium: a child comes into care, is placed, reviewed on time, moves, leaves care
at 18 and becomes a care leaver with a personal adviser and a pathway plan."""

import datetime

import pytest

from access.models import Role, TeamKind
from care.models import PeriodOfCare
from leavers.models import PathwayPlan
from tests.e2e.pickers import choose
from tests.factories import involve, make_person, make_team, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def fill_date(page, field, day: datetime.date):
    page.locator(f"#id_{field}").fill(str(day.day))
    page.locator(f"#id_{field}_month").fill(str(day.month))
    page.locator(f"#id_{field}_year").fill(str(day.year))


def save(page, button="Save"):
    page.get_by_role("button", name=button).click()
    page.locator(".govuk-notification-banner--success").wait_for()


def test_child_comes_into_care_moves_leaves_and_becomes_a_care_leaver(page, live_server, sign_in):
    team = make_team("Children in Care North", kind=TeamKind.CHILDREN_IN_CARE)
    worker = make_user(teams=[team], first_name="Jo", last_name="Carer")
    make_user(
        role=Role.IRO,
        teams=[make_team("Reviewing service", kind=TeamKind.IRO)],
        first_name="Ira",
        last_name="Reviewer",
    )
    adviser = make_user(
        role=Role.PERSONAL_ADVISER,
        teams=[make_team("Leaving care", kind=TeamKind.LEAVING_CARE)],
        first_name="Pat",
        last_name="Adviser",
    )
    # Born 2 March 2008: 16 in care from 5 January 2025, 18 on 2 March 2026.
    child = make_person(forename="Remi", surname="Adeyemi", birth_date=datetime.date(2008, 3, 2))
    involve(child, user=worker, team=team, start_date=datetime.date(2024, 12, 1))
    sign_in(worker)

    page.get_by_role("link", name="Remi Adeyemi").first.click()
    page.get_by_role("link", name="Start a period of care").click()
    fill_date(page, "start_date", datetime.date(2025, 1, 5))
    page.get_by_label("Legal status", exact=True).select_option("C2")
    page.get_by_label("Placement type", exact=True).select_option("U6")
    page.get_by_label("Placement provider", exact=True).select_option("PR1")
    page.get_by_label("Foster carers, home or setting", exact=True).fill("Sam and Alex Brown")
    page.get_by_label("Ofsted unique reference number (URN)", exact=True).fill("SC123456")
    page.get_by_label("Placement postcode", exact=True).fill("le4 6ab")
    page.get_by_label("Home postcode", exact=True).fill("LE1 1AA")
    page.get_by_label("Category of need", exact=True).select_option("N1")
    choose(page, "Social worker", str(worker))
    choose(page, "Independent reviewing officer", "Ira Reviewer")
    save(page, "Start the period of care")
    assert page.get_by_text("Sam and Alex Brown").first.is_visible()

    # Looked after Sunday 5 January 2025: the first review is due 20 working days on, Friday 31 January.
    page.get_by_role("link", name="Looked-after review").click()
    fill_date(page, "held_on", datetime.date(2025, 1, 30))
    page.get_by_label("How did the child take part?", exact=True).select_option("PN1")
    save(page)
    assert page.locator("strong.govuk-tag", has_text="On time").is_visible()

    page.get_by_role("link", name="Change placement").click()
    fill_date(page, "start_date", datetime.date(2025, 3, 3))
    page.get_by_label("Placement type", exact=True).select_option("K2")
    page.get_by_label("Placement provider", exact=True).select_option("PR4")
    page.get_by_label("Foster carers, home or setting", exact=True).fill("Oak House")
    page.get_by_label("Ofsted unique reference number (URN)", exact=True).fill("SC654321")
    page.get_by_label("Placement postcode", exact=True).fill("NG1 5FS")
    page.get_by_label("Weekly cost in pounds", exact=True).fill("5800")
    page.get_by_label("Why did the last placement end?", exact=True).select_option("CARPL")
    page.get_by_text("Yes", exact=True).click()
    save(page, "Record the move")
    assert page.get_by_text("Oak House").first.is_visible()
    page.screenshot(path="/tmp/thrive-care.png", full_page=True)

    page.get_by_role("link", name="End the period of care").click()
    fill_date(page, "end_date", datetime.date(2026, 3, 2))
    page.get_by_label("Why did the child stop being looked after?", exact=True).select_option("E5")
    save(page, "End the period of care")
    assert PeriodOfCare.objects.get(person=child).end_date == datetime.date(2026, 3, 2)

    page.get_by_role("navigation", name="Care and leaving care").get_by_role(
        "link", name="Leaving care"
    ).click()
    assert page.get_by_text("Former relevant child").is_visible()
    page.get_by_role("link", name="Allocate a personal adviser").first.click()
    choose(page, "Personal adviser", str(adviser))
    save(page)
    page.get_by_role("link", name="Start a pathway plan").click()
    fill_date(page, "started_on", datetime.date(2026, 3, 2))
    page.get_by_label("Summary", exact=True).fill("College in September; a supported flat near Oak House")
    save(page)
    assert page.get_by_text("review due 2 September 2026").is_visible()
    assert PathwayPlan.objects.get(person=child).next_review_due == datetime.date(2026, 9, 2)
    page.screenshot(path="/tmp/thrive-leaving-care.png", full_page=True)

    page.get_by_role("navigation", name="Care and leaving care").get_by_role("link", name="Record").click()
    timeline = page.locator(".thrive-timeline")
    for title in [
        "Became looked after",
        "Looked-after review",
        "Moved placement",
        "Ceased to be looked after",
        "Pathway plan",
    ]:
        assert timeline.get_by_text(title, exact=True).first.is_visible(), title
