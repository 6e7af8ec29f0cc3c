from django.core.management.base import BaseCommand

from ... import benchmarks
from ...tables import TableError
from ._common import read_bytes, table_error


class Command(BaseCommand):
    help = "Load national local-authority values (la_code, la_name, indicator, year, value); all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        try:
            result = benchmarks.import_benchmarks(read_bytes(file), file)
        except TableError as error:
            raise table_error(error) from None
        self.stdout.write(self.style.SUCCESS(f"{file}: {result}."))
