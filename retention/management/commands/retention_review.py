"""python manage.py retention_review [--on DATE]: the nightly job listing records due for review.

It changes no record: a manager confirms each one on /retention/. Its output counts, never names.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from retention import review


class Command(BaseCommand):
    help = "List the records whose retention period has ended, for a manager to review on /retention/."

    def add_arguments(self, parser):
        parser.add_argument("--on", type=datetime.date.fromisoformat, help="today's date (default: today)")

    def handle(self, *args, on, **options):
        today = on or timezone.localdate()
        due, held = review.list_due(today)
        unknown = sum(1 for keep in review.keep_until().values() if keep.until is None)
        self.stdout.write(
            f"{today}: {due} records due for review, {held} of those due on legal hold; "
            f"{unknown} records without a date of birth cannot be dated."
        )
