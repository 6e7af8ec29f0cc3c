"""Children coming into care, for tests: one call gives a child in care with a worker, team and placement."""

import datetime

from access.models import Role, TeamKind
from care import services
from care.codes import LegalStatus, PlacementProvider, PlacementType

from . import make_person, make_team, make_user

FOSTER_PLACEMENT = {
    "placement_type": PlacementType.FOSTER_OTHER,
    "provider": PlacementProvider.OWN_PROVISION,
    "provider_name": "Jan and Lee Patel",
    "urn": "SC123456",
    "placement_postcode": "LE4 6AB",
}
CHILDRENS_HOME = {
    "placement_type": PlacementType.CHILDRENS_HOME,
    "provider": PlacementProvider.PRIVATE,
    "provider_name": "Oak House",
    "urn": "SC654321",
    "placement_postcode": "NG1 5FS",
    "weekly_cost": "5800.00",
}


def cic_team():
    return make_team(kind=TeamKind.CHILDREN_IN_CARE)


def child_in_care(
    start=datetime.date(2025, 12, 15),
    birth_date=datetime.date(2015, 6, 1),
    person=None,
    worker=None,
    legal_status=LegalStatus.INTERIM_CARE_ORDER,
    placement=None,
    **fields,
):
    """A child looked after from `start` in a foster placement, allocated to a worker in a children in care
    team."""
    person = person or make_person(birth_date=birth_date)
    if worker is None:
        worker = make_user(teams=[cic_team()], first_name="Jo", last_name="Carer")
    return services.start_care(
        person,
        start_date=start,
        legal_status=legal_status,
        placement=dict(placement or FOSTER_PLACEMENT),
        home_postcode="LE1 1AA",
        category_of_need="N1",
        worker=worker,
        team=worker.teams.first(),
        **fields,
    )


def iro():
    return make_user(
        role=Role.IRO, teams=[make_team(kind=TeamKind.IRO)], first_name="Ira", last_name="Reviewer"
    )
