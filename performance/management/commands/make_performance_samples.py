from pathlib import Path

from django.core.management.base import BaseCommand

from ...sample_data import SAMPLES_DIR, write_samples


class Command(BaseCommand):
    help = (
        "Write the synthetic benchmark, statistical-neighbour and figures samples (invented data) "
        "deterministically."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", default=str(SAMPLES_DIR), help="Directory to write to (default: performance/samples)."
        )
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, out, seed, **options):
        for path in write_samples(Path(out), seed):
            self.stdout.write(f"Wrote {path}")
