"""Check returns with the DfE-aligned validators and print the count of each rule that found something."""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from returns import cin, ssda903
from returns.dfe import ValidatorFailed, ValidatorsMissing
from returns.exporting import check, latest_run
from returns.years import LATEST_YEAR, CollectionYear, current_year

BUILDERS = {"cin": cin, "ssda903": ssda903}


class Command(BaseCommand):
    help = (
        "Build each return from today's records, check it with the DfE-aligned validators, and print counts "
        "by rule."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--year",
            type=int,
            action="append",
            help="Collection year named by its reference date (2025 for 2024-25); repeat for more. "
            "Default: the latest year ended and the year in progress.",
        )
        parser.add_argument(
            "--if-unchecked",
            action="store_true",
            help="Only the returns never checked yet (make demo uses this on its first run).",
        )
        parser.add_argument(
            "--return",
            dest="kinds",
            action="append",
            choices=sorted(BUILDERS),
            help="cin or ssda903 (default both).",
        )
        parser.add_argument(
            "--fail-on-errors", action="store_true", help="Exit non-zero if any return has an error."
        )

    def handle(self, *args, **options):
        errors = 0
        latest = current_year()
        for year_number in options["year"] or sorted({latest, min(latest + 1, LATEST_YEAR)}):
            try:
                year = CollectionYear(year_number)
            except ValueError as problem:
                raise CommandError(str(problem)) from problem
            for kind in options["kinds"] or sorted(BUILDERS):
                if options["if_unchecked"] and latest_run(kind, year.year):
                    continue
                try:
                    outcome = check(BUILDERS[kind], year)
                except (ValidatorsMissing, ValidatorFailed, ValueError) as problem:
                    raise CommandError(str(problem)) from problem
                counts = Counter((i.kind, i.rule_code) for i in outcome.issues if not i.not_yet_due)
                waiting = Counter(i.rule_code for i in outcome.issues if i.not_yet_due)
                found = Counter()
                for (kind_found, _), n in counts.items():
                    found[kind_found] += n
                errors += found["error"]
                self.stdout.write(
                    f"{kind} {year.label} ({outcome.run.validator}, {outcome.run.ruleset}, "
                    f"{outcome.count} children, {outcome.run.seconds:.1f} s): {found['error']} errors, "
                    f"{found['query']} queries, {found['defect']} validator defects"
                )
                for (kind_found, code), n in sorted(counts.items()):
                    self.stdout.write(f"  {kind_found:5} {code:10} {n}")
                for code, n in sorted(waiting.items()):
                    self.stdout.write(f"  not yet due {code:10} {n}")
        if errors and options["fail_on_errors"]:
            raise CommandError(f"{errors} error(s)")
