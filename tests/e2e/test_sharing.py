"""End to end in Chromium: a front-door manager shares a child's current plans with a health trust; the
trust's nurse (signing in with a one-time code) sees only those; the data protection officer finds the
disclosure in the log and exports it for a subject access request. No page breaks the Content-Security-Policy.
"""

import csv
import io

import pytest
from django.utils import timezone

from access.models import AgencyKind, Disclosure, DisclosureKind, PartnerDisclosure, Role, Share, TeamKind
from sharing.tests import builders
from tests.e2e.test_content_security_policy import Console
from tests.factories import make_agency, make_team, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_share_of_current_plans_is_all_the_partner_sees_and_the_dpo_exports_the_disclosure(
    page, live_server, sign_in
):
    console = Console(page)
    front_door = make_team("Front Door (MASH)", kind=TeamKind.FRONT_DOOR)
    manager = make_user(
        "fd.manager", role=Role.TEAM_MANAGER, manages=[front_door], first_name="Priya", last_name="Manager"
    )
    child = builders.child_on_a_plan(front_door, manager).child
    trust = make_agency("Shire Health Trust", AgencyKind.HEALTH)
    nurse = make_user("nurse.share", role=Role.PARTNER, agency=trust, first_name="Nina", last_name="Nurse")
    dpo = make_user("dpo.share", role=Role.DATA_PROTECTION_OFFICER, first_name="Dee", last_name="Protection")
    base = live_server.url

    sign_in(manager)
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role("link", name="Share this record with a partner agency").click()
    page.get_by_role("heading", name="Share this record").wait_for()
    page.get_by_label("Partner agency").select_option(label="Shire Health Trust")
    page.get_by_label("Children Act 1989 s47").check()
    page.get_by_label("Current plans").check()
    page.get_by_label("Why the agency needs it").fill("The health visitor's part in the plan")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    page.screenshot(path="/tmp/thrive-share-form-390.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Share", exact=True).click()
    page.get_by_text("The record is shared. The agency sees only the parts you chose.").wait_for()
    assert page.locator(".govuk-summary-list").get_by_text("Identity, current plans", exact=True).is_visible()
    share = Share.objects.get()
    assert (share.agency, share.parts, share.granted_by) == (trust, ["identity", "plans"], manager)
    page.get_by_role("button", name="Sign out").click()

    sign_in(nurse)  # a partner's staff give a code from their authenticator app
    page.goto(f"{base}/people/?surname=Quint")
    page.get_by_role("link", name="QUINT, Zara").click()
    page.get_by_role("heading", name="Zara Quint", level=1).wait_for()
    assert page.get_by_text("Other parts of the record are not shared with your agency").is_visible()
    assert page.get_by_text("Child protection plan from 24 Mar 2025").is_visible()
    content = page.locator("main").inner_text()
    for not_shared in (
        "7 Hidden Lane",
        "Marigold",
        "Bruising",
        "Working with",
        "Section 47",
        "Strategy discussion",
        "Family network",
    ):
        assert not_shared not in content, not_shared
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    page.screenshot(path="/tmp/thrive-partner-shared-plans-390.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Sign out").click()
    seen = PartnerDisclosure.objects.filter(user=nurse, person=child).order_by("pk")
    assert [(d.what, d.parts) for d in seen] == [
        ("Find a child: search results", ["identity"]),
        ("Child's record", ["identity", "plans"]),
    ]

    sign_in(dpo)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Disclosure log").click()
    page.get_by_label("Child", exact=True).fill(child.la_id)
    page.get_by_role("button", name="Search", exact=True).click()
    rows = page.locator("table tbody tr")
    assert rows.filter(has_text="Shire Health Trust").filter(has_text="Identity, current plans").count() >= 1
    assert rows.filter(has_text="Children Act 1989 s47").count() >= 1
    page.get_by_role("link", name="Zara Quint").first.click()
    page.get_by_role("heading", name="For a subject access request").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as CSV").click()
    lines = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert lines[0][:3] == ["When", "Agency", "Child"]
    assert {line[1] for line in lines[1:]} == {"Shire Health Trust"}
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as PDF").click()
    assert download.value.path().read_bytes().startswith(b"%PDF")
    page.screenshot(path="/tmp/thrive-dpo-disclosures.png", full_page=True)
    exports = Disclosure.objects.filter(user=dpo, kind=DisclosureKind.EXPORT)
    assert exports.count() == 2 and all(e.children.get().person == child for e in exports)
    assert timezone.now() >= share.history.earliest("history_date").history_date
    assert console.problems == []
