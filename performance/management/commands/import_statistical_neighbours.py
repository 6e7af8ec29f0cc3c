from django.core.management.base import BaseCommand

from ... import benchmarks
from ...tables import TableError
from ._common import read_bytes, table_error


class Command(BaseCommand):
    help = "Load statistical neighbours (la_code, neighbour_code, rank), replacing each listed LA's list."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        try:
            count = benchmarks.import_neighbours(read_bytes(file), file)
        except TableError as error:
            raise table_error(error) from None
        self.stdout.write(self.style.SUCCESS(f"{file}: {count} neighbour links loaded."))
