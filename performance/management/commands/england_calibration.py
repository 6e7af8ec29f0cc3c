"""manage.py england_calibration [--as-at 2025-03-31]: the generated council beside England's figures."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from performance.calibration import england_care, england_journey
from performance.calibration.figures import TOLERANCE

HEADINGS = ("figure", "council", "England", "unit", "within", "source")


def _number(value: float) -> str:
    return f"{value:,.1f}"


class Command(BaseCommand):
    help = (
        "Print each calibration figure of the generated council beside England's published figure "
        "(scaled to the council's children), its source and whether it is within 15%."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--as-at",
            default="",
            help="The day the figures are at (YYYY-MM-DD); default: the 31 March on or before today.",
        )

    def handle(self, *args, as_at="", **options):
        day = self._as_at(as_at)
        rows = england_journey.figures(day) + england_care.figures(day)
        label_width = max(len(HEADINGS[0]), *(len(f.label) for f in rows)) if rows else len(HEADINGS[0])
        unit_width = max(len(HEADINGS[3]), *(len(f.unit) for f in rows)) if rows else len(HEADINGS[3])
        self.stdout.write(f"As at {day:%-d %B %Y}; within means within {TOLERANCE:.0%} of the reference.")
        self.stdout.write(
            f"{HEADINGS[0]:<{label_width}}  {HEADINGS[1]:>9}  {HEADINGS[2]:>9}  "
            f"{HEADINGS[3]:<{unit_width}}  {HEADINGS[4]:<6}  {HEADINGS[5]}"
        )
        for f in rows:
            self.stdout.write(
                f"{f.label:<{label_width}}  {_number(f.value):>9}  {_number(f.reference):>9}  "
                f"{f.unit:<{unit_width}}  {'yes' if f.within else 'NO':<6}  {f.source}"
            )
        outside = sum(not f.within for f in rows)
        self.stdout.write(f"{len(rows) - outside} of {len(rows)} figures within {TOLERANCE:.0%}.")

    @staticmethod
    def _as_at(text: str) -> datetime.date:
        if not text:
            today = datetime.date.today()
            return datetime.date(today.year if today.month > 3 else today.year - 1, 3, 31)
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise CommandError(f"--as-at: '{text}' is not a date like 2025-03-31") from None
