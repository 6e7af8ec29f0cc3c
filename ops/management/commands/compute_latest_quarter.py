"""python manage.py compute_latest_quarter: the nightly dashboard job (ops/schedule.py)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from performance import computed, periods


class Command(BaseCommand):
    help = (
        "Compute every computable indicator for the last quarter that has ended (or the one ended by --on)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--on", type=datetime.date.fromisoformat, help="today's date (default: today)")

    def handle(self, *args, on, **options):
        today = on or timezone.localdate()
        quarter = periods.previous(periods.quarter_containing(today))
        filed, waiting = computed.compute_all(quarter)
        self.stdout.write(
            f"{quarter.label}: {len(filed)} figures computed; {len(waiting)} not yet computable."
        )
