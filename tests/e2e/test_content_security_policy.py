"""End to end in headless Chromium: the main pages run under the Content-Security-Policy without a violation.

Chromium reports every refused script, style, image or font in the console ("Refused to ..."); any
such message, or any script error, fails the test, so a template that brings back an inline script
or style attribute is caught here.
"""

import datetime
from base64 import b32decode

import pytest
from django.utils import timezone

from access.models import AgencyKind, Role, TeamKind
from frontdoor import services as frontdoor
from frontdoor.codes import ReferralSource
from performance import timing
from performance.forms import ended_quarters
from sharing.models import DuplicatePair, LinkCandidate, LinkStatus, PartnerRecord, RecordKind
from tests.e2e.conftest import totp_code
from tests.factories import PASSWORD, allocated_child, make_agency, make_person, make_team, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


class Console:
    """Every console error and uncaught page error, with the page it came from (a standalone document's
    request for /favicon.ico, which Chromium makes by itself, left out)."""

    def __init__(self, page):
        self.problems: list[str] = []
        page.on("console", lambda message: self._console(page, message))
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: {error}"))

    def _console(self, page, message):
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            self.problems.append(f"{page.url}: {message.text}")


def visit(page, url):
    response = page.goto(url)
    page.wait_for_load_state("load")
    assert response.status == 200, url
    assert "unsafe-inline" not in response.headers["content-security-policy"]


def test_main_pages_pass_the_policy(page, live_server, sign_in):
    console = Console(page)
    child, worker, _, team = allocated_child(forename="Maya", surname="Okafor")
    front_door = make_team("Front Door", kind=TeamKind.FRONT_DOOR)
    front_door_worker = make_user(teams=[front_door])
    contact = frontdoor.record_contact(
        child,
        worker,
        source=ReferralSource.POLICE,
        referrer="PC Shah",
        summary="Bruising seen at school.",
        received_at=timezone.now() - datetime.timedelta(hours=1),
    )
    referral = frontdoor.open_referral(
        child, timezone.localdate(), ReferralSource.POLICE, worker, team, contact=contact
    )
    sign_in(worker)
    base = live_server.url
    for path in (
        "/",
        "/work/",
        "/people/?surname=Okafor",
        f"/people/{child.pk}/",
        f"/people/{child.pk}/history/",
        f"/front-door/contacts/{contact.pk}/",
        f"/front-door/referrals/{referral.pk}/",
        f"/front-door/referrals/{referral.pk}/close/",
        f"/front-door/people/{child.pk}/contacts/new/",
        f"/care/{child.pk}/",
        "/care/",
        "/leaving-care/",
    ):
        visit(page, base + path)
    page.get_by_role("button", name="Sign out").click()

    sign_in(
        front_door_worker
    )  # a contact about a new child, and matching partners' records, are for the front door
    record = PartnerRecord.objects.create(
        agency=make_agency("CSP Police", AgencyKind.POLICE),
        kind=RecordKind.DOMESTIC_ABUSE,
        forename="Maya",
        surname="Okafor",
        received_at=timezone.now(),
        status=LinkStatus.REVIEW,
        summary="Officers attended",
    )
    LinkCandidate.objects.create(
        record=record,
        person=child,
        match_weight=4.0,
        match_probability=0.9,
        evidence=[{"comparison": "dob", "level": "Same", "weight": 7.2}],
    )
    for path in ("/front-door/contacts/new/", "/partner-records/", f"/partner-records/{record.pk}/"):
        visit(page, base + path)
    page.get_by_role("button", name="Sign out").click()

    pair = DuplicatePair.objects.create(
        first=child,
        second=make_person(forename="Maya", surname="Okafor"),
        match_weight=9.0,
        match_probability=0.99,
        evidence=[],
    )
    sign_in(make_user("csp.quality", role=Role.DATA_QUALITY))
    for path in ("/data-quality/duplicates/", f"/data-quality/duplicates/{pair.pk}/"):
        visit(page, base + path)
    page.get_by_role("button", name="Sign out").click()

    quarter = ended_quarters(timezone.localdate())[0]
    timing.build_case_records(150, quarter.end, seed=5)
    sign_in(make_user("csp.analyst", role=Role.ANALYST))
    visit(page, base + "/performance/")
    page.get_by_role("button", name="Compute").click()
    page.wait_for_load_state("load")
    for path in (
        "/performance/",
        "/performance/indicators/",
        "/performance/indicators/CSC_RE_REFERRALS/",
        "/performance/report/",
        "/performance/report/?format=html",
        "/performance/upload/",
        "/returns/",
    ):
        visit(page, base + path)
    page.get_by_role("button", name="Sign out").click()

    # A new administrator's first sign-in: the two-factor set-up page with its QR code, then Django admin.
    admin = make_user("csp.admin", role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    page.goto(f"{base}/access/sign-in/")
    page.get_by_label("Username").fill(admin.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/access/two-factor/set-up/**")
    assert page.locator(".thrive-qr svg").is_visible()
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("#secret").inner_text().replace(" ", "")
    page.get_by_label("Code from your authenticator app").fill(
        totp_code(b32decode(secret + "=" * (-len(secret) % 8)))
    )
    page.get_by_role("button", name="Finish setting up").click()
    page.wait_for_url(f"{base}/")
    assert page.get_by_text("Two-factor sign-in is set up.").is_visible()
    for path in (
        "/django-admin/",
        "/django-admin/access/user/",
        f"/django-admin/access/user/{admin.pk}/change/",
        "/access/break-glass/",
    ):
        visit(page, base + path)

    assert console.problems == []
