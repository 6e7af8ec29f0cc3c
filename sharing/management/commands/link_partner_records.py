"""python manage.py link_partner_records [--train-if-needed] [--duplicates]: link what awaits matching."""

import time

from django.core.management.base import BaseCommand, CommandError

from sharing.linkage import linking
from sharing.models import LinkageModel


class Command(BaseCommand):
    help = (
        "Link partner records awaiting matching: by NHS number, else with the trained Splink model; "
        "uncertain ones go to the front door's review queue. Run it every few minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--train-if-needed", action="store_true", help="Train a model first if there is none."
        )
        parser.add_argument(
            "--duplicates",
            action="store_true",
            help="Also look for duplicate people and put them on the data-quality worklist.",
        )

    def handle(self, *args, train_if_needed, duplicates, **options):
        started = time.perf_counter()
        if train_if_needed and not LinkageModel.objects.exists():
            trained = linking.train()
            self.stdout.write(
                f"  trained the linkage model on {trained.people:,} people and "
                f"{trained.records:,} records in {time.perf_counter() - started:.1f}s"
            )
        try:
            counts = linking.link_awaiting()
            found = linking.find_duplicates() if duplicates else None
        except linking.NoModel as error:
            raise CommandError(str(error)) from error
        summary = (
            ", ".join(f"{n:,} {label.replace('_', ' ')}" for label, n in sorted(counts.items()))
            or "none waiting"
        )
        self.stdout.write(
            self.style.SUCCESS(f"Partner records linked in {time.perf_counter() - started:.1f}s: {summary}.")
        )
        if found is not None:
            self.stdout.write(f"  {found:,} possible duplicate people added to the data-quality worklist")
