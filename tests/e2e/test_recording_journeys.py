"""End to end in headless Chromium: what practitioners write and managers authorise.

A visit recorded with notes on a 390 px phone, its draft kept as the worker types; a case note whose
worker is signed out mid-sentence and loses nothing; an assessment written, sent for authorisation,
returned with a comment, revised, resent and authorised, leading to its next step; axe-core on each page.
"""

import datetime
import re

import pytest
from django.utils import timezone

from familyhelp import services as familyhelp
from frontdoor.codes import ReferralSource
from frontdoor.models import Referral
from protection.codes import AbuseCategory
from protection.models import ChildProtectionPlan, Visit
from recording.models import CaseNote
from tests.e2e.axe import assert_accessible
from tests.factories import PASSWORD, allocated_child

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def sign_in_as(page, live_server, user):
    page.goto(f"{live_server.url}/access/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/$|/recording/|/family-help/|/child-protection/"))


def fill_date(page, name, date):
    page.locator(f"#id_{name}").fill(str(date.day))
    page.locator(f"#id_{name}_month").fill(str(date.month))
    page.locator(f"#id_{name}_year").fill(str(date.year))


def no_sideways_scroll(page):
    assert page.evaluate("() => document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.fixture
def child_on_a_plan():
    child, worker, manager, team = allocated_child(forename="Mia", surname="Hart")
    referral = Referral.objects.create(
        person=child,
        referral_date=timezone.localdate() - datetime.timedelta(days=40),
        source=ReferralSource.SCHOOLS,
        team=team,
    )
    ChildProtectionPlan.objects.create(
        referral=referral,
        person=child,
        start_date=referral.referral_date,
        initial_category=AbuseCategory.NEGLECT,
        latest_category=AbuseCategory.NEGLECT,
    )
    return child, worker, manager, referral


def test_a_visit_is_recorded_with_notes_on_a_phone_and_its_draft_kept(browser, live_server, child_on_a_plan):
    child, worker, _, _ = child_on_a_plan
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in_as(page, live_server, worker)
    page.goto(f"{live_server.url}/people/{child.pk}/")
    page.get_by_role("link", name="Record a visit").first.click()
    page.get_by_role("heading", name="Record a visit").wait_for()
    no_sideways_scroll(page)
    page.get_by_label("Child protection visit").check()
    page.get_by_label("The child was seen alone").check()
    notes = page.get_by_label("Visit notes")
    notes.fill("Mia showed me her bedroom: clean and warm. She said mum has been calmer.")
    page.get_by_text(re.compile("Draft kept at")).wait_for()
    assert_accessible(page, "the visit form on a phone")

    page.reload()  # the draft is offered back, as typed
    page.get_by_text("This form shows the draft you were writing").wait_for()
    assert "She said mum has been calmer." in page.get_by_label("Visit notes").input_value()
    page.get_by_role("button", name="Save the visit").click()
    page.get_by_text("Visit recorded.").wait_for()
    visit = Visit.objects.get(person=child)
    assert visit.seen_alone and "mum has been calmer" in visit.notes

    page.goto(f"{live_server.url}/recording/children/{child.pk}/notes/")
    page.get_by_text("She said mum has been calmer.").wait_for()
    no_sideways_scroll(page)
    assert_accessible(page, "the case notes page on a phone")
    context.close()


def test_a_worker_signed_out_mid_note_loses_nothing(browser, live_server, child_on_a_plan):
    child, worker, _, _ = child_on_a_plan
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in_as(page, live_server, worker)
    page.goto(f"{live_server.url}/recording/children/{child.pk}/notes/new/")
    assert_accessible(page, "the case note form")
    page.get_by_label("Phone call").check()
    page.get_by_label("Not relevant (the child was not expected to be there)").check()
    page.get_by_label("Summary").fill("Call with the school")
    page.get_by_label("Case note").fill("The school called about attendance.")
    page.get_by_text(re.compile("Draft kept at")).wait_for()

    # The session ends (as after a working day); the CSRF cookie stays, as it does in a browser.
    kept = [c for c in context.cookies() if c["name"] != "sessionid"]
    context.clear_cookies()
    context.add_cookies(kept)
    page.get_by_label("Case note").press_sequentially(" Attendance is 86%.")
    page.get_by_role("button", name="Save the case note").click()
    warning = page.get_by_text("You have been signed out, so what you type is not being kept")
    warning.wait_for()
    assert "Attendance is 86%." in page.get_by_label("Case note").input_value()
    assert not CaseNote.objects.exists()

    other = context.new_page()  # signing in again in a new tab, as the warning says
    sign_in_as(other, live_server, worker)
    other.close()
    page.get_by_label("Case note").press_sequentially(" Next call Friday.")
    page.get_by_text(re.compile("Draft kept at")).wait_for()
    page.get_by_role("button", name="Save the case note").click()
    page.get_by_text("Case note saved.").wait_for()
    note = CaseNote.objects.get()
    assert note.text == "The school called about attendance. Attendance is 86%. Next call Friday."
    assert_accessible(page, "a case note")
    context.close()


def test_an_assessment_is_sent_returned_revised_and_authorised(browser, live_server, child_on_a_plan):
    child, worker, manager, referral = child_on_a_plan
    assessment = familyhelp.start_assessment(referral, worker=worker, start_date=referral.referral_date)
    worker_context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = worker_context.new_page()
    page.set_default_timeout(15000)
    sign_in_as(page, live_server, worker)
    url = f"{live_server.url}/family-help/assessments/{assessment.pk}/"

    page.goto(url)
    page.get_by_role("link", name="Write the assessment").click()
    fill_date(page, "child_seen_on", timezone.localdate())
    page.get_by_label("The child's views, wishes and feelings").fill("Mia said: 'I like my school.'")
    page.get_by_label("Emotional warmth").fill("Mum is warm and praises Mia often.")
    page.get_by_label("Housing").fill("Damp in the children's room.")
    assert_accessible(page, "the assessment form")
    page.get_by_role("button", name="Save the assessment").click()
    page.get_by_text("Assessment saved.").wait_for()
    page.get_by_role("link", name="Record the outcome").click()
    page.get_by_label("Child in need plan").check()
    page.get_by_label("Summary of the analysis").fill("Mia needs help with stability at home.")
    page.get_by_role("button", name="Save the outcome").click()
    page.get_by_role("link", name="Send for authorisation").click()
    page.get_by_role("button", name="Send for authorisation").click()
    page.get_by_text("Assessment sent to your manager for authorisation.").wait_for()
    assert page.get_by_text("Waiting for a manager to authorise").is_visible()
    assert_accessible(page, "the assessment page")

    manager_context = browser.new_context(viewport={"width": 1280, "height": 900})
    boss = manager_context.new_page()
    boss.set_default_timeout(15000)
    sign_in_as(boss, live_server, manager)
    boss.get_by_role("heading", name=re.compile("Awaiting my authorisation")).wait_for()
    boss.get_by_role("link", name="All assessments awaiting my authorisation").click()
    assert_accessible(boss, "the authorisation queue")
    boss.get_by_role("link", name="Mia Hart").click()
    boss.get_by_role("link", name="Return with comments").click()
    boss.get_by_label("What needs to change").fill("Add dad's view, please.")
    boss.get_by_role("button", name="Return to the worker").click()
    boss.get_by_text("Assessment returned to the worker with your comments.").wait_for()

    page.goto(url)
    page.get_by_role("heading", name="Returned with comments").wait_for()
    assert page.get_by_text("Add dad's view, please.").first.is_visible()
    page.get_by_role("link", name="Write the assessment").click()
    page.get_by_label("The views of parents and carers").fill("Dad wants Mia home by 6 on school nights.")
    page.get_by_role("button", name="Save the assessment").click()
    page.get_by_role("link", name="Send for authorisation").click()
    page.get_by_role("button", name="Send for authorisation").click()
    page.get_by_text("Assessment sent to your manager for authorisation.").wait_for()

    boss.goto(url)
    boss.get_by_role("link", name="Authorise the assessment").click()
    boss.get_by_label("Comments for the worker (optional)").fill("Clear analysis.")
    boss.get_by_role("button", name="Authorise").click()
    boss.get_by_role("heading", name="Start a child in need plan").wait_for()  # the outcome's next step
    assessment.refresh_from_db()
    assert assessment.authorisation_date == timezone.localdate()
    boss.goto(url)
    assert boss.get_by_text("Dad wants Mia home by 6 on school nights.").is_visible()
    assert_accessible(boss, "the authorised assessment")
    worker_context.close()
    manager_context.close()


def test_the_plan_for_the_family_and_the_documents_page_are_accessible(
    page, live_server, child_on_a_plan, sign_in
):
    child, worker, _, _ = child_on_a_plan
    plan = ChildProtectionPlan.objects.get(person=child)
    plan.objectives.create(text="Mia gets to school every day", added_on=plan.start_date)
    sign_in(worker)
    page.goto(f"{live_server.url}/child-protection/plans/{plan.pk}/")
    page.get_by_text("The first core group meeting is due by").wait_for()
    assert_accessible(page, "the child protection plan")
    page.get_by_role("link", name="Print the plan for the family").click()
    page.get_by_text("We are worried that the child's needs").wait_for()
    assert_accessible(page, "the plan printed for the family")
    page.goto(f"{live_server.url}/recording/children/{child.pk}/documents/")
    assert_accessible(page, "documents and letters")
    page.goto(f"{live_server.url}/people/{child.pk}/family/new/?surname=Hart")
    assert_accessible(page, "adding to the family network")


def test_recording_and_record_pages_pass_the_content_security_policy(
    page, live_server, child_on_a_plan, sign_in
):
    """The pages of issue 15 (drafts' autosave, the plan printed for the family, the chronology, the core
    group)
    run with no inline script or style refused."""
    from tests.e2e.test_content_security_policy import Console, visit

    console = Console(page)
    child, worker, manager, _ = child_on_a_plan
    plan = ChildProtectionPlan.objects.get(person=child)
    sign_in(worker)
    base = live_server.url
    for path in (
        f"/people/{child.pk}/",
        f"/people/{child.pk}/chronology/",
        "/glossary/",
        f"/recording/children/{child.pk}/notes/",
        f"/recording/children/{child.pk}/notes/new/",
        f"/recording/children/{child.pk}/documents/",
        f"/recording/children/{child.pk}/letters/new/",
        f"/child-protection/plans/{plan.pk}/",
        f"/child-protection/plans/{plan.pk}/core-group/",
        f"/child-protection/plans/{plan.pk}/core-group/members/new/",
        f"/child-protection/plans/{plan.pk}/print/",
        f"/people/{child.pk}/identity/",
    ):
        visit(page, base + path)
    page.goto(f"{base}/recording/children/{child.pk}/notes/new/")
    page.get_by_label("Summary").fill("Spoke to Mia's school about attendance")
    page.wait_for_timeout(2500)  # the autosave posts what was typed (static/thrive/drafts.js)
    assert console.problems == []
