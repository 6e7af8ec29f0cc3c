import datetime

from django.core.management.base import BaseCommand

from returns import annex_a


class Command(BaseCommand):
    help = "Write Ofsted's Annex A lists (1 to 11) as at a date, as an Excel workbook."

    def add_arguments(self, parser):
        parser.add_argument("--as-at", required=True, type=datetime.date.fromisoformat, help="YYYY-MM-DD")
        parser.add_argument("--out", required=True, help="The .xlsx file to write.")

    def handle(self, *args, **options):
        counts = annex_a.write(options["out"], options["as_at"])
        for title, count in counts.items():
            self.stdout.write(f"{title}: {count} rows")
        self.stdout.write(f"Wrote {options['out']}")
