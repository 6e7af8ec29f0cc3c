"""python manage.py generate_la --seed N --scale demo|la|large|national [--as-at YYYY-MM-DD] [--replace]"""

import datetime
import time
from collections.abc import Mapping
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from access.models import User
from council.scales import SCALES
from council.synthetic.generator import generate
from council.synthetic.tables import counts, flush_thrive_tables
from people.models import Person
from timescales.workdays import reset_default_calendar

SUMMARY_MODELS = (
    "people.Person",
    "people.Address",
    "people.Relationship",
    "access.User",
    "access.Team",
    "access.Involvement",
    "education.School",
    "access.Share",
    "frontdoor.Contact",
    "frontdoor.Referral",
    "familyhelp.Assessment",
    "familyhelp.FamilyHelpEpisode",
    "protection.ChildProtectionPlan",
    "proceedings.CareProceedings",
)


class Command(BaseCommand):
    help = "Generate a synthetic council: the same seed, scale and as-at date always give the same data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--scale",
            choices=list(SCALES),
            default="demo",
            help="; ".join(f"{s.name}: {s.description}" for s in SCALES.values()),
        )
        parser.add_argument(
            "--as-at",
            type=datetime.date.fromisoformat,
            default=None,
            help="The date the data are as at, YYYY-MM-DD (default today).",
        )
        existing = parser.add_mutually_exclusive_group()
        existing.add_argument(
            "--replace", action="store_true", help="Delete all Thrive data and users first."
        )
        existing.add_argument(
            "--keep-existing",
            action="store_true",
            help="Do nothing if the database already holds people (for `make demo`).",
        )

    def handle(
        self,
        *args: Any,
        seed: int,
        scale: str,
        as_at: datetime.date | None,
        replace: bool,
        keep_existing: bool,
        **options: Any,
    ) -> None:
        chosen = SCALES[scale]
        day = as_at or timezone.localdate()
        holds_people = Person.objects.exists() or User.objects.exists()
        if holds_people and keep_existing:
            self.stdout.write(f"The database already holds {summary(counts())}; keeping it.")
            return
        if holds_people and not replace:
            raise CommandError(
                f"The database already holds {summary(counts())}. "
                "Run with --replace to delete all Thrive data and users and generate afresh."
            )
        self.stdout.write(
            f"Generating {chosen.council_name} ({chosen.name}: {chosen.description}), "
            f"seed {seed}, as at {day:%d %B %Y}"
        )
        started = time.perf_counter()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:  # a bigger page cache for the bulk inserts
                cursor.execute("PRAGMA cache_size = -200000")
        with transaction.atomic():  # all or nothing: a failed --replace leaves the old data
            if replace:
                flush_thrive_tables()
                self.stdout.write(
                    f"  deleted all Thrive data and users in {time.perf_counter() - started:.1f}s"
                )
            council = generate(seed, chosen, day, progress=lambda line: self.stdout.write(f"  {line}"))
        analysed = time.perf_counter()
        with connection.cursor() as cursor:  # fresh statistics, so query plans use the right indexes
            cursor.execute("ANALYZE")
        self.stdout.write(f"  ANALYZE in {time.perf_counter() - analysed:.1f}s")
        reset_default_calendar()  # closure days were bulk-written past the signal that resets it
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {elapsed:.1f}s: {sum(council.written.values()):,} rows, {summary(council.written)}."
            )
        )


def summary(rows_by_model: Mapping[str, int]) -> str:
    shown = [
        f"{rows_by_model[label]:,} {label.split('.')[1]}"
        for label in SUMMARY_MODELS
        if rows_by_model.get(label)
    ]
    return ", ".join(shown) or "no people"
