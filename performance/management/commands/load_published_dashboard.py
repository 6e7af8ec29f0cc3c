from django.core.management.base import BaseCommand, CommandError

from ... import consistency, published
from ...tables import TableError
from ._common import table_error, user_named


class Command(BaseCommand):
    help = (
        "Load a published scrutiny dashboard (tab-separated, as printed) and list where it disagrees with "
        "the rules."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--period", help="The quarter it reports, e.g. 'Q4 2024/25' (default: read from the rows)."
        )
        parser.add_argument("--user", help="Username to record as the person who loaded it.")

    def handle(self, path, period=None, user=None, **options):
        try:
            result = published.load_file(path, period, user_named(user))
        except TableError as error:
            raise table_error(error) from None
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        self.stdout.write(self.style.SUCCESS(str(result)))
        checked = consistency.check(result.dashboard)
        for label, summary in (
            ("printed", consistency.printed_summary(checked)),
            ("by the rules", consistency.computed_summary(checked)),
        ):
            counts = summary.as_tuples()
            self.stdout.write(
                f"Counters {label}: improve/no change/worse/n.a. {counts['dot']}; green/amber/red/n.a. "
                f"{counts['rag']}; "
                f"quartiles 1st-4th/n.a. {counts['quartile']}"
            )
        found = [f for c in checked for f in c.findings]
        self.stdout.write(f"{len(found)} inconsistencies:")
        for finding in found:
            self.stdout.write(
                f"  row {finding.position} {finding.printed_name}: {finding.heading}. {finding.message}"
            )
