"""End to end in headless Chromium: contact to child protection plan, a manager's overdue work, and the FGDM
rule."""

import datetime
import re

import pytest
from django.utils import timezone

from access.models import Role, TeamKind, TeamMembership
from familyhelp.models import Assessment
from frontdoor.codes import ReferralSource
from frontdoor.models import Referral
from proceedings.models import CareProceedings
from protection.models import ChildProtectionPlan
from tests.e2e.pickers import choose
from tests.factories import allocated_child, make_team, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RED_TAG = "rgb(101, 27, 27)"  # govuk-tag--red text colour, from the GOV.UK CSS


def fill_date(page, name, date):
    page.locator(f"#id_{name}").fill(str(date.day))
    page.locator(f"#id_{name}_month").fill(str(date.month))
    page.locator(f"#id_{name}_year").fill(str(date.year))


def fill_attendees(page, rows):
    for n, (name, agency) in enumerate(rows, start=1):
        page.locator(f"#id_attendee_name_{n}").fill(name)
        page.locator(f"#id_attendee_agency_{n}").select_option(label=agency)


def test_social_worker_takes_a_child_from_contact_to_a_child_protection_plan(page, live_server, sign_in):
    _, worker, _, team = allocated_child()
    TeamMembership.objects.create(user=worker, team=make_team("Front Door (MASH)", kind=TeamKind.FRONT_DOOR))
    macpt = make_team("Multi-Agency Child Protection Team East", kind=TeamKind.MULTI_AGENCY_CP)
    make_user(teams=[macpt], first_name="Lena", last_name="Lead")
    make_user(role=Role.IRO, first_name="Ira", last_name="Chair")
    today = timezone.localdate()
    sign_in(worker)

    # Contact about a child with no record, found missing through Find a child (the worker is on front-door
    # duty: only front-door staff record a contact about a child they cannot already open).
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Find a child").click()
    page.get_by_label("Last name").fill("Quarrie")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Record a contact about a new child").click()
    page.get_by_label("First name").fill("Noah")
    page.get_by_label("Last name").fill("Quarrie")
    fill_date(page, "birth_date", datetime.date(2017, 5, 9))
    page.get_by_label("Source of the contact").select_option(label="Police")
    page.get_by_label("Referrer's name, role and organisation").fill("PC Amy Shah, Leicestershire Police")
    fill_date(page, "received_on", today)
    page.get_by_label("Time received").fill("00:05")
    page.get_by_label("Summary of the concern").fill(
        "Noah disclosed being hit by his stepfather; bruising to the arm."
    )
    page.get_by_role("button", name="Record the contact").click()
    page.get_by_role("heading", name=re.compile("Contact received")).wait_for()
    assert page.get_by_text("00:05").first.is_visible()

    # Decision: referral and strategy discussion, allocated to this worker.
    page.get_by_role("link", name="Decide the response").click()
    page.get_by_label("Referral and strategy discussion (immediate safeguarding concern)").check()
    page.get_by_label("Rationale for the decision").fill(
        "Disclosure of physical abuse: immediate safeguarding concern."
    )
    choose(page, "Allocate to", str(worker))
    page.get_by_label("Team", exact=True).select_option(label=team.name)
    page.screenshot(path="/tmp/thrive-decision.png", full_page=True)
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("Decision recorded.").wait_for()
    assert page.locator(".govuk-tag", has_text="On time").is_visible()

    # Strategy discussion with three agencies, deciding on a section 47 enquiry.
    page.get_by_role("link", name="Record the strategy discussion").click()
    fill_date(page, "held_on", today)
    page.get_by_label("Start a section 47 enquiry").check()
    fill_attendees(
        page, [(str(worker), "Children's social care"), ("DC Rees", "Police"), ("Nurse Patel", "Health")]
    )
    page.get_by_role("button", name="Record the discussion").click()
    page.get_by_role("heading", name="Start a section 47 enquiry").wait_for()
    page.get_by_role("button", name="Start the enquiry").click()
    page.get_by_text("Section 47 enquiry started.").wait_for()
    assert page.get_by_text("15 working days from the strategy discussion").is_visible()

    # Outcome of the enquiry, then the initial conference deciding on a plan.
    page.get_by_role("link", name="Record the outcome").click()
    page.get_by_label("Concerns substantiated: initial child protection conference").check()
    fill_date(page, "completed_on", today)
    page.get_by_role("button", name="Save the outcome").click()
    page.get_by_role("link", name="Record the initial conference").click()
    fill_date(page, "date", today)
    choose(page, "Chair", "Ira Chair")
    page.get_by_label("Child protection plan", exact=True).check()
    page.get_by_label("Physical abuse").check()
    page.get_by_label("Multi-agency child protection team").select_option(label=macpt.name)
    choose(page, "Lead child protection practitioner", "Lena Lead")
    fill_attendees(
        page, [(str(worker), "Children's social care"), ("DC Rees", "Police"), ("Mrs Odu", "Education")]
    )
    page.screenshot(path="/tmp/thrive-icpc-form.png", full_page=True)
    page.get_by_role("button", name="Record the conference").click()
    page.get_by_text("Initial child protection conference recorded.").wait_for()
    assert page.locator(".govuk-tag", has_text="Quorate").is_visible()
    page.screenshot(path="/tmp/thrive-conference.png", full_page=True)

    page.get_by_role("link", name=re.compile("Child protection plan from")).click()
    assert page.get_by_text("Next review conference due").is_visible()
    plan = ChildProtectionPlan.objects.get(person__surname="Quarrie")
    assert plan.lead_practitioner.last_name == "Lead" and plan.team == macpt
    assert f"{timezone.localtime(plan.referral.contact.received_at):%H:%M}" == "00:05"

    page.get_by_role("link", name="Noah Quarrie").first.click()
    assert (
        page.locator(".govuk-summary-card", has_text="Child protection")
        .get_by_text("Physical abuse")
        .is_visible()
    )
    assert page.locator(".thrive-timeline__entry", has_text="Child protection plan started").is_visible()
    page.screenshot(path="/tmp/thrive-record-casework.png", full_page=True)


def test_team_manager_sees_overdue_work_for_their_team(page, live_server, sign_in):
    child, worker, manager, _ = allocated_child(forename="Ellie", surname="Overdue")
    referral = Referral.objects.create(
        person=child,
        referral_date=timezone.localdate() - datetime.timedelta(days=90),
        source=ReferralSource.SCHOOLS,
    )
    assessment = Assessment.objects.create(referral=referral, person=child, start_date=referral.referral_date)
    days_over = (timezone.localdate() - assessment.due_date).days
    assert days_over > 0
    sign_in(manager)

    due = page.locator("table.thrive-due")
    row = due.locator("tbody tr", has_text="Ellie Overdue")
    assert row.get_by_text("Complete the child and family assessment").is_visible()
    tag = row.locator(".govuk-tag", has_text=f"Overdue by {days_over} days")
    assert tag.is_visible() and tag.evaluate("el => getComputedStyle(el).color") == RED_TAG
    assert row.get_by_text("Drift").is_visible()
    page.screenshot(path="/tmp/thrive-my-work.png", full_page=True)

    page.get_by_role("link", name="See all due work").click()
    page.wait_for_url(re.compile(r"/work/\?scope=managed$"))
    assert page.get_by_role("heading", name=re.compile("Teams I manage")).is_visible()
    page.locator("table.thrive-due").get_by_role("link", name="Ellie Overdue").click()
    assert page.get_by_role("heading", name="Ellie Overdue", level=1).is_visible()
    page.screenshot(path="/tmp/thrive-due-work.png", full_page=True)


def test_proceedings_are_refused_without_fgdm_then_issued_after_an_offer(page, live_server, sign_in):
    child, worker, *_ = allocated_child(forename="Sam", surname="Court")
    Referral.objects.create(
        person=child,
        referral_date=timezone.localdate() - datetime.timedelta(days=120),
        source=ReferralSource.POLICE,
    )
    today = timezone.localdate()
    sign_in(worker)
    page.goto(f"{live_server.url}/people/{child.pk}/")
    page.get_by_role("link", name="FGDM and proceedings").click()

    page.get_by_role("link", name="Issue care proceedings").click()
    fill_date(page, "issued_on", today)
    page.get_by_label("Court").fill("Leicester Family Court")
    page.get_by_role("button", name="Issue care proceedings").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "the family has not been offered a family group decision making meeting" in summary.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert not CareProceedings.objects.exists()
    page.screenshot(path="/tmp/thrive-proceedings-refused.png", full_page=True)

    page.get_by_role("link", name="Cancel").click()
    page.get_by_role("link", name="Record an FGDM offer").click()
    fill_date(page, "offered_on", today - datetime.timedelta(days=14))
    page.get_by_label("Accepted").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Family group decision making offer recorded.").wait_for()

    page.get_by_role("link", name="Issue care proceedings").click()
    fill_date(page, "issued_on", today)
    page.get_by_role("button", name="Issue care proceedings").click()
    page.get_by_text("Care proceedings issued.").wait_for()
    assert CareProceedings.objects.filter(person=child).count() == 1
    assert page.get_by_text("26-week target").is_visible()
