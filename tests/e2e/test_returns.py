"""End to end in headless Chromium: an analyst checks the CIN census with the DfE-aligned validators, reads
the
issues by rule, asks the child's worker to correct one, and the worker finds it in their due work."""

import datetime

import pytest

from access.models import Involvement, InvolvementKind, Role
from returns.tests.builders import cin_census_children, council
from tests.factories import make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_analyst_checks_the_census_and_asks_the_worker_to_correct_a_record(page, live_server, sign_in):
    council()
    children = cin_census_children()
    children[0].__class__.objects.filter(pk=children[0].pk).update(ethnicity="XXXX")
    worker = make_user(role=Role.SOCIAL_WORKER, first_name="Sam", last_name="Worker")
    Involvement.objects.create(
        person=children[0],
        kind=InvolvementKind.ALLOCATED_WORKER,
        user=worker,
        start_date=datetime.date(2024, 5, 1),
    )
    analyst = make_user(role=Role.ANALYST, first_name="Ana", last_name="Lyst")
    sign_in(analyst)

    page.goto(f"{live_server.url}/returns/cin/2025/")
    page.get_by_role("button", name="Check the return").click()
    page.get_by_text("5 children in the return").wait_for()
    by_rule = page.locator("table").first
    assert by_rule.get_by_text("4220").is_visible()
    page.get_by_label("Show").select_option("error")
    page.get_by_role("button", name="Filter").click()
    page.get_by_text("ethnicity XXXX").wait_for()
    assert not page.get_by_text("Download the return").is_visible()  # an error without a reason blocks it

    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the filters stack, the issue still reads
    assert page.get_by_label("Child ID").is_visible() and page.get_by_text("ethnicity XXXX").is_visible()
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Ask the worker to correct").first.click()
    page.get_by_label("Note for the worker (optional)").fill("Please confirm the ethnicity with the family")
    page.get_by_role("button", name="Send the request").click()
    page.get_by_text("Asked Sam Worker to correct child C0001").wait_for()

    page.context.clear_cookies()
    sign_in(worker)
    page.goto(f"{live_server.url}/work/?scope=mine")
    due = page.locator("table").get_by_text("Correct the record for the CIN census 2024-25 (4220)")
    assert due.first.is_visible()  # in the due work table (the type filter's list names it too)
