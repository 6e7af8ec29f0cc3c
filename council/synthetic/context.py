"""The `Council` every contribution receives: what to build, random streams, ids, lookups."""

import datetime
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db.models import Max, Model

from council.scales import Rates, Scale

from .names import NamePools, name_pools
from .places import Geography, build_geography
from .writer import RowWriter


@dataclass
class Council:
    """The synthetic council being built.

    `lookups` is where a contribution leaves what later ones need, under keys named
    "<app>.<what>" (e.g. "education.schools", "people.children", "access.open_cases").
    Rows are given explicit ids in creation order, so the same run always gives the same ids
    and a contribution can point at rows it has not written yet.
    """

    seed: int
    scale: Scale
    as_at: datetime.date
    lookups: dict[str, Any] = field(default_factory=dict)
    progress: Callable[[str], None] | None = None  # for contributions that run long enough to report
    _writer: RowWriter = field(default_factory=RowWriter)
    _last_ids: Counter[type[Model]] = field(default_factory=Counter)

    @property
    def rates(self) -> Rates:
        return self.scale.rates

    def rng(self, name: str) -> random.Random:
        """An independent random stream for one named purpose, fixed by the seed."""
        return random.Random(f"{self.seed}:{name}")

    @cached_property
    def geography(self) -> Geography:
        return build_geography(self.rng("council.geography"), self.scale)

    @cached_property
    def names(self) -> NamePools:
        return name_pools()

    def report(self, message: str) -> None:
        if self.progress:
            self.progress(message)

    def new_id(self, model: type[Model]) -> int:
        """The next id for the model's table, counting on from any rows it already holds."""
        if model not in self._last_ids:
            self._last_ids[model] = model._base_manager.aggregate(last=Max("pk"))["last"] or 0
        self._last_ids[model] += 1
        return self._last_ids[model]

    def add(self, obj: Model) -> None:
        """Queue a model instance, giving it the next id."""
        if obj.pk is None:
            obj.pk = self.new_id(type(obj))
        self._writer.add(type(obj), obj)

    def insert(self, model: type[Model], **columns: Any) -> int:
        """Queue a row by its column values (attnames, e.g. person_id) and return its id."""
        pk = model._meta.pk.attname
        if pk not in columns:
            columns[pk] = self.new_id(model)
        self._writer.add(model, columns)
        row_id: int = columns[pk]
        return row_id

    def flush(self) -> None:
        """Write every queued row (at the end of a chunk, so memory stays flat)."""
        self._writer.flush()

    @property
    def written(self) -> Counter:
        return self._writer.written
