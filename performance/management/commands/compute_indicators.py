from django.core.management.base import BaseCommand, CommandError

from ... import computed, periods


class Command(BaseCommand):
    help = (
        "Compute every indicator that has a registered computation for a quarter, and list those that have "
        "none."
    )

    def add_arguments(self, parser):
        parser.add_argument("period", help="A quarter, e.g. 'Q4 2024/25'.")

    def handle(self, period, **options):
        try:
            quarter = periods.parse(period)
        except periods.PeriodError as error:
            raise CommandError(str(error)) from None
        if quarter.kind != "quarter":
            raise CommandError(f"'{period}' is not a quarter like Q4 2024/25")
        filed, waiting = computed.compute_all(quarter)
        for value in filed:
            self.stdout.write(f"{value.indicator_code} {value.period_label}: {value.value}")
        self.stdout.write(
            f"{len(filed)} figures computed; {len(waiting)} indicators not yet computable: "
            f"{', '.join(waiting) or 'none'}"
        )
