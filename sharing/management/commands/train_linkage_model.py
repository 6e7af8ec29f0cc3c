"""python manage.py train_linkage_model: estimate the Splink model from the council's people and records."""

import time

from django.core.management.base import BaseCommand

from sharing.linkage import linking


class Command(BaseCommand):
    help = "Train the record linkage model (Splink on DuckDB) on the council's people and partner records."

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-pairs",
            type=float,
            default=2e6,
            help="Random pairs sampled to estimate how often fields agree by chance (default 2e6).",
        )

    def handle(self, *args, max_pairs, **options):
        started = time.perf_counter()
        trained = linking.train(max_pairs=max_pairs)
        self.stdout.write(
            self.style.SUCCESS(
                f"Trained on {trained.people:,} people and {trained.records:,} partner records "
                f"in {time.perf_counter() - started:.1f}s."
            )
        )
