"""What the front door's records set in motion: who can open the child, referrals and Family Help.

Shared with Family Help (step-up opens a referral, step-down opens an episode) so a case is
always opened, allocated and closed the same way.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from access.allocation import allocate, end_involvements
from access.models import InvolvementKind, Team, TeamKind
from access.relationships import managed_team_ids
from familyhelp.models import FamilyHelpEpisode
from people.editing import new_person
from people.models import Person

from .codes import REFERRAL_OUTCOMES, ContactOutcome
from .models import Contact, ContactDecision, Referral


def new_child(**identity) -> Person:
    """A new person record, numbered after it is saved so the council ID is unique."""
    return new_person(**identity)


def front_door_team(user):
    """The user's front-door team (one they are in or manage), else their first team."""
    memberships = user.memberships.select_related("team").order_by("pk")
    teams = [m.team for m in memberships]
    own = next((t for t in teams if t.kind == TeamKind.FRONT_DOOR), None)
    managed = Team.objects.filter(pk__in=managed_team_ids(user), kind=TeamKind.FRONT_DOOR).order_by("pk")
    return own or managed.first() or (teams[0] if teams else None)


def record_contact(person, user, **fields) -> Contact:
    """Record a contact; the recorder's front-door team holds the child (can open the record) until the
    decision.

    Only front-door staff record a contact about a child they cannot already open (people.access_views
    checks); anyone else recording one already works with the child, so their team needs no hold.
    """
    contact = Contact.objects.create(person=person, recorded_by=user, **fields)
    team = front_door_team(user)
    if team is not None and team.kind == TeamKind.FRONT_DOOR:
        allocate(person, InvolvementKind.CONTACT, timezone.localdate(), team=team)
    return contact


def decide(contact, user, *, outcome, rationale, worker=None, team=None) -> ContactDecision:
    """Record the decision and open what it calls for; the front door's hold on the child ends, whoever
    recorded the contact, once no other contact about the child awaits a decision."""
    decision = ContactDecision.objects.create(
        contact=contact, outcome=outcome, rationale=rationale, decided_by=user
    )
    today = timezone.localdate(decision.decided_at)
    if outcome in REFERRAL_OUTCOMES:
        open_referral(
            contact.person,
            timezone.localdate(contact.received_at),
            contact.source,
            worker,
            team,
            contact=contact,
        )
    elif outcome == ContactOutcome.FAMILY_HELP:
        open_family_help(contact.person, today, worker, team, reason=rationale)
    if not Contact.objects.filter(person=contact.person, decision__isnull=True).exists():
        end_involvements(contact.person, [InvolvementKind.CONTACT], today)
        # holds written as the front-door team's involvement before contacts had their own kind
        end_involvements(contact.person, [InvolvementKind.TEAM], today, team__kind=TeamKind.FRONT_DOOR)
    return decision


def episode_opened_by(decision) -> FamilyHelpEpisode | None:
    """The Family Help episode a decision opened (same child, started that day)."""
    if decision.outcome != ContactOutcome.FAMILY_HELP:
        return None
    episodes = FamilyHelpEpisode.objects.filter(
        person=decision.contact.person, start_date=timezone.localdate(decision.decided_at)
    )
    return episodes.order_by("-pk").first()


def open_referral(person, on: datetime.date, source, worker, team, contact=None) -> Referral:
    """A referral (CIN episode) from `on`, allocated to the worker in the team."""
    referral = Referral.objects.create(
        person=person, contact=contact, referral_date=on, source=source, team=team
    )
    allocate(person, InvolvementKind.ALLOCATED_WORKER, on, user=worker, team=team)
    return referral


def open_family_help(
    person, on: datetime.date, lead_practitioner, team, reason, referral=None
) -> FamilyHelpEpisode:
    """A Family Help episode led by the lead practitioner, who (with the team) can then open the record."""
    episode = FamilyHelpEpisode.objects.create(
        person=person,
        referral=referral,
        start_date=on,
        lead_practitioner=lead_practitioner,
        team=team,
        reason=reason,
    )
    allocate(person, InvolvementKind.LEAD_PRACTITIONER, on, user=lead_practitioner, team=team)
    return episode


def close_referral(referral, on: datetime.date, reason) -> Referral:
    """Close the CIN episode; the allocated worker's involvement ends with it. Not while a CP plan is open."""
    if referral.cp_plans.filter(end_date__isnull=True).exists():
        raise ValidationError("End the child protection plan before closing the referral.")
    if on < referral.referral_date:
        raise ValidationError({"closure_date": "The closure date must be on or after the referral date."})
    referral.closure_date, referral.closure_reason = on, reason
    referral.save()
    end_involvements(referral.person, [InvolvementKind.ALLOCATED_WORKER], on, team=referral.team)
    return referral


def current_referral(person_ids) -> Referral | None:
    """The child's latest open referral: the CIN episode new casework hangs off."""
    return (
        Referral.objects.filter(person_id__in=person_ids, closure_date__isnull=True)
        .order_by("-referral_date", "-pk")
        .first()
    )
