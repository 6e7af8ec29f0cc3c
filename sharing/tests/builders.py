"""A child whose record has something of most parts, for the tests of shares' scope."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from familyhelp import services as familyhelp
from frontdoor import services as frontdoor
from frontdoor.codes import ContactOutcome, ReferralSource
from protection import services as protection
from tests import factories

D = datetime.date


def child_on_a_plan(team=None, manager=None):
    """A child allocated in `team` (a new one by default) with an address and a mother, a contact and its
    referral, an ended child in need plan, a section 47 enquiry and a child protection plan in force."""
    if team is None:
        child, worker, manager, team = factories.allocated_child(forename="Zara", surname="Quint")
    else:
        child = factories.make_person(forename="Zara", surname="Quint")
        worker = factories.make_user(teams=[team], first_name="Jo", last_name="Allocated")
        factories.involve(child, user=worker, team=team)
    factories.make_address(child, line1="7 Hidden Lane", postcode="SX9 9ZZ")
    mother = factories.make_person(forename="Marigold", surname="Quint", birth_date=D(1990, 1, 1))
    factories.relate(child, mother, "mother")
    received = timezone.make_aware(datetime.datetime(2025, 3, 3, 9, 15))
    contact = frontdoor.record_contact(
        child,
        worker,
        source=ReferralSource.POLICE,
        referrer="PC Shah",
        received_at=received,
        summary="Bruising seen at school",
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
    cin_plan = familyhelp.start_cin_plan(referral, start_date=D(2025, 3, 10))
    cin_plan.end_date = D(2025, 3, 20)
    cin_plan.save()
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
    conference = protection.initial_conference(
        enquiry,
        date=D(2025, 3, 24),
        chair=manager,
        outcome="plan",
        category="NEG",
        team=team,
        lead_practitioner=worker,
        attendees=[("Jo", "social_care")],
    )
    return SimpleNamespace(
        child=child,
        worker=worker,
        manager=manager,
        contact=contact,
        plan=conference.plan,
        cin_plan=cin_plan,
        enquiry=enquiry,
    )
