from django.core.management.base import BaseCommand

from ... import importer
from ...tables import TableError
from ._common import read_bytes, table_error, user_named


class Command(BaseCommand):
    help = "Load indicator figures from a CSV or Excel file (columns in docs/performance.md); all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", help="Username to record as the person who loaded the figures.")

    def handle(self, file, user=None, **options):
        try:
            result = importer.import_file(read_bytes(file), file, user_named(user))
        except TableError as error:
            raise table_error(error) from None
        self.stdout.write(self.style.SUCCESS(f"{file}: {result}."))
