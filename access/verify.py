"""Walking the audit chain (`manage.py verify_audit`): every row's place and hash recomputed, in one pass.

A deleted row leaves a gap in the places (or, at the end of the chain, a head beyond the last row); an
altered row (a field, a disclosure's children, its hash) no longer hashes to what it carries; an
inserted row takes a place another row has, hashes wrongly, or lies beyond the head. The walk reads up
to the head as it was when it started, so rows being written meanwhile never look like a break.

A hash chain shows that the rows are as written *given its end*: someone able to rewrite the database
could rewrite every hash after a change and the head too. Anchors close that gap: each clean run can
append the head's place and hash to a file kept off the database server (THRIVE_AUDIT_ANCHOR), and
every later run checks that those places still carry those hashes.
"""

import datetime
import heapq
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .chain import GENESIS, HEAD_ID, LINKS, Row, link_hash, rows

MAX_LISTED = 20


@dataclass(frozen=True)
class Break:
    seq: int
    problem: str
    table: str = ""
    id: int | None = None
    at: datetime.datetime | None = None

    def __str__(self) -> str:
        where = f"place {self.seq:,}"
        if self.table:
            when = f" at {self.at.astimezone(datetime.UTC):%Y-%m-%d %H:%M:%S} UTC" if self.at else ""
            where += f": {LINKS[self.table].model} id {self.id}{when}"
        return f"{where}: {self.problem}"


@dataclass
class Report:
    rows: int = 0
    tables: Counter = field(default_factory=Counter)
    children: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process's; on PostgreSQL the server's work is not counted
    head: tuple[int, str] | None = None
    breaks: list[Break] = field(default_factory=list)  # the first MAX_LISTED
    broken: int = 0

    @property
    def ok(self) -> bool:
        return not self.broken

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    def add(self, found: Break) -> None:
        self.broken += 1
        if len(self.breaks) < MAX_LISTED:
            self.breaks.append(found)


def _break(row: Row, problem: str) -> Break:
    return Break(row.seq, problem, row.link.tag, row.id, row.at)


def _head() -> tuple[int, str] | None:
    from .models import AuditChainHead

    return AuditChainHead.objects.filter(pk=HEAD_ID).values_list("seq", "hash").first()


def verify(
    anchors: dict[int, tuple[str, str]] | None = None,
    progress: Callable | None = None,
    every: int = 1_000_000,
) -> Report:
    """Walk the chain up to its head; `anchors` maps places to (hash, when anchored) they must still carry."""
    anchors = dict(anchors or {})
    report = Report(head=_head())
    started, cpu_started = time.perf_counter(), time.process_time()
    bound = report.head[0] if report.head else None
    streams = [rows(link, up_to=bound) for link in LINKS.values()]
    expected, previous = 1, GENESIS
    for row in heapq.merge(*streams, key=lambda r: r.seq):
        report.rows += 1
        report.tables[row.link.tag] += 1
        if row.named is not None:
            report.children += len(row.named)
        if row.seq < expected:
            report.add(_break(row, f"a second row at place {row.seq:,}: inserted outside the application"))
        else:
            problem = None
            if row.seq > expected:
                missing = (
                    f"place {expected:,}"
                    if row.seq == expected + 1
                    else f"places {expected:,} to {row.seq - 1:,}"
                )
                problem = f"the row(s) before it, at {missing}, are missing: deleted"
            elif link_hash(previous, row.link.tag, row.seq, row.values, row.named) != row.hash:
                named = ", the children it named" if row.named is not None else ""
                problem = f"altered: its fields{named} or its hash are not what was written"
            if problem:
                report.add(_break(row, problem))
            previous, expected = row.hash, row.seq + 1
        if row.seq in anchors:
            anchored, when = anchors.pop(row.seq)
            if anchored != row.hash:
                report.add(
                    _break(row, f"not the row anchored at this place on {when}: the chain was rewritten")
                )
        if progress and report.rows % every == 0:
            progress(report.rows, time.perf_counter() - started)
    _check_end(report, expected - 1, previous, anchors)
    report.seconds = time.perf_counter() - started
    report.cpu_seconds = time.process_time() - cpu_started
    return report


def _check_end(report: Report, last: int, previous: str, anchors: dict) -> None:
    """The chain ends at its head; nothing lies beyond it; every anchored place was seen."""
    head = report.head
    if head is None:
        if report.rows:
            report.add(Break(last, "the chain's head is missing"))
    elif last < head[0]:
        report.add(
            Break(
                last + 1,
                f"the rows from place {last + 1:,} to the head's {head[0]:,} are missing: "
                "deleted from the end of the chain",
            )
        )
    elif previous != head[1]:
        report.add(Break(last, "the chain's head does not carry the last row's hash"))
    for seq, (_, when) in sorted(anchors.items()):
        report.add(Break(seq, f"the row anchored at this place on {when} is missing: deleted"))
    now = _head()
    if now is not None:
        from .chain import _model

        for link in LINKS.values():  # rows written since the walk began are behind the head by now
            beyond = (
                _model(link.model)
                ._base_manager.filter(chain_seq__gt=now[0])
                .order_by("chain_seq")
                .values_list("chain_seq", "id", "at")
                .first()
            )
            if beyond:
                seq, pk, at = beyond
                report.add(
                    Break(seq, "beyond the chain's head: not written by the application", link.tag, pk, at)
                )


# Anchors


def read_anchors(path: Path) -> dict[int, tuple[str, str]]:
    """Places and hashes from earlier clean runs: {seq: (hash, when)}."""
    if not path.exists():
        return {}
    found = {}
    for line in path.read_text().splitlines():
        if line.strip():
            entry = json.loads(line)
            found[entry["seq"]] = (entry["hash"], entry["verified_at"])
    return found


def write_anchor(path: Path, report: Report) -> bool:
    """Append the head of a clean chain, if it moved since the last anchor; True if written."""
    if not report.ok or not report.head:
        return False
    seq, digest = report.head
    known = read_anchors(path)
    if known and max(known) >= seq:
        return False
    now = datetime.datetime.now(datetime.UTC)
    entry = {"seq": seq, "hash": digest, "verified_at": now.isoformat(timespec="seconds")}
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as anchors:
        anchors.write(json.dumps(entry) + "\n")
    return True
