"""Saving imported records many at a time, with the history row each would have had from save()."""

import datetime

from django.db import connection
from django.db.models import Max
from django.utils import timezone

from council.synthetic.writer import RowWriter

BATCH = 2000
CHANGE_REASON = "Imported from a statutory return"
AS_THEY_ARE = {
    str,
    int,
    bool,
}  # what every backend takes unconverted; dates and the rest go through their field


class Rows:
    """An import's new rows as column values, each given its id when it is made so that later rows can
    point at it, and written with the synthetic generator's RowWriter (one executemany per table and
    batch). Django's bulk_create builds a model instance and compiles an INSERT per row: most of the
    time of importing a large council. A model that keeps history gets the "created" history row of
    each, as save() would have written it.

    Ids count on from the highest held, so a file goes into a Thrive that nobody is writing to at the
    same time; on PostgreSQL the importer moves the id sequences past them before committing."""

    def __init__(self, user):
        self.now = timezone.now()
        self._stamps = {
            "history_date": self.now,
            "history_change_reason": CHANGE_REASON,
            "history_type": "+",
            "history_user_id": user.pk if user else None,
        }
        self._last_ids, self._histories = {}, {}
        self._pending = []
        self._writer = RowWriter()

    def new_id(self, model) -> int:
        if model not in self._last_ids:
            self._last_ids[model] = model._base_manager.aggregate(last=Max("pk"))["last"] or 0
        self._last_ids[model] += 1
        return self._last_ids[model]

    def insert(self, model, **columns) -> int:
        """Queue a row by its column values (attnames, e.g. person_id) and return its id."""
        columns[model._meta.pk.attname] = pk = self.new_id(model)
        self._pending.append((model, columns))
        return pk

    def write(self) -> None:
        """Write the queued rows and their history rows."""
        for model, columns in self._pending:
            self._writer.add(model, columns)
            if model not in self._histories:
                self._histories[model] = model.history.model if hasattr(model, "history") else None
            history = self._histories[model]
            if history:
                self._writer.add(
                    history, {**columns, **self._stamps, history._meta.pk.attname: self.new_id(history)}
                )
        self._pending.clear()
        self._writer.flush()

    def drop(self) -> None:
        """Forget the queued rows (the file has a problem, so nothing of it will be kept)."""
        self._pending.clear()


def create_all(model, objects: list, user) -> list:
    """Insert objects in batches; models that keep history get their "created" history rows too."""
    if not objects:
        return objects
    model.objects.bulk_create(objects, batch_size=BATCH)
    if hasattr(model, "history"):
        _created_history(model.history.model, objects, user)
    return objects


def _created_history(history, objects: list, user) -> None:
    """The "+" history rows, written with one executemany.

    simple_history's bulk_create_with_history builds a model instance per row and compiles every
    INSERT through the ORM: half the time of importing a large council. The rows are the same."""
    stamps = {
        "history_date": timezone.now(),
        "history_change_reason": CHANGE_REASON,
        "history_type": "+",
        "history_user_id": user.pk if user else None,
    }
    fields = [f for f in history._meta.concrete_fields if f.attname != history._meta.pk.attname]
    stamped = {
        f.attname: f.get_db_prep_save(stamps[f.attname], connection) for f in fields if f.attname in stamps
    }
    copied = [(f.attname, f.get_db_prep_save, {}) for f in fields if f.attname not in stamps]
    rows = []
    for obj in objects:
        row = dict(stamped)
        for name, prep, seen in copied:
            value = getattr(obj, name)
            if isinstance(value, datetime.date):  # a return's dates repeat: each is converted once
                if value not in seen:
                    seen[value] = prep(value, connection)
                value = seen[value]
            elif value is not None and type(value) not in AS_THEY_ARE:
                value = prep(value, connection)
            row[name] = value
        rows.append([row[f.attname] for f in fields])
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    # bandit B608: quoted model names; values are parameters.
    sql = (
        f"INSERT INTO {connection.ops.quote_name(history._meta.db_table)} ({columns}) "  # nosec B608
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def update_all(model, objects: list, *field_names: str) -> None:
    """Set fields on many saved objects with one executemany (Django's bulk_update builds a CASE per batch,
    slow on a large import). Like bulk_update, it records no history: the values follow from other records."""
    if not objects:
        return
    fields = [model._meta.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    # bandit B608: quoted model names; values are parameters.
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {assignments} "  # nosec B608
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [
                [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields] + [obj.pk]
                for obj in objects
            ],
        )
