"""End to end in Chromium: a partner reads a shared child but cannot record; the DPO reviews the log."""

import datetime

import pytest
from django.utils import timezone

from access.models import AgencyKind, BasisKind, RecordView, Role
from frontdoor import services as frontdoor
from frontdoor.codes import ContactOutcome, ReferralSource
from frontdoor.models import Contact
from tests.factories import allocated_child, make_agency, make_user, share

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shared_child():
    """A child with a contact awaiting its decision and an open referral, shared with a health trust."""
    child, worker, _, team = allocated_child(forename="Maya", surname="Okafor")
    received = timezone.now() - datetime.timedelta(hours=3)
    decided = frontdoor.record_contact(
        child,
        worker,
        source=ReferralSource.SCHOOLS,
        referrer="School",
        received_at=received,
        summary="Bruising",
    )
    frontdoor.decide(
        decided, worker, outcome=ContactOutcome.REFERRAL, rationale="Threshold met", worker=worker, team=team
    )
    waiting = frontdoor.record_contact(
        child,
        worker,
        source=ReferralSource.GP,
        referrer="GP",
        received_at=received,
        summary="Missed appointments",
    )
    trust = make_agency("Shire Health Trust", AgencyKind.HEALTH)
    nurse = make_user("nurse.e2e", role=Role.PARTNER, agency=trust, first_name="Nina", last_name="Nurse")
    share(child, nurse.agency)
    return child, nurse, waiting, decided.referral


def test_a_partner_reads_a_shared_child_sees_no_buttons_that_record_and_a_forged_post_is_refused(
    page, live_server, sign_in, shared_child
):
    child, nurse, waiting, referral = shared_child
    sign_in(nurse)

    page.goto(f"{live_server.url}/people/{child.pk}/")
    assert page.get_by_role("heading", name="Maya Okafor", level=1).is_visible()
    assert page.get_by_text("active share with Shire Health Trust").is_visible()
    casework = page.locator(".govuk-summary-card")
    for action in (
        "Record a contact",
        "Start an assessment",
        "Record a strategy discussion",
        "Record a visit",
    ):
        assert casework.get_by_role("link", name=action).count() == 0, action

    page.goto(f"{live_server.url}/front-door/contacts/{waiting.pk}/")
    assert page.get_by_text("No decision has been recorded yet.").is_visible()
    assert page.get_by_role("link", name="Decide the response").count() == 0
    page.goto(f"{live_server.url}/front-door/referrals/{referral.pk}/")
    assert page.get_by_role("link", name="Close the referral").count() == 0
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/thrive-partner-referral-390.png", full_page=True)

    # A forged POST, with the session and the CSRF token the partner's browser holds.
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    url = f"{live_server.url}/front-door/contacts/{waiting.pk}/decide/"
    response = page.request.post(
        url,
        headers={"Referer": url, "X-CSRFToken": token},
        form={"outcome": ContactOutcome.NO_FURTHER_ACTION, "rationale": "Forged"},
    )
    assert response.status == 403
    assert not hasattr(Contact.objects.get(pk=waiting.pk), "decision")
    refusal = RecordView.objects.filter(user=nurse, path=f"/front-door/contacts/{waiting.pk}/decide/").get()
    assert not refusal.allowed and refusal.basis_kind == BasisKind.SHARE
    assert "no right to record" in refusal.basis


def test_the_data_protection_officer_reviews_who_opened_a_record(page, live_server, sign_in, shared_child):
    child, nurse, *_ = shared_child
    RecordView.objects.create(
        user=nurse,
        person=child,
        allowed=True,
        basis_kind=BasisKind.SHARE,
        basis="active share with Shire Health Trust",
        path=f"/people/{child.pk}/",
    )
    stranger = make_user("nosy.e2e", first_name="Nosy", last_name="Parker")
    RecordView.objects.create(
        user=stranger, person=child, allowed=False, basis="refused: no basis", path=f"/people/{child.pk}/"
    )
    dpo = make_user("dpo.e2e", role=Role.DATA_PROTECTION_OFFICER, first_name="Dee", last_name="Protection")
    sign_in(dpo)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Audit log").click()
    page.get_by_role("heading", name="Audit log", level=1).wait_for()
    page.get_by_label("By child").fill(child.la_id)
    page.get_by_role("button", name="Show the child's log").click()
    page.get_by_role("heading", name="Maya Okafor").wait_for()
    rows = page.locator("table").first.locator("tbody tr")
    assert rows.filter(has_text="Nina Nurse").filter(has_text="Opened").count() == 1
    assert rows.filter(has_text="Nosy Parker").filter(has_text="Refused").count() == 1
    page.screenshot(path="/tmp/thrive-dpo-child-log.png", full_page=True)

    page.get_by_role("link", name="Nosy Parker").first.click()
    page.get_by_role("heading", name="Nosy Parker").wait_for()
    assert page.get_by_text("refused: no basis").is_visible()
    page.goto(f"{live_server.url}/access/audit/patterns/")
    assert page.get_by_role("heading", name="Break glass out of hours").is_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/thrive-dpo-patterns-390.png", full_page=True)
    assert RecordView.objects.filter(user=dpo, person=child, allowed=True, action="audit").exists()
