import platform

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from frontdoor.models import Referral

from ... import periods, timing
from ...models import IndicatorValue


class Command(BaseCommand):
    help = (
        "Time computing the whole dashboard for a quarter from case records; with --build N, first load N "
        "referrals and the records around them (for a database of its own, never a council's)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", default="Q4 2024/25", help="A quarter, e.g. 'Q4 2024/25'.")
        parser.add_argument("--build", type=int, metavar="REFERRALS", help="Load this many referrals first.")
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, period, build=None, runs=5, **options):
        quarter = periods.parse(period)
        if build:
            if Referral.objects.exists():
                raise CommandError("This database already holds referrals: --build needs an empty one.")
            timing.build_case_records(build, quarter.end)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # planner statistics, as autovacuum keeps them on a live database
        result = timing.time_dashboard(quarter, runs)
        self.stdout.write(
            f"{Referral.objects.count():,} referrals on {connection.vendor} "
            f"({platform.processor() or platform.machine()}, "
            f"Python {platform.python_version()}): {result.figures} figures for {quarter.label} in a median "
            f"{result.median:.2f} s over {runs} runs (min {min(result.runs):.2f}, max "
            f"{max(result.runs):.2f}), "
            f"{result.queries} queries; "
            f"{IndicatorValue.objects.filter(period_label=quarter.label).count()} filed."
        )
