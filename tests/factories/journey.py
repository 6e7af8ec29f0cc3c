"""Builders for a child's journey from the front door, with only what a rule needs: a child, a worker, and
a referral opened as the front door opens one (frontdoor.services), so the tests build what the pages do."""

import datetime

from access.models import Role, User
from frontdoor import services
from frontdoor.codes import ReferralSource
from frontdoor.models import Referral
from people.models import Person

from . import make_person, make_user


def child(**fields) -> Person:
    """A child born 1 June 2015 (the journey tests' ages are worked from it), with fresh identifiers."""
    fields.setdefault("forename", "Sam")
    fields.setdefault("surname", "Tester")
    fields.setdefault("birth_date", datetime.date(2015, 6, 1))
    return make_person(**fields)


def worker(username="worker", role=Role.SOCIAL_WORKER) -> User:
    """One worker shared by a test's calls (who made a visit or an offer)."""
    return User.objects.filter(username=username).first() or make_user(username=username, role=role)


def referral(
    person: Person, on: datetime.date, source=ReferralSource.SCHOOLS, allocated_to=None, team=None
) -> Referral:
    """A referral (CIN episode) from `on`, allocated as the front door allocates one: to `allocated_to` (by
    default the shared `worker()`) in `team`."""
    return services.open_referral(person, on, source, allocated_to or worker(), team)
