"""Making, reviewing and ending a share of a child's record with a partner agency.

Each step is one save of the share, so django-simple-history keeps every version (who, when, and why in
the change reason): the share's history is its audit.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from access.models import Share
from access.parts import ALWAYS_SHARED, Part
from timescales import registry


def review_interval():
    return registry.get("SHARE_REVIEW")


def latest_review_date(since: datetime.date) -> datetime.date:
    """The latest a review may be set: the council's review interval from the start or the last review."""
    return review_interval().due(since)


def _scope(parts) -> list[str]:
    return [part.value for part in Part if part in set(parts) | ALWAYS_SHARED]


def _saved(share: Share, by, reason: str) -> Share:
    share._history_user, share._change_reason = by, reason[:100]
    share.full_clean()
    share.save()
    return share


def create(
    person,
    agency,
    *,
    legal_basis: str,
    parts,
    purpose: str,
    start_date: datetime.date,
    review_date: datetime.date,
    by,
) -> Share:
    share = Share(
        person=person,
        agency=agency,
        legal_basis=legal_basis,
        parts=_scope(parts),
        purpose=purpose,
        start_date=start_date,
        review_date=review_date,
        granted_by=by,
    )
    return _saved(share, by, "Shared")


def review(share: Share, *, on: datetime.date, parts, next_review: datetime.date, note: str, by) -> Share:
    """The share is still needed, with this scope, until the next review."""
    with transaction.atomic():
        current = Share.objects.select_for_update().get(pk=share.pk)
        if current.end_date is not None:
            raise ValidationError("Someone else has ended this share since you opened this page.")
        current.parts, current.review_date = _scope(parts), next_review
        current.reviewed_on, current.reviewed_by = on, by
        return _saved(current, by, f"Reviewed: {note}")


def end(share: Share, *, stop_on: datetime.date, reason: str, by) -> Share:
    """From `stop_on` the agency sees nothing of the record: the share's last day is the day before (the day
    before it began, for a share stopped before it started)."""
    with transaction.atomic():
        current = Share.objects.select_for_update().get(pk=share.pk)
        last_day = max(stop_on, current.start_date) - datetime.timedelta(days=1)
        if current.end_date is not None and current.end_date <= last_day:
            raise ValidationError("Someone else has ended this share since you opened this page.")
        current.end_date, current.ended_by, current.end_reason = last_day, by, reason
        return _saved(current, by, f"Ended: {reason}")
