"""python manage.py education_calibration: the generated council's education figures beside
Leicestershire's."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from education.calibration import lines


class Command(BaseCommand):
    help = (
        "Print the education and inclusion figures (as the report and dashboard compute them) beside seed "
        "004's."
    )

    def handle(self, *args, **options):
        for line in lines(timezone.localdate()):
            self.stdout.write(f"{line.label:<68} {line.value:<34} seed 004: {line.reference}")
