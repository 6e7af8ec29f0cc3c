"""Unusual patterns in the audit log, for managers and the data protection officer to look into.

The thresholds are declared here, once, so a council changes them in one place:
a user who opened many records they do not hold themselves, many refusals, and break glass out of hours.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay
from django.utils import timezone

from .models import BasisKind, BreakGlass, RecordView, User

WINDOW_DAYS = 30  # the period looked at, unless the reviewer chooses another
NOT_ALLOCATED_CHILDREN = 20  # children opened in the window on a basis other than one's own allocation
REFUSALS = 10  # refused attempts in the window
WORKING_HOURS = (7, 19)  # break glass from 19:00 to 06:59, or at a weekend, is "at night"


@dataclass(frozen=True)
class UserCount:
    user: User
    count: int


def _counts(rows: Iterable[Any], field: str) -> list[UserCount]:
    users = User.objects.in_bulk([row["user"] for row in rows])
    return [UserCount(users[row["user"]], row[field]) for row in rows]


def not_allocated(views: QuerySet[RecordView], threshold: int = NOT_ALLOCATED_CHILDREN) -> list[UserCount]:
    """Users who opened at least `threshold` different children they are not themselves involved with."""
    rows = (
        views.filter(allowed=True, person__isnull=False)
        .exclude(basis_kind=BasisKind.OWN)
        .values("user")
        .annotate(children=Count("person", distinct=True))
        .filter(children__gte=threshold)
        .order_by("-children", "user")
    )
    return _counts(rows, "children")


def refusals(views: QuerySet[RecordView], threshold: int = REFUSALS) -> list[UserCount]:
    rows = (
        views.filter(allowed=False)
        .values("user")
        .annotate(refused=Count("pk"))
        .filter(refused__gte=threshold)
        .order_by("-refused", "user")
    )
    return _counts(rows, "refused")


def break_glass_at_night(accesses: QuerySet[BreakGlass]) -> QuerySet[BreakGlass]:
    """Break-glass accesses made outside working hours (local time) or at a weekend."""
    zone = timezone.get_current_timezone()
    start, end = WORKING_HOURS
    hour, weekday = ExtractHour("at", tzinfo=zone), ExtractIsoWeekDay("at", tzinfo=zone)
    return (
        accesses.annotate(hour=hour, weekday=weekday)
        .filter(Q(hour__lt=start) | Q(hour__gte=end) | Q(weekday__gte=6))
        .select_related("user", "person")
        .order_by("-at")
    )


def since(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def patterns(staff_ids: set[int] | None, days: int = WINDOW_DAYS) -> dict[str, Any]:
    """The three patterns over the last `days` days, for these staff (None: everyone)."""
    views = RecordView.objects.filter(at__gte=since(days))
    accesses = BreakGlass.objects.filter(at__gte=since(days))
    if staff_ids is not None:
        views, accesses = views.filter(user_id__in=staff_ids), accesses.filter(user_id__in=staff_ids)
    return {
        "not_allocated": not_allocated(views),
        "refusals": refusals(views),
        "night": list(break_glass_at_night(accesses)[:200]),
        "thresholds": {"children": NOT_ALLOCATED_CHILDREN, "refusals": REFUSALS, "hours": WORKING_HOURS},
    }
