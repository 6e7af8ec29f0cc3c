"""python manage.py data_checksum: a SHA-256 of all Thrive data, to check a generated council is
reproducible."""

from typing import Any

from django.core.management.base import BaseCommand

from council.synthetic.tables import checksum


class Command(BaseCommand):
    help = (
        "Print a SHA-256 over every Thrive table's rows in id order (wall-clock timestamps and history left "
        "out)."
    )

    def handle(self, *args: Any, verbosity: int, **options: Any) -> None:
        def progress(label: str, rows: int) -> None:
            if verbosity > 1:
                self.stdout.write(f"{label}: {rows:,} rows")

        self.stdout.write(checksum(progress))
