"""A whole journey on the child's record: the Casework cards and the timeline from every journey app."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.models import TeamKind
from familyhelp import services as familyhelp
from frontdoor import services as frontdoor
from frontdoor.codes import ContactOutcome, ReferralSource
from frontdoor.models import ManagementOversight
from people import timeline
from proceedings import services as proceedings
from protection import services as protection
from protection.models import Visit
from tests.factories import allocated_child, make_team

pytestmark = pytest.mark.django_db
JOURNEY_APPS = ("frontdoor", "familyhelp", "protection", "proceedings")
D = datetime.date


@pytest.fixture
def journey():
    """A child taken from contact to care proceedings, by the services the pages use."""
    child, worker, manager, team = allocated_child()
    received = timezone.make_aware(datetime.datetime(2025, 3, 3, 9, 15))
    contact = frontdoor.record_contact(
        child,
        worker,
        source=ReferralSource.POLICE,
        referrer="PC Shah",
        received_at=received,
        summary="Domestic incident",
    )
    frontdoor.decide(
        contact,
        worker,
        outcome=ContactOutcome.STRATEGY_DISCUSSION,
        rationale="Injury",
        worker=worker,
        team=team,
    )
    referral = contact.referral
    assessment = familyhelp.start_assessment(referral, worker=worker, start_date=D(2025, 3, 4))
    familyhelp.record_outcome(assessment, outcome="strategy", summary="Risk", primary_need="N1")
    familyhelp.authorise(assessment, authorisation_date=D(2025, 4, 1))
    cin = familyhelp.start_cin_plan(referral, start_date=D(2025, 3, 10))
    familyhelp.review_cin_plan(cin, review_date=D(2025, 4, 10))
    episode = frontdoor.open_family_help(child, D(2025, 3, 5), worker, team, "Support")
    familyhelp.add_family_plan(episode, agreed_on=D(2025, 3, 6), goals="Routines")
    familyhelp.step_up(
        episode, worker, decided_on=D(2025, 3, 7), reason="Escalation", worker=worker, team=team
    )
    discussion = protection.record_strategy_discussion(
        referral,
        held_on=D(2025, 3, 4),
        outcome="s47",
        notes="",
        chaired_by=worker,
        attendees=[("Jo", "social_care")],
    )
    enquiry = protection.start_section47(discussion, start_date=D(2025, 3, 4))
    protection.record_section47_outcome(enquiry, outcome="icpc", completed_on=D(2025, 3, 14))
    macpt = make_team(kind=TeamKind.MULTI_AGENCY_CP)
    protection.initial_conference(
        enquiry,
        date=D(2025, 3, 20),
        chair=manager,
        outcome="plan",
        category="NEG",
        team=macpt,
        lead_practitioner=worker,
        attendees=[("Jo", "social_care")],
    )
    Visit.objects.create(person=child, kind="cp", visited_on=D(2025, 3, 25), visited_by=worker)
    offer = proceedings.record_offer(
        child, worker, offered_on=D(2025, 5, 1), response="accepted", responded_on=None
    )
    proceedings.record_meeting(
        offer,
        held_on=D(2025, 5, 10),
        facilitated=True,
        family_plan="",
        plan_agreed=False,
        participants=[(child, "the child")],
    )
    proceedings.record_exception(
        child,
        worker,
        reason="r",
        decided_on=D(2025, 5, 2),
        explained_to_court_on=None,
        explained_to_family_on=None,
    )
    stage = proceedings.start_pre_proceedings(child, start_date=D(2025, 5, 12))
    proceedings.record_letter(stage, sent_on=D(2025, 5, 12))
    proceedings.issue_proceedings(child, issued_on=D(2025, 6, 2), court="Leicester", case_number="")
    ManagementOversight.objects.create(person=child, recorded_by=manager, direction="Review in 4 weeks")
    return child, worker, manager


def test_every_journey_app_adds_to_the_timeline_in_one_query_each(journey):
    child = journey[0]
    providers = [f for f in timeline._providers.values() if f.__module__.split(".")[0] in JOURNEY_APPS]
    assert {f.__module__ for f in providers} == {f"{app}.timeline" for app in JOURNEY_APPS}
    for provider in providers:
        with CaptureQueriesContext(connection) as queries:
            entries = provider([child.pk])
        assert entries, provider.__qualname__
        assert len(queries) == 1, provider.__qualname__

    titles = [e.title for e in timeline.entries_for([child.pk])]
    for title in [
        "Contact received: Police",
        "Contact decision: Referral and strategy discussion (immediate safeguarding concern)",
        "Referral to children's social care",
        "Assessment completed",
        "Child protection plan started",
        "Initial child protection conference",
        "Family group decision making offered",
        "Care proceedings issued",
        "Stepped up to children's social care",
        "Management oversight",
        "Child protection visit",
    ]:
        assert title in titles


def test_contact_entry_is_placed_when_received_and_says_when_recorded(journey):
    child = journey[0]
    [entry] = [e for e in timeline.entries_for([child.pk]) if e.kind == "frontdoor.contact"]
    assert timezone.localtime(entry.date).strftime("%d %b %Y %H:%M") == "03 Mar 2025 09:15"
    assert entry.detail.startswith(f"Recorded {timezone.localtime():%-d %b %Y}")


def test_record_page_shows_a_casework_card_for_each_journey_app(client, journey):
    child, worker, manager = journey
    client.force_login(manager)
    content = client.get(reverse("people:record", args=[child.pk])).content.decode()
    for title in [
        "Front door and referrals",
        "Family Help, assessments and child in need",
        "Child protection",
        "Family group decision making and proceedings",
        "Management oversight",
    ]:
        assert title in content
    assert (
        "Completed on time" in content
        and "Record a contact" in content
        and "Add management oversight" in content
    )


def test_every_casework_page_of_the_journey_opens(client, journey):
    """Each detail page linked from the record renders for the allocated worker (and is audited)."""
    child, worker, _ = journey
    client.force_login(worker)
    content = client.get(reverse("people:record", args=[child.pk])).content.decode()
    links = {part.split('"')[0] for part in content.split('href="')[1:]}
    journey_links = [
        url
        for url in links
        if url.startswith(("/front-door/", "/family-help/", "/child-protection/", "/proceedings/"))
    ]
    assert len(journey_links) >= 10
    for url in journey_links:
        assert client.get(url).status_code == 200, url
