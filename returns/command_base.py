"""What the export commands share: the year, the output, the issue list and overriding errors."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from .exporting import ExportBlocked, export
from .years import CollectionYear


class ExportCommand(BaseCommand):
    builder = None  # the return's module: cin or ssda903
    out_help = ""

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True,
                            help="Collection year named by its reference date: 2025 means 1 April 2024 to 31 March 2025.")
        parser.add_argument("--out", required=True, help=self.out_help)
        parser.add_argument("--override-errors", metavar="REASON", default="",
                            help="Record this reason against every blocking error, then export.")
        parser.add_argument("--user", help="Username the override is recorded for (required with --override-errors).")
        parser.add_argument("--quiet", action="store_true", help="Do not list queries, only errors and the summary.")

    def handle(self, *args, **options):
        try:
            year = CollectionYear(options["year"])
        except ValueError as error:
            raise CommandError(str(error))
        user = None
        if options["override_errors"]:
            if not options["user"]:
                raise CommandError("Give --user: an override records who gave the reason.")
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"There is no user {options['user']}.")
        try:
            outcome = export(self.builder, year, options["out"], override_reason=options["override_errors"], user=user)
        except ExportBlocked as blocked:
            for issue in blocked.issues:
                self.stderr.write(str(issue))
            raise CommandError(f"Not exported: {len(blocked.issues)} error(s) need correcting, or a reason given "
                               "with --override-errors.")
        except ValueError as error:
            raise CommandError(str(error))
        errors = [i for i in outcome.issues if i.rule.is_error]
        queries = [i for i in outcome.issues if not i.rule.is_error]
        for issue in errors + ([] if options["quiet"] else queries):
            self.stdout.write(str(issue))
        self.stdout.write(f"Wrote {options['out']}: {outcome.count} children, {year}; "
                          f"{len(errors)} overridden error(s), {len(queries)} queries.")


IMPORT_ACCOUNT = "returns-import"


def importing_user(username=None):
    """The named user, or a sign-in-less account that stands for imports run without one."""
    users = get_user_model().objects
    if username:
        user = users.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user {username}.")
        return user
    user, made = users.get_or_create(username=IMPORT_ACCOUNT, defaults={"is_active": False,
                                                                        "first_name": "Statutory return import"})
    if made:
        user.set_unusable_password()
        user.save()
    return user
