from django.core.management.base import BaseCommand, CommandError

from returns.command_base import importing_user
from returns.ssda903.load import import_folder
from returns.years import CollectionYear


class Command(BaseCommand):
    help = "Import a past SSDA903 return from a folder of CSV files. Each file is all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument(
            "--year",
            type=int,
            required=True,
            help="The collection year the files are for (2025 for 2024-25).",
        )
        parser.add_argument("--user", help="Who the imported records are recorded as created by.")

    def handle(self, *args, **options):
        try:
            year = CollectionYear(options["year"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        results = import_folder(options["folder"], year, importing_user(options["user"]))
        if not results:
            raise CommandError(f"No 903 files found in {options['folder']}.")
        for file, count, problems in results:
            for problem in problems:
                self.stderr.write(str(problem))
            self.stdout.write(
                f"{file}: "
                + (f"not imported, {len(problems)} problem(s)" if problems else f"{count} rows imported")
            )
        if any(problems for _, _, problems in results):
            raise CommandError(
                "Some files were not imported: correct the problems listed and import them again."
            )
