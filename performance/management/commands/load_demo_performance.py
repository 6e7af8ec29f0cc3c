"""python manage.py load_demo_performance: the demo council's dashboard, ready to read.

Computes the last eight ended quarters from the generated council's case records (as at its as-at
date), and loads the synthetic benchmark and statistical neighbour samples, so the demo shows trends,
quartiles and neighbour averages. What is already held is kept: run on an existing demo, it adds nothing.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from council.models import LocalAuthority

from ... import benchmarks, computed
from ...forms import ended_quarters
from ...models import BenchmarkValue, IndicatorValue, Origin, StatisticalNeighbour
from ...sample_data import SAMPLES_DIR

DAY = datetime.timedelta(days=1)


class Command(BaseCommand):
    help = (
        "Compute the demo council's last eight quarters and load the benchmark samples, unless already held."
    )

    def handle(self, **options):
        council = LocalAuthority.objects.first()
        if council is None or council.synthetic_as_at is None:
            raise CommandError("No generated council: run generate_la first")
        if not BenchmarkValue.objects.exists():
            result = benchmarks.import_benchmarks(
                (SAMPLES_DIR / "benchmarks_sample.csv").read_bytes(), "benchmarks_sample.csv"
            )
            self.stdout.write(f"Synthetic benchmarks: {result}.")
        if not StatisticalNeighbour.objects.exists():
            links = benchmarks.import_neighbours(
                (SAMPLES_DIR / "statistical_neighbours_sample.csv").read_bytes(),
                "statistical_neighbours_sample.csv",
            )
            self.stdout.write(f"Synthetic statistical neighbours: {links} links.")
        if IndicatorValue.objects.filter(origin=Origin.COMPUTED).exists():
            self.stdout.write("Computed figures are already held: kept.")
            return
        for quarter in reversed(
            ended_quarters(council.synthetic_as_at + DAY)
        ):  # the as-at day's records are complete
            filed, _ = computed.compute_all(quarter)
            self.stdout.write(f"{quarter.label}: {len(filed)} figures computed.")
