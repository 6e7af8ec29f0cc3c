from django.core.management.base import BaseCommand, CommandError

from returns.cin.load import import_file
from returns.command_base import importing_user


class Command(BaseCommand):
    help = "Import past CIN census XML files: people and their CIN episodes. Each file is all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+")
        parser.add_argument("--user", help="Who the imported records are recorded as created by.")

    def handle(self, *args, **options):
        user = importing_user(options["user"])
        failed = False
        for path in options["files"]:
            count, problems = import_file(path, user)
            for problem in problems:
                self.stderr.write(str(problem))
            failed |= bool(problems)
            self.stdout.write(
                f"{path}: "
                + (f"not imported, {len(problems)} problem(s)" if problems else f"{count} children imported")
            )
        if failed:
            raise CommandError(
                "Some files were not imported: correct the problems listed and import them again."
            )
