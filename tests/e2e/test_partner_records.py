"""End to end in headless Chromium: a front-door worker matches a police notification to a child, on a desktop
and on a 390 px phone screen."""

import datetime

import pytest
from django.utils import timezone

from access.models import AgencyKind, TeamKind
from frontdoor.models import Contact
from sharing.models import LinkCandidate, LinkStatus, PartnerRecord, RecordKind
from tests.factories import make_address, make_agency, make_person, make_team, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
EVIDENCE = [
    {"comparison": "prior", "level": "How often two records are the same child by chance", "weight": -16.4},
    {"comparison": "forename", "level": "First name a short form or nickname of the other", "weight": 7.1},
    {"comparison": "surname", "level": "Same surname", "weight": 9.8},
    {"comparison": "dob", "level": "Day and month of birth swapped", "weight": 9.5},
    {"comparison": "sex", "level": "Same sex", "weight": 0.9},
    {"comparison": "address", "level": "Postcode of an earlier address", "weight": 14.2},
    {"comparison": "nhs_number", "level": "Not given on one side", "weight": 0.0},
]


@pytest.mark.parametrize("width", [1280, 390])
def test_a_front_door_worker_matches_a_police_notification(page, live_server, sign_in, width):
    team = make_team("Front Door (MASH)", TeamKind.FRONT_DOOR)
    worker = make_user(teams=[team], first_name="Rae", last_name="Front")
    child = make_person(forename="William", surname="Okafor", birth_date=datetime.date(2016, 4, 3))
    make_address(child, line1="12 Elm Grove", postcode="SX4 6AB")
    record = PartnerRecord.objects.create(
        agency=make_agency("Shireshire Police", AgencyKind.POLICE),
        kind=RecordKind.DOMESTIC_ABUSE,
        reference="INC-77",
        forename="Billy",
        surname="OKAFOR",
        birth_date=datetime.date(2016, 3, 4),
        sex="U",
        postcode="SX1 2CD",
        received_at=timezone.now() - datetime.timedelta(hours=2),
        status=LinkStatus.REVIEW,
        summary="Officers attended a domestic incident; the child was present.",
    )
    LinkCandidate.objects.create(
        record=record, person=child, match_weight=25.1, match_probability=0.99997, evidence=EVIDENCE
    )
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(worker)
    if width > 400:
        page.get_by_role("navigation", name="Menu").get_by_role("link", name="Match records").click()
    else:
        page.goto(f"{live_server.url}/partner-records/")
    page.get_by_role("link", name="Billy OKAFOR").click()
    assert page.get_by_role("heading", name="Is this record about a child we know?").is_visible()
    assert page.get_by_text("Day and month of birth swapped").is_visible()
    assert page.get_by_text("+14.2 for").is_visible()
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width + 1, f"the page scrolls sideways at {width} px"
    page.screenshot(path=f"/tmp/thrive-match-record-{width}.png", full_page=True)
    page.get_by_label("William Okafor, born 3 April 2016").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The record is linked to William Okafor").wait_for()
    record.refresh_from_db()
    assert record.person == child and Contact.objects.get().person == child
