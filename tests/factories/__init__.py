"""Plain functions that build small, valid test data: people, staff, teams and who works with whom.

Each call makes unique identifiers, so tests can build as many records as they need.
"""

import datetime
import itertools

from django.utils import timezone

from access.models import (
    Agency,
    AgencyKind,
    Involvement,
    InvolvementKind,
    Role,
    Team,
    TeamKind,
    TeamMembership,
    User,
)
from access.parts import SHAREABLE
from access.shares import LawfulBasis, Share
from people.identifiers import nhs_check_digit
from people.models import Address, Person, Relationship

PASSWORD = "correct-horse-battery-staple"
_sequence = itertools.count(1)


def next_id() -> int:
    return next(_sequence)


def nhs_number() -> str:
    """A fresh NHS number with a valid Modulus 11 check digit."""
    while True:
        first_nine = f"{400000000 + next_id() * 7:09d}"
        check = nhs_check_digit(first_nine)
        if check is not None:
            return f"{first_nine}{check}"


def make_agency(name=None, kind=AgencyKind.LOCAL_AUTHORITY) -> Agency:
    return Agency.objects.create(name=name or f"Agency {next_id()}", kind=kind)


def make_team(name=None, kind=TeamKind.ASSESSMENT, parent=None) -> Team:
    return Team.objects.create(name=name or f"Team {next_id()}", kind=kind, parent=parent)


def make_user(username=None, role=Role.SOCIAL_WORKER, agency=None, teams=(), manages=(), **fields) -> User:
    """A member of `teams`, and manager of `manages` (membership with manages=True)."""
    n = next_id()
    user = User.objects.create_user(
        username=username or f"user{n}",
        password=PASSWORD,
        role=role,
        agency=agency,
        first_name=fields.pop("first_name", "Sam"),
        last_name=fields.pop("last_name", f"Worker{n}"),
        **fields,
    )
    for team in teams:
        TeamMembership.objects.create(user=user, team=team)
    for team in manages:
        TeamMembership.objects.create(user=user, team=team, manages=True)
    return user


def make_person(forename="Alex", surname="Smith", birth_date=datetime.date(2018, 3, 27), **fields) -> Person:
    fields.setdefault("la_id", f"LA{next_id():07d}")
    fields.setdefault("nhs_number", nhs_number())
    return Person.objects.create(forename=forename, surname=surname, birth_date=birth_date, **fields)


def make_address(
    person, line1="1 High Street", postcode="LE1 1AA", start_date=datetime.date(2020, 1, 1), end_date=None
):
    return Address.objects.create(
        person=person,
        line1=line1,
        town="Leicester",
        postcode=postcode,
        start_date=start_date,
        end_date=end_date,
    )


def relate(person, relative, kind, start_date=datetime.date(2018, 3, 27), **fields) -> Relationship:
    """`relative` is `person`'s `kind`."""
    return Relationship.objects.create(
        person=person, relative=relative, kind=kind, start_date=start_date, **fields
    )


def involve(
    person, user=None, team=None, kind=InvolvementKind.ALLOCATED_WORKER, start_date=None, end_date=None
):
    return Involvement.objects.create(
        person=person,
        user=user,
        team=team,
        kind=kind,
        start_date=start_date or timezone.localdate() - datetime.timedelta(days=30),
        end_date=end_date,
    )


def share(person, agency, start_date=None, end_date=None, parts=SHAREABLE, **fields) -> Share:
    """A share of the child's record with the agency; by default of every part that can be shared."""
    start_date = start_date or timezone.localdate() - datetime.timedelta(days=7)
    fields.setdefault("legal_basis", LawfulBasis.CA1989_S47)
    fields.setdefault("review_date", start_date + datetime.timedelta(days=180))
    return Share.objects.create(
        person=person,
        agency=agency,
        purpose="Section 47 enquiry",
        parts=list(parts),
        start_date=start_date,
        end_date=end_date,
        **fields,
    )


def police_officer(**fields) -> User:
    """A partner-agency user with no team and no share: the usual refused case."""
    agency = Agency.objects.filter(kind=AgencyKind.POLICE).first() or make_agency(
        "Leicestershire Police", AgencyKind.POLICE
    )
    return make_user(role=Role.PARTNER, agency=agency, **fields)


def allocated_child(**person_fields):
    """A child allocated to a social worker in a team with a manager: (child, worker, manager, team)."""
    team = make_team()
    worker = make_user(teams=[team], first_name="Jo", last_name="Allocated")
    manager = make_user(role=Role.TEAM_MANAGER, manages=[team], first_name="Pat", last_name="Manager")
    child = make_person(**person_fields)
    involve(child, user=worker, team=team)
    return child, worker, manager, team


def date_fields(name, date) -> dict:
    """Form data for a GOV.UK date input (thrive.forms.DateField) holding `date`."""
    return {f"{name}_day": str(date.day), f"{name}_month": str(date.month), f"{name}_year": str(date.year)}
