"""python manage.py verify_audit [--anchor FILE]: the nightly check of the audit log's hash chain.

Exit code 0 when every row is as written; 1 at the first broken link (a deleted, altered or inserted
row), naming its place, table, id and time. See access/verify.py and docs/operations.md.
"""

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from access.chain import LINKS
from access.verify import read_anchors, verify, write_anchor


class Command(BaseCommand):
    help = "Verify the audit log's hash chain: report the first deleted, altered or inserted row."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--anchor",
            type=Path,
            default=os.environ.get("THRIVE_AUDIT_ANCHOR") or None,
            help="a file, kept off the database server, of the chain's head at each clean run: checked, "
            "then appended to (default: $THRIVE_AUDIT_ANCHOR; none when unset)",
        )

    def handle(self, *args: Any, anchor: Path | None, **options: Any) -> None:
        anchors = read_anchors(anchor) if anchor else {}
        report = verify(anchors, progress=self.progress)
        tables = ", ".join(f"{LINKS[tag].model} {count:,}" for tag, count in sorted(report.tables.items()))
        self.stdout.write(
            f"Audit chain: {report.rows:,} rows ({tables or 'none'}; disclosures naming {report.children:,} "
            f"children) in {report.seconds:.1f} s ({report.cpu_seconds:.1f} s of CPU), "
            f"{report.rate:,.0f} rows/s."
        )
        if report.head:
            self.stdout.write(f"Head: place {report.head[0]:,}, hash {report.head[1]}.")
        if anchors:
            self.stdout.write(f"Checked against {len(anchors)} anchor(s) in {anchor}.")
        if not report.ok:
            for found in report.breaks:
                self.stderr.write(f"BROKEN {found}")
            more = report.broken - len(report.breaks)
            if more > 0:
                self.stderr.write(f"... and {more:,} more.")
            first = report.breaks[0]
            raise CommandError(f"The audit chain is broken: first at {first}.", returncode=1)
        if anchor and write_anchor(anchor, report):
            self.stdout.write(f"Anchored the head in {anchor}.")
        self.stdout.write(self.style.SUCCESS("Every audit row is as written."))

    def progress(self, rows: int, seconds: float) -> None:
        self.stdout.write(f"  {rows:,} rows, {rows / seconds:,.0f} rows/s")
