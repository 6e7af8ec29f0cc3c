"""python manage.py linkage_quality [--retrain] [--tuning]: precision and recall by kind of error."""

from django.core.management.base import BaseCommand, CommandError

from sharing.linkage import linking, quality, thresholds


class Command(BaseCommand):
    help = (
        "Link the synthetic council's held-out partner records afresh (nothing saved) and print "
        "precision and "
        "recall of auto-linking for each kind of error, at the thresholds in sharing/linkage/thresholds.py."
    )

    def add_arguments(self, parser):
        parser.add_argument("--retrain", action="store_true", help="Train a new model first.")
        parser.add_argument(
            "--tuning",
            action="store_true",
            help="Measure on the tuning records (used to choose thresholds) instead of the held-out ones.",
        )
        parser.add_argument(
            "--check", action="store_true", help="Fail unless the targets are met on all records."
        )

    def handle(self, *args, retrain, tuning, check, **options):
        try:
            model = linking.train() if retrain else linking.latest_model()
        except linking.NoModel as error:
            raise CommandError(str(error)) from error
        limits = thresholds.get()
        table = quality.measure(model.splink_json, held_out=not tuning)
        if not table["all"].records:
            raise CommandError(
                "There are no synthetic partner records: generate a council with generate_la first."
            )
        self.stdout.write(
            f"{'Tuning' if tuning else 'Held-out'} synthetic partner records, auto-link at match weight "
            f"{limits.auto_link:g} (runner-up {limits.margin:g} behind), review from {limits.review:g}:\n"
        )
        self.stdout.write(quality.format_table(table))
        overall = table["all"]
        met = (overall.precision or 0) >= quality.TARGET_PRECISION and (
            overall.recall or 0
        ) >= quality.TARGET_RECALL
        self.stdout.write(
            f"\nTargets: precision >= {quality.TARGET_PRECISION}, recall >= {quality.TARGET_RECALL}: "
            f"{'met' if met else 'NOT met'}."
        )
        if check and not met:
            raise CommandError("Linkage quality is below its targets.")
