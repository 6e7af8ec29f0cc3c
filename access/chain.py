"""The audit log as one hash chain: append-only to the application, and any deleted, altered or
inserted row detectable by `manage.py verify_audit`.

Every row of the audit tables (RecordView, Disclosure with the children it named, BreakGlass and its
BreakGlassReview) has a place in one chain, `chain_seq` (1, 2, 3, ... with no gaps, across the tables),
and `chain_hash`:

    chain_hash = SHA-256(previous row's chain_hash + canonical JSON of [table, chain_seq, *fields])

over the row's fields as declared in `LINKS` (all of them but the id, which is the database's; a
disclosure's children as the sorted ids of the people it named); the first row's previous hash is
GENESIS. One chain, not one per table: an audit write takes one lock, so a request that logs to two
tables cannot deadlock with one that logs to them in the other order, and the chain orders every event.

The chain's head (the last seq and hash) is one row, `AuditChainHead`, locked for the rest of the
writing transaction (SELECT ... FOR UPDATE on PostgreSQL; on SQLite, Thrive's IMMEDIATE transactions
serialise writers), so concurrent writers follow one another. The application never updates or deletes
an audit row: the models refuse it (AppendOnlyError), and database triggers refuse it too
(access/migrations/0006).
"""

import datetime
import functools
import hashlib
import heapq
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NoReturn, TypeVar

from django.db import connection, models, transaction
from django.utils import timezone

GENESIS = "0" * 64
HEAD_ID = 1
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
MICROSECOND = datetime.timedelta(microseconds=1)
T = TypeVar("T")


class AppendOnlyError(Exception):
    """An audit row may be added, never changed or deleted."""


@dataclass(frozen=True)
class Link:
    """One audit table in the chain: the fields its hash covers, in order (attnames)."""

    tag: str  # the table's name in the hash and in reports
    model: str  # access.<model>
    fields: tuple[str, ...]
    children: bool = False  # a Disclosure: the hash covers the people it named

    def datetimes(self, model: Any) -> tuple[int, ...]:
        return tuple(
            i
            for i, name in enumerate(self.fields)
            if isinstance(model._meta.get_field(_field_name(model, name)), models.DateTimeField)
        )


def _field_name(model: Any, attname: str) -> str:
    name: str = next(f.name for f in model._meta.concrete_fields if f.attname == attname)
    return name


@functools.cache
def _chained_fields(model: Any) -> list[Any]:
    return [model._meta.get_field(_field_name(model, name)) for name in model.chain_link.fields]


LINKS = {
    "recordview": Link(
        "recordview",
        "RecordView",
        ("user_id", "person_id", "at", "allowed", "action", "basis_kind", "basis", "path"),
    ),
    "disclosure": Link(
        "disclosure",
        "Disclosure",
        ("user_id", "at", "kind", "what", "path", "filename", "terms", "count"),
        children=True,
    ),
    "breakglass": Link("breakglass", "BreakGlass", ("user_id", "person_id", "reason", "at", "expires_at")),
    "breakglassreview": Link(
        "breakglassreview", "BreakGlassReview", ("break_glass_id", "reviewed_by_id", "at", "outcome", "note")
    ),
    # What a partner agency was shown (access.shares, since migration 0009): its parts as a sorted list.
    "partnerdisclosure": Link(
        "partnerdisclosure",
        "PartnerDisclosure",
        (
            "at",
            "agency_id",
            "person_id",
            "share_id",
            "legal_basis",
            "parts",
            "channel",
            "what",
            "user_id",
            "client",
            "path",
        ),
    ),
}


def microseconds(moment: datetime.datetime) -> int:
    """A time as whole microseconds since 1970 UTC: what both databases keep, whatever their format."""
    if moment.tzinfo is None:  # as Django stores it (USE_TZ): in the default time zone
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return (moment - EPOCH) // MICROSECOND


_encode = json.JSONEncoder(separators=(",", ":")).encode


def link_hash(
    previous: str, tag: str, seq: int, values: Iterable[Any], named: list[int] | None = None
) -> str:
    """The chain hash of one row: SHA-256 of the previous hash and the row's canonical JSON."""
    row: list[Any] = [tag, seq, *values]
    if named is not None:
        row.append(sorted(named))
    canonical = _encode(row)
    return hashlib.sha256((previous + canonical).encode()).hexdigest()


def _canonical(value: Any) -> Any:
    """A value as written, as it will read back: plain str, int, bool or None; times in microseconds."""
    if isinstance(value, datetime.datetime):
        return microseconds(value)
    if isinstance(value, str) and type(value) is not str:  # a TextChoices member
        return str(value)
    return value


# Writing


# The head is read and moved on every page about a child: plain SQL, a tenth of the ORM's time for these.
HEAD_TABLE = "access_auditchainhead"
READ_HEAD = f"SELECT seq, hash FROM {HEAD_TABLE} WHERE id = {HEAD_ID}"  # nosec B608: constants
MOVE_HEAD = f"UPDATE {HEAD_TABLE} SET seq = %s, hash = %s WHERE id = {HEAD_ID}"  # nosec B608: constants


def _seed_head() -> str:
    """SQL that makes the head, at the chain's last row (place 0 if none), unless another writer just did."""
    last_of_each = " UNION ALL ".join(
        f"SELECT * FROM (SELECT chain_seq AS seq, chain_hash AS hash FROM access_{tag} "  # nosec B608: constants
        f"ORDER BY chain_seq DESC LIMIT 1) AS last_{tag}"
        for tag in LINKS
    )
    return (
        f"INSERT INTO {HEAD_TABLE} (id, seq, hash) SELECT {HEAD_ID}, seq, hash FROM ({last_of_each} "  # nosec B608: constants
        f"UNION ALL SELECT 0, '{GENESIS}' ORDER BY seq DESC LIMIT 1) AS found WHERE true "
        "ON CONFLICT (id) DO NOTHING"
    )


def _head(cursor: Any) -> tuple[int, str]:
    """The chain's last (seq, hash), locked until the transaction ends."""
    locked = READ_HEAD + (" FOR UPDATE" if connection.features.has_select_for_update else "")
    cursor.execute(locked)
    row = cursor.fetchone()
    if row is None:  # no audit row written yet (a new or emptied database), or its head deleted
        cursor.execute(_seed_head())
        cursor.execute(locked)
        row = cursor.fetchone()
    head: tuple[int, str] = row
    return head


def _model(name: str) -> Any:
    from django.apps import apps

    return apps.get_model("access", name)


def append(rows: list[Any], insert: Callable[[], T]) -> T:
    """Give each new row its place and hash, then `insert()` them, all under the chain's lock."""
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        seq, previous = _head(cursor)
        for row in rows:
            seq += 1
            row.chain_seq = seq
            row.chain_hash = previous = link_hash(
                previous, row.chain_link.tag, seq, row.chained_values(), row.chained_children()
            )
        result = insert()
        cursor.execute(MOVE_HEAD, [seq, previous])
    return result


class AuditQuerySet(models.QuerySet[Any]):
    """Rows are added (create, bulk_create), never updated or deleted."""

    def bulk_create(self, objs: Iterable[Any], *args: Any, **kwargs: Any) -> list[Any]:
        objs = list(objs)
        if not objs:
            return objs
        if not self.model.chain_bulk:
            raise AppendOnlyError(f"{self.model.__name__} rows are written one at a time.")
        return append(objs, lambda: super(AuditQuerySet, self).bulk_create(objs, *args, **kwargs))

    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError(f"The audit log is append-only: {self.model.__name__} rows are not updated.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError(f"The audit log is append-only: {self.model.__name__} rows are not updated.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError(f"The audit log is append-only: {self.model.__name__} rows are not deleted.")

    def _raw_delete(self, using: Any) -> NoReturn:
        raise AppendOnlyError(f"The audit log is append-only: {self.model.__name__} rows are not deleted.")

    _raw_delete.alters_data = delete.alters_data = update.alters_data = True  # type: ignore[attr-defined]


class ChainedModel(models.Model):
    """An audit table in the chain: each row written once, with its place and hash."""

    chain_seq = models.BigIntegerField("place in the audit chain", unique=True, editable=False)
    chain_hash = models.CharField("audit chain hash", max_length=64, editable=False)

    objects = AuditQuerySet.as_manager()
    chain_link: Link
    chain_bulk = True

    class Meta:
        abstract = True

    def chained_values(self) -> list[Any]:
        """The row's fields as the hash covers them (as they will read back from the database)."""
        fields = _chained_fields(type(self))
        return [_canonical(field.to_python(getattr(self, field.attname))) for field in fields]

    def chained_children(self) -> list[int] | None:
        return None

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(f"The audit log is append-only: {self._label()} is not changed.")
        append([self], lambda: self._insert(*args, **kwargs))

    def _insert(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError(f"The audit log is append-only: {self._label()} is not deleted.")

    def _label(self) -> str:
        return f"{type(self).__name__} {self.pk}"


# Reading the chain back


@dataclass
class Row:
    link: Link
    seq: int
    id: int
    at: datetime.datetime
    hash: str
    values: list[Any]
    named: list[int] | None


class NamedChildren:
    """The people each disclosure named, read in one pass in disclosure id order beside the disclosures.

    Disclosures come in chain order, which is their id order as the application writes them; any that
    do not (a row inserted by hand) find their children kept aside for them.
    """

    def __init__(self, rows: Iterator[tuple[int, int]]) -> None:
        self.rows = rows
        self.next = next(rows, None)
        self.aside: dict[int, list[int]] = {}
        self.count = 0

    def of(self, disclosure_id: int) -> list[int]:
        if disclosure_id in self.aside:
            return self.aside.pop(disclosure_id)
        found: list[int] = []
        while self.next is not None and self.next[0] <= disclosure_id:
            owner, person = self.next
            (found if owner == disclosure_id else self.aside.setdefault(owner, [])).append(person)
            self.count += 1
            self.next = next(self.rows, None)
        return found


def rows(
    link: Link,
    get_model: Callable[[str], Any] | None = None,
    up_to: int | None = None,
    by_time: bool = False,
    chunk: int = 5000,
) -> Iterator[Row]:
    """One table's rows in chain order (or, to build the chain afresh, time order), with their values."""
    model = (get_model or _model)(link.model)
    query = model._base_manager.all()
    if up_to is not None:
        query = query.filter(chain_seq__lte=up_to)
    query = query.order_by(*(("at", "id") if by_time else ("chain_seq",)))
    times = link.datetimes(model)
    children = None
    if link.children:
        named = _model_for(model, "DisclosedChild").objects.order_by("disclosure_id")
        if up_to is not None:
            named = named.filter(disclosure__chain_seq__lte=up_to)
        children = NamedChildren(
            named.values_list("disclosure_id", "person_id").iterator(chunk_size=chunk * 4)
        )
    at = link.fields.index("at")
    for seq, pk, stored, *values in query.values_list("chain_seq", "id", "chain_hash", *link.fields).iterator(
        chunk_size=chunk
    ):
        when = values[at]
        for i in times:
            values[i] = microseconds(values[i])
        yield Row(link, seq, pk, when, stored, values, children.of(pk) if children else None)


def _model_for(model: Any, name: str) -> Any:
    """A sibling model from the same registry (the app's, or a migration's historical one)."""
    return model._meta.apps.get_model("access", name)


def _known(get_model: Callable[[str], Any], name: str) -> bool:
    try:
        get_model(name)
    except LookupError:
        return False
    return True


def build(get_model: Callable[[str], Any], connection: Any) -> int:
    """Give the rows written before the chain existed their places and hashes, in time order, and set the
    head (migration 0005). Returns how many rows it chained. A table made after that migration (one the
    migration's models do not know yet) is born chained, and left out here."""
    links = [link for link in LINKS.values() if _known(get_model, link.model)]
    streams = [rows(link, get_model, by_time=True) for link in links]
    seq, previous = 0, GENESIS
    placed: dict[str, list[tuple[int, str, int]]] = {link.tag: [] for link in links}
    for row in heapq.merge(*streams, key=lambda r: (r.at, r.link.tag, r.id)):
        seq += 1
        previous = link_hash(previous, row.link.tag, seq, row.values, row.named)
        placed[row.link.tag].append((seq, previous, row.id))
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:  # written after the walk, which reads these tables
        for tag, updates in placed.items():
            table = quote(get_model(LINKS[tag].model)._meta.db_table)
            sql = f"UPDATE {table} SET chain_seq = %s, chain_hash = %s WHERE id = %s"  # nosec B608
            for start in range(0, len(updates), 10_000):
                cursor.executemany(sql, updates[start : start + 10_000])
    if seq:  # none: the first audit row written makes the head
        get_model("AuditChainHead").objects.create(id=HEAD_ID, seq=seq, hash=previous)
    return seq
