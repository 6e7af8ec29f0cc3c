"""Merging duplicate records of one person, and undoing a merge made in error.

A merge moves nothing and deletes nothing: the duplicate keeps its own addresses, history
and casework and is only marked as merged into the survivor, so an undo is exact and both
records' histories stay readable. Pages follow `merged_into` to the survivor and gather
the duplicates' entries into its timeline.
"""

from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from access.models import User

from .models import Person, PersonMerge


def merged_ids(person: Person) -> list[int]:
    """The person's id and those of every record merged into it, directly or through a chain."""
    ids = [person.pk]
    frontier = [person.pk]
    while frontier:
        frontier = list(Person.objects.filter(merged_into_id__in=frontier).values_list("pk", flat=True))
        ids.extend(frontier)
    return ids


def survivor_of(person: Person) -> Person:
    """Follow merges to the record that is kept (duplicates may have been merged in a chain)."""
    seen = {person.pk}
    while person.merged_into_id and person.merged_into_id not in seen:
        seen.add(person.merged_into_id)
        person = person.merged_into  # type: ignore[assignment]  # merged_into_id is set
    return person


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Enter the reason for the change, for the record's history.")
    return reason


def check_merge(survivor: Person, duplicate: Person) -> None:
    """Refuse merges that would lose track of a record: into itself, twice, or into a merged record."""
    if survivor.pk == duplicate.pk:
        raise ValidationError("A record cannot be merged into itself: choose two different records.")
    if duplicate.merged_into_id:
        into = cast(Person, duplicate.merged_into)
        raise ValidationError(
            f"{duplicate.full_name} ({duplicate.la_id}) is already merged into "
            f"{into.full_name} ({into.la_id})."
        )
    if survivor.merged_into_id:
        into = cast(Person, survivor.merged_into)
        raise ValidationError(
            f"The record to keep, {survivor.full_name} ({survivor.la_id}), is itself merged into "
            f"{into.full_name} ({into.la_id}): merge into that record instead."
        )


def merge_records(survivor: Person, duplicate: Person, user: User, reason: str) -> PersonMerge:
    """Fold `duplicate` into `survivor`, logging who, when and why."""
    reason = _require_reason(reason)
    with transaction.atomic():
        locked = (
            Person.objects.select_for_update(of=("self",))
            .select_related("merged_into")
            .in_bulk([survivor.pk, duplicate.pk])
        )
        survivor, duplicate = locked[survivor.pk], locked[duplicate.pk]
        check_merge(survivor, duplicate)
        merge = PersonMerge.objects.create(
            survivor=survivor, duplicate=duplicate, reason=reason, merged_by=user, merged_at=timezone.now()
        )
        duplicate.merged_into = survivor
        duplicate._history_user = user  # type: ignore[attr-defined]  # django-simple-history's
        duplicate._change_reason = f"Merged into {survivor.la_id}: {reason}"  # type: ignore[attr-defined]
        duplicate.save(update_fields=["merged_into"])
    return merge


def undo_merge(merge: PersonMerge, user: User, reason: str) -> PersonMerge:
    """Separate the duplicate again; the merge stays in the log marked as undone."""
    reason = _require_reason(reason)
    with transaction.atomic():
        merge = (
            PersonMerge.objects.select_for_update(of=("self",))
            .select_related("survivor", "undone_by")
            .get(pk=merge.pk)
        )
        if merge.undone_at:
            raise ValidationError(
                f"This merge was already undone by {merge.undone_by} on "
                f"{timezone.localtime(merge.undone_at):%d %B %Y}."
            )
        duplicate = Person.objects.select_for_update().get(pk=merge.duplicate_id)
        if duplicate.merged_into_id != merge.survivor_id:
            raise ValidationError(
                f"{duplicate.full_name} ({duplicate.la_id}) is no longer merged into {merge.survivor.la_id}."
            )
        merge.undone_by = user
        merge.undone_at = timezone.now()
        merge.undo_reason = reason
        merge.save(update_fields=["undone_by", "undone_at", "undo_reason"])
        duplicate.merged_into = None
        duplicate._history_user = user  # type: ignore[attr-defined]
        duplicate._change_reason = f"Merge into {merge.survivor.la_id} undone: {reason}"  # type: ignore[attr-defined]
        duplicate.save(update_fields=["merged_into"])
    return merge
