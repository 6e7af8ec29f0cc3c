"""What the export commands share: the year, the output, the issue list and overriding errors."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from .dfe import ValidatorFailed, ValidatorsMissing
from .exporting import ExportBlocked, export
from .wording import describe
from .years import CollectionYear


class ExportCommand(BaseCommand):
    builder = None  # the return's module: cin or ssda903
    out_help = ""

    def add_arguments(self, parser):
        parser.add_argument(
            "--year",
            type=int,
            required=True,
            help="Collection year named by its reference date: 2025 means 1 April 2024 to 31 March 2025.",
        )
        parser.add_argument("--out", required=True, help=self.out_help)
        parser.add_argument(
            "--override-errors",
            metavar="REASON",
            default="",
            help="Record this reason against every blocking error, then export.",
        )
        parser.add_argument(
            "--user", help="Username the override is recorded for (required with --override-errors)."
        )
        parser.add_argument(
            "--quiet", action="store_true", help="Do not list queries, only errors and the summary."
        )
        parser.add_argument(
            "--without-validators",
            action="store_true",
            help="Write the return without checking it (the DfE-aligned validators are not installed).",
        )

    def handle(self, *args, **options):
        try:
            year = CollectionYear(options["year"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        user = None
        if options["override_errors"]:
            if not options["user"]:
                raise CommandError("Give --user: an override records who gave the reason.")
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"There is no user {options['user']}.")
        try:
            outcome = export(
                self.builder,
                year,
                options["out"],
                override_reason=options["override_errors"],
                user=user,
                validate=not options["without_validators"],
            )
        except ExportBlocked as blocked:
            rules = blocked.issues[0].run.rules
            for issue in blocked.issues:
                self.stderr.write(describe(issue, rules[issue.rule_code]["message"]))
            raise CommandError(
                f"Not exported: {len(blocked.issues)} error(s) need correcting, or a reason given "
                "with --override-errors."
            ) from blocked
        except (ValueError, ValidatorsMissing, ValidatorFailed) as error:
            raise CommandError(str(error)) from error
        if outcome.run is None:
            self.stdout.write(
                f"Wrote {options['out']}: {outcome.count} children, {year}; NOT checked with "
                "the DfE-aligned validators."
            )
            return
        rules = outcome.run.rules
        for issue in outcome.errors + ([] if options["quiet"] else outcome.queries):
            self.stdout.write(describe(issue, rules[issue.rule_code]["message"]))
        waiting = len(outcome.issues) - len(outcome.errors) - len(outcome.queries)
        self.stdout.write(
            f"Wrote {options['out']}: {outcome.count} children, {year}; checked with "
            f"{outcome.run.validator} ({outcome.run.ruleset}): {len(outcome.errors)} "
            f"overridden error(s), {len(outcome.queries)} queries"
            + (f", {waiting} not yet due." if waiting else ".")
        )


IMPORT_ACCOUNT = "returns-import"


def importing_user(username=None):
    """The named user, or a sign-in-less account that stands for imports run without one."""
    users = get_user_model().objects
    if username:
        user = users.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user {username}.")
        return user
    user, made = users.get_or_create(
        username=IMPORT_ACCOUNT, defaults={"is_active": False, "first_name": "Statutory return import"}
    )
    if made:
        user.set_unusable_password()
        user.save()
    return user
