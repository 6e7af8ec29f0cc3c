from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ... import computed, exports, periods, snapshots
from ... import report as reports
from ...models import Snapshot


class Command(BaseCommand):
    help = (
        "Write the quarterly performance report (narrative and dashboard table) as JSON, CSV, Excel, "
        "HTML or PDF, from the figures held or from a frozen snapshot."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", help="A quarter, e.g. 'Q4 2024/25'.")
        parser.add_argument(
            "--snapshot", type=int, help="The number of a frozen report, instead of --period."
        )
        parser.add_argument("--format", choices=sorted(exports.FORMATS), required=True)
        parser.add_argument("--out", required=True, help="The file to write.")
        parser.add_argument(
            "--compute",
            action="store_true",
            help="Compute the indicators from case records first (otherwise the figures held are used).",
        )

    def handle(self, period=None, snapshot=None, format=None, out=None, compute=False, **options):
        if bool(period) == bool(snapshot):
            raise CommandError("Give either --period or --snapshot.")
        if snapshot:
            try:
                report = snapshots.report(Snapshot.objects.get(pk=snapshot))
            except Snapshot.DoesNotExist:
                raise CommandError(f"No frozen report number {snapshot}") from None
        else:
            try:
                quarter = periods.parse(period)
            except periods.PeriodError as error:
                raise CommandError(str(error)) from None
            if quarter.kind != "quarter":
                raise CommandError(f"'{period}' is not a quarter like Q4 2024/25")
            if compute:
                filed, waiting = computed.compute_all(quarter)
                self.stdout.write(
                    f"{len(filed)} figures computed; not yet computable: {', '.join(waiting) or 'none'}"
                )
            report = reports.build(quarter)
        try:
            Path(out).write_bytes(exports.FORMATS[format].render(report))
        except OSError as error:
            raise CommandError(f"Cannot write {out}: {error.strerror}") from None
        self.stdout.write(f"{report.period.label} report ({len(report.lines)} indicators) written to {out}")
