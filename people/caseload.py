"""Caseloads for managers: each worker in the teams a manager manages, how many children they hold and how
much
of their work is due and overdue, and the children behind each count (for reallocation)."""

import datetime
from collections import Counter
from dataclasses import dataclass

from access.models import Involvement, TeamMembership, User
from access.relationships import managed_team_ids
from timescales.dates import open_on
from timescales.due import due_items

from .duework import WORKER_KINDS, workers_of


@dataclass(frozen=True)
class Caseload:
    worker: User
    teams: str
    children: int
    overdue: int
    soon: int  # due in the next 5 days


def staff_managed(manager) -> dict[int, str]:
    """{user id: team names} for the staff of the teams the manager manages (the manager excluded)."""
    teams = managed_team_ids(manager)
    staff = {}
    for user_id, team in (
        TeamMembership.objects.filter(team_id__in=teams)
        .exclude(user=manager)
        .order_by("team__name")
        .values_list("user_id", "team__name")
    ):
        staff[user_id] = f"{staff[user_id]}, {team}" if user_id in staff else team
    return staff


def _held(user_ids, on: datetime.date):
    return Involvement.objects.filter(open_on(on), user_id__in=user_ids, kind__in=WORKER_KINDS)


def caseloads(manager, on: datetime.date) -> list[Caseload]:
    """Every worker the manager manages, most overdue first, then by name."""
    staff = staff_managed(manager)
    held = {}
    for user_id, person_id in _held(staff, on).values_list("user_id", "person_id"):
        held.setdefault(user_id, set()).add(person_id)
    children = set().union(*held.values()) if held else set()
    workers = workers_of(children, on)
    overdue, soon = Counter(), Counter()
    for item in due_items(children, on):
        worker = workers.get(item.person_id)
        if worker:
            overdue[worker.pk] += item.overdue_on(on)
            soon[worker.pk] += 0 <= (item.due - on).days <= 5
    users = User.objects.filter(pk__in=staff, is_active=True).order_by("last_name", "first_name")
    rows = [
        Caseload(user, staff[user.pk], len(held.get(user.pk, ())), overdue[user.pk], soon[user.pk])
        for user in users
    ]
    return sorted(
        rows, key=lambda row: (-row.overdue, -row.soon, row.worker.last_name, row.worker.first_name)
    )


def children_of(worker, on: datetime.date) -> list[Involvement]:
    """The involvements through which `worker` holds children today, by the child's name."""
    return list(
        _held([worker.pk], on)
        .select_related("person", "team")
        .order_by("person__search_surname", "person__search_forename", "pk")
    )
