"""Which records are due: each person's keep-until date from the schedule, the facts and their links.

A person's record is kept until the latest date of every rule that applies to them, and at least as
long as the records linked to theirs: a parent named in a child's family network, or a duplicate merged
into a kept record, goes with the record it belongs to. One query per table, however many people.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction

from people.models import Person, Relationship

from . import facts
from .models import LegalHold, RetentionReview, ReviewStatus
from .schedule import CHILDREN_SOCIAL_CARE, RULES


@dataclass(frozen=True)
class Keep:
    until: datetime.date | None  # None: not known (no date of birth), so never listed
    rules: tuple[str, ...]


def keep_until(on_facts: dict | None = None, person_ids=None) -> dict[int, Keep]:
    """Every person's (or those in person_ids') own keep-until date and rules, before links.

    A record whose dates are not known (no date of birth, nor an expected one) is never listed: the
    nightly job counts them, so they can be put right.
    """
    on_facts = facts.all_facts() if on_facts is None else on_facts
    people = Person.objects.all()
    if person_ids is not None:
        people = people.filter(pk__in=person_ids)
    found = {}
    for pk, birth, expected, death in people.values_list(
        "pk", "birth_date", "expected_birth_date", "death_date"
    ):
        born = birth or expected
        dates = {CHILDREN_SOCIAL_CARE.code: CHILDREN_SOCIAL_CARE.keep_until(born, death, None)}
        for fact in on_facts.get(pk, ()):
            until = RULES[fact.rule].keep_until(born, death, fact.on)
            if fact.rule not in dates or (until and (dates[fact.rule] is None or until > dates[fact.rule])):
                dates[fact.rule] = until
        known = [d for d in dates.values() if d]
        found[pk] = Keep(max(known) if len(known) == len(dates) else None, tuple(sorted(dates)))
    return found


def _links() -> dict[int, set[int]]:
    linked = defaultdict(set)
    for a, b in Relationship.objects.values_list("person_id", "relative_id"):
        linked[a].add(b)
        linked[b].add(a)
    for a, b in Person.objects.filter(merged_into__isnull=False).values_list("pk", "merged_into_id"):
        linked[a].add(b)
        linked[b].add(a)
    return linked


def due(on: datetime.date) -> dict[int, Keep]:
    """People whose record may go on `on`: their own date and every linked record's date have passed."""
    own = keep_until()
    linked = _links()
    anonymised = set(
        RetentionReview.objects.filter(status=ReviewStatus.ANONYMISED).values_list("person_id", flat=True)
    )
    result = {}
    for pk, keep in own.items():
        if pk in anonymised or keep.until is None or keep.until > on:
            continue
        # A linked record whose date is not known does not hold this one back (it is never listed itself).
        if any(own[other].until and own[other].until > on for other in linked.get(pk, ()) if other in own):
            continue
        result[pk] = keep
    return result


def held_person_ids() -> set[int]:
    return set(LegalHold.objects.filter(lifted_at__isnull=True).values_list("person_id", flat=True))


@transaction.atomic
def list_due(on: datetime.date) -> tuple[int, int]:
    """The nightly job: bring the open reviews in line with what is due today. Returns (due, held)."""
    now_due = due(on)
    held = held_person_ids()
    open_reviews = {r.person_id: r for r in RetentionReview.objects.exclude(status=ReviewStatus.ANONYMISED)}
    # No longer due (a new fact, a new link): off the list.
    RetentionReview.objects.filter(
        pk__in=[r.pk for pid, r in open_reviews.items() if pid not in now_due]
    ).delete()
    new, changed = [], []
    for pk, keep in now_due.items():
        status = ReviewStatus.HELD if pk in held else ReviewStatus.DUE
        rules = ",".join(keep.rules)
        review = open_reviews.get(pk)
        if review is None:
            new.append(
                RetentionReview(person_id=pk, keep_until=keep.until, rules=rules, status=status, listed_on=on)
            )
        elif (review.keep_until, review.rules, review.status) != (keep.until, rules, status):
            review.keep_until, review.rules, review.status = keep.until, rules, status
            changed.append(review)
    RetentionReview.objects.bulk_create(new, batch_size=1000)
    RetentionReview.objects.bulk_update(changed, ["keep_until", "rules", "status"], batch_size=1000)
    counted_held = sum(1 for pk in now_due if pk in held)
    return len(now_due) - counted_held, counted_held
