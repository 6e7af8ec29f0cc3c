"""Linking partner records to Thrive's children, and finding Thrive's own duplicates, with the trained model.

A valid NHS number held by exactly one current person links at once (the Single Unique Identifier).
Everything else goes to Splink on DuckDB: a clear best candidate links automatically; uncertain ones
go to the front door's review queue with the evidence; records with no likely child are marked not
known (or, for notifications and referrals, queued so a worker can record a new child).
Splink and DuckDB are imported only when linkage runs, never by the pages.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_update_with_history
from stdnum.gb import nhs

from people.identifiers import normalise_nhs_number
from people.merging import survivor_of
from people.models import Address, Person

from ..partners.models import LinkMethod, LinkStatus, PartnerRecord
from . import features, thresholds
from .models import DuplicatePair, DuplicateStatus, LinkageModel, LinkCandidate

UPDATED_FIELDS = ["status", "person", "link_method", "link_weight", "linked_at"]


# Rows


def people_rows(person_ids=None) -> list[dict]:
    """Current (not merged) people with a date of birth, as linkage sees them."""
    people = Person.objects.filter(merged_into__isnull=True, birth_date__isnull=False)
    if person_ids is not None:
        people = people.filter(pk__in=person_ids)
    addresses = defaultdict(list)
    rows = Address.objects.filter(person__in=people).order_by("person_id", "-start_date", "pk")
    for person_id, line1, line2, postcode, end in rows.values_list(
        "person_id", "line1", "line2", "postcode", "end_date"
    ).iterator(chunk_size=20_000):
        addresses[person_id].append((", ".join(p for p in (line1, line2) if p), postcode, end is None))
    found = []
    for pk, forename, preferred, surname, born, sex, number in people.values_list(
        "pk", "forename", "preferred_name", "surname", "birth_date", "sex", "nhs_number"
    ).iterator(chunk_size=20_000):
        lived = addresses.get(pk, [])
        current = next((a for a in lived if a[2]), lived[0] if lived else ("", "", True))
        found.append(
            features.row(
                pk,
                forename=forename,
                surname=surname,
                birth_date=born,
                sex=sex,
                postcode=current[1],
                address=current[0],
                nhs_number=number,
                preferred_name=preferred,
                earlier_postcodes=[a[1] for a in lived],
            )
        )
    return found


def record_row(record: PartnerRecord) -> dict:
    return features.row(
        record.pk,
        forename=record.forename,
        surname=record.surname,
        birth_date=record.birth_date,
        sex=record.sex,
        postcode=record.postcode,
        address=record.address,
        nhs_number=record.nhs_number,
    )


# Deciding


@dataclass(frozen=True)
class Decision:
    record_id: int
    status: str
    person_id: int | None = None
    method: str = ""
    weight: float | None = None
    candidates: tuple = ()  # engine.Pair, best first, for the review queue


def valid_nhs_number(value: str) -> str | None:
    digits = normalise_nhs_number(value)
    return digits if nhs.is_valid(digits) else None


def nhs_links(records) -> dict[int, int]:
    """{record id: person id} for records whose valid NHS number one person holds (merges followed)."""
    numbers = {r.pk: valid_nhs_number(r.nhs_number) for r in records}
    holders = dict(
        Person.objects.filter(nhs_number__in={n for n in numbers.values() if n}).values_list(
            "nhs_number", "pk"
        )
    )
    merged = {
        p.pk: survivor_of(p).pk
        for p in Person.objects.filter(pk__in=holders.values(), merged_into__isnull=False)
    }
    return {rid: merged.get(holders[n], holders[n]) for rid, n in numbers.items() if n in holders}


def decide(record, pairs, limits: thresholds.Thresholds) -> Decision:
    """The outcome for one record from its scored candidates (best first)."""
    best = pairs[0] if pairs else None
    runner_up = pairs[1].match_weight if len(pairs) > 1 else None
    if (
        best
        and best.match_weight >= limits.auto_link
        and (runner_up is None or runner_up < limits.review or best.match_weight - runner_up >= limits.margin)
    ):
        return Decision(record.pk, LinkStatus.LINKED, best.left, LinkMethod.AUTOMATIC, best.match_weight)
    shown = tuple(p for p in pairs if p.match_weight >= limits.review)[: limits.candidates_shown]
    if shown or record.makes_contact:  # a notification about an unknown child still needs a worker
        return Decision(record.pk, LinkStatus.REVIEW, candidates=shown)
    return Decision(record.pk, LinkStatus.NOT_KNOWN)


def decisions(records, splink_json: dict, people=None, limits=None) -> list[Decision]:
    """Decide each record: by NHS number where it settles it, else with Splink against `people` (rows)."""
    from .backends import duckdb_api  # only when linkage runs

    limits = limits or thresholds.get()
    by_nhs = nhs_links(records)
    made = [
        Decision(r.pk, LinkStatus.LINKED, by_nhs[r.pk], LinkMethod.NHS_NUMBER)
        for r in records
        if r.pk in by_nhs
    ]
    rest = [r for r in records if r.pk not in by_nhs]
    if rest:
        from . import engine

        people = people if people is not None else people_rows()
        rows = features.as_arrow([record_row(r) for r in rest])
        pairs = engine.link(
            duckdb_api(), splink_json, features.as_arrow(people), rows, min_weight=limits.review
        )
        by_record = defaultdict(list)
        for pair in pairs:
            by_record[pair.right].append(pair)
        for record in rest:
            found = sorted(by_record.get(record.pk, []), key=lambda p: (-p.match_weight, p.left))
            made.append(decide(record, found, limits))
    return made


# Applying


def apply(decisions_made: list[Decision], records_by_id: dict, user=None) -> None:
    """Write the decisions: links (and contacts for notifications), review candidates, not known."""
    from ..partners import intake

    now = timezone.now()
    changed, candidates = [], []
    for decision in decisions_made:
        record = records_by_id[decision.record_id]
        record.status, record.link_method, record.link_weight = (
            decision.status,
            decision.method,
            decision.weight,
        )
        record.person_id = decision.person_id
        record.linked_at = now if decision.person_id else None
        changed.append(record)
        candidates.extend(
            LinkCandidate(
                record=record,
                person_id=p.left,
                match_weight=p.match_weight,
                match_probability=p.match_probability,
                evidence=p.evidence,
            )
            for p in decision.candidates
        )
    with transaction.atomic():
        LinkCandidate.objects.filter(record__in=changed).delete()
        bulk_update_with_history(
            changed,
            PartnerRecord,
            UPDATED_FIELDS,
            batch_size=2_000,
            default_user=user,
            default_change_reason="Linkage",
        )
        LinkCandidate.objects.bulk_create(candidates, batch_size=2_000)
        for record in changed:
            if record.status == LinkStatus.LINKED and record.makes_contact and not record.contact_id:
                intake.make_contact(record)


def link_awaiting(splink_json: dict | None = None, progress=None) -> dict[str, int]:
    """Link every record awaiting matching with the latest model: {status: records}."""
    records = list(PartnerRecord.objects.filter(status=LinkStatus.AWAITING).order_by("pk"))
    if not records:
        return {}
    splink_json = splink_json or latest_model().splink_json
    made = decisions(records, splink_json)
    apply(made, {r.pk: r for r in records})
    counts = defaultdict(int)
    for decision in made:
        counts[decision.method or decision.status] += 1
    return dict(counts)


# Training


class NoModel(Exception):
    """No linkage model has been trained yet."""


def latest_model() -> LinkageModel:
    try:
        return LinkageModel.objects.latest()
    except LinkageModel.DoesNotExist:
        raise NoModel(
            "No linkage model is trained yet: run `python manage.py train_linkage_model`."
        ) from None


def training_records():
    """The records the model learns from: a synthetic council's tuning records, else the last year's."""
    tuning = PartnerRecord.objects.filter(truth__held_out=False)
    if tuning.exists():
        return tuning
    return PartnerRecord.objects.filter(received_at__gte=timezone.now() - datetime.timedelta(days=365))


def train(records=None, max_pairs: float = 2e6) -> LinkageModel:
    from . import engine
    from .backends import duckdb_api

    records = list(records if records is not None else training_records())
    people = people_rows()
    splink_json = engine.train(
        duckdb_api(),
        features.as_arrow(people),
        features.as_arrow([record_row(r) for r in records]),
        max_pairs=max_pairs,
    )
    return LinkageModel.objects.create(splink_json=splink_json, people=len(people), records=len(records))


# Duplicates


def find_duplicates(splink_json: dict | None = None) -> int:
    """Put pairs of Thrive's people who may be one person on the worklist; decided pairs stay decided."""
    from . import engine
    from .backends import duckdb_api

    splink_json = splink_json or latest_model().splink_json
    limits = thresholds.get()
    pairs = engine.duplicates(
        duckdb_api(), splink_json, features.as_arrow(people_rows()), min_weight=limits.duplicate
    )
    known = set(DuplicatePair.objects.values_list("first_id", "second_id"))
    new = []
    for pair in pairs:
        first, second = sorted((pair.left, pair.right))
        if (first, second) not in known:
            known.add((first, second))
            new.append(
                DuplicatePair(
                    first_id=first,
                    second_id=second,
                    match_weight=pair.match_weight,
                    match_probability=pair.match_probability,
                    evidence=pair.evidence,
                )
            )
    DuplicatePair.objects.bulk_create(new, batch_size=2_000)
    stale = DuplicatePair.objects.filter(status=DuplicateStatus.OPEN).filter(
        Q(first__merged_into__isnull=False) | Q(second__merged_into__isnull=False)
    )
    stale.update(status=DuplicateStatus.MERGED, resolved_at=timezone.now(), note="Merged elsewhere")
    return len(new)
