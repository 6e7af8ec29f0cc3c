"""Small builders for journey tests: a child, a worker, a referral, with only what a rule needs."""
import datetime

from access.models import Role, User
from frontdoor.codes import ReferralSource
from frontdoor.models import Referral
from people.models import Person

_count = {"n": 0}


def child(**fields) -> Person:
    _count["n"] += 1
    values = {"la_id": f"T{_count['n']:06d}", "forename": "Sam", "surname": "Tester", "birth_date": datetime.date(2015, 6, 1)}
    values.update(fields)
    return Person.objects.create(**values)


def worker(username="worker", role=Role.SOCIAL_WORKER) -> User:
    user, _ = User.objects.get_or_create(username=username, defaults={"role": role})
    return user


def referral(person: Person, on: datetime.date, **fields) -> Referral:
    return Referral.objects.create(person=person, referral_date=on, source=ReferralSource.SCHOOLS, **fields)
