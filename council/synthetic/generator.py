"""Run every registered contribution, in order, into an empty set of Thrive tables."""

import datetime
import time
from collections.abc import Callable

from council.scales import Scale

from .context import Council
from .registry import contributions
from .tables import reset_sequences


def generate(
    seed: int, scale: Scale, as_at: datetime.date, progress: Callable[[str], None] | None = None
) -> Council:
    """Build the council. The caller owns the transaction and has emptied the tables."""
    council = Council(seed=seed, scale=scale, as_at=as_at, progress=progress)
    for contribution in contributions():
        started = time.perf_counter()
        rows_before = sum(council.written.values())
        contribution.build(council)
        council.flush()
        if progress:
            rows = sum(council.written.values()) - rows_before
            progress(f"{contribution.label}: {rows:,} rows in {time.perf_counter() - started:.1f}s")
    reset_sequences()
    return council
