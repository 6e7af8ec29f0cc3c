"""Importing the 903's social worker episodes: each becomes the child's allocated-worker involvement.

A worker is found by their Social Work England number. The return carries no names, so a number
Thrive does not hold yet makes a sign-in-less account standing for that worker (named by the number)
until an administrator links the real one; the worker's team is not in the return and is left empty.
"""

from django.contrib.auth import get_user_model

from access.models import SWE_NUMBER, Involvement, InvolvementKind, Role
from care.codes import SocialWorkerChangeReason
from care.models import SocialWorkerChange

from ..people import known_code
from ..problems import Problem
from ..records import create_all


def import_episodes(rows, file, year, user, problems, people):
    workers = _workers({r["SW_ID"] for r in rows if r["SW_ID"]})
    involvements, changes = [], []
    for row in rows:
        where, person, number = row["_where"], people.get(row["CHILD"]), (row["SW_ID"] or "").upper()
        if not number.startswith("SW") or _invalid(number):
            problems.append(
                Problem(file, where, "SW_ID", "Give the worker's Social Work England number, e.g. SW123456.")
            )
            continue
        if row["SW_DECOM"] is None:
            problems.append(Problem(file, where, "SW_DECOM", "The date the worker was allocated is missing."))
            continue
        reason = known_code(
            row["SW_REASON"], SocialWorkerChangeReason, file, where, "SW_REASON", problems, required=False
        )
        if person is None:
            continue
        involvement = Involvement(
            person=person,
            kind=InvolvementKind.ALLOCATED_WORKER,
            user=workers[number],
            start_date=row["SW_DECOM"],
            end_date=row["SW_DEC"],
        )
        involvements.append(involvement)
        if reason:
            changes.append(SocialWorkerChange(involvement=involvement, reason=reason))
    if not problems:
        create_all(Involvement, involvements, user)
        create_all(SocialWorkerChange, changes, user)


def _invalid(number) -> bool:
    try:
        SWE_NUMBER(number)
    except Exception:
        return True
    return False


def _workers(numbers) -> dict:
    users = get_user_model().objects
    numbers = {n.upper() for n in numbers}
    found = {u.swe_number: u for u in users.filter(swe_number__in=numbers)}
    for number in sorted(numbers - set(found)):
        worker = users.create(
            username=f"swe-{number.lower()}",
            first_name="Social worker",
            last_name=number,
            swe_number=number,
            role=Role.SOCIAL_WORKER,
            is_active=False,
        )
        worker.set_unusable_password()
        worker.save()
        found[number] = worker
    return found
