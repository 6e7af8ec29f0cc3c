"""python manage.py journey_calibration "Q4 2024/25": the generated journeys beside the reference council."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from performance.calibration.leicestershire import report


class Command(BaseCommand):
    help = "Print the journey figures for a quarter (the dashboard's computations) beside Leicestershire's."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("quarter", help="A quarter, e.g. 'Q4 2024/25'.")

    def handle(self, *args: Any, quarter: str, **options: Any) -> None:
        for line in report(quarter):
            reference = f"   reference: {line.reference}" if line.reference else ""
            self.stdout.write(f"{line.label:<50} {line.value:<28}{reference}")
