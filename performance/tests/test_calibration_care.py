"""The children in care and care leavers calibration table (performance.calibration.england_care) on a
generated
`tiny` council: every figure is there, a number beside its reference, with a source."""

import datetime
import math

import pytest
from django.db import transaction

from council.scales import SCALES
from council.synthetic.generator import generate
from council.synthetic.tables import flush_thrive_tables
from performance.calibration import england_care
from performance.calibration.figures import Figure
from timescales.workdays import reset_default_calendar

AS_AT = datetime.date(2025, 3, 31)
LABELS = (
    "Returned home, back in care within 5 years",
    "In care at 31 March with an open CIN episode",
    "Started to be looked after: under 1",
    "Started to be looked after: aged 16 or 17",
    "Looked after at 31 March: aged 16 or over",
    "Looked after at 31 March: section 20",
    "Looked after at 31 March: foster placements",
    "Looked after at 31 March: supported accommodation",
    "Looked after at 31 March: children's homes",
    "Looked after at 31 March: placed outside the council",
    "Care leavers 17 to 21 in touch",
    "Adopted in the year: months from entering care",
)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def council(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            generate(1, SCALES["tiny"], AS_AT)
        reset_default_calendar()
        yield
        with transaction.atomic():
            flush_thrive_tables()
        reset_default_calendar()


def test_every_figure_is_a_number_beside_its_reference(council):
    figures = england_care.figures(AS_AT)
    assert [next(label for label in LABELS if f.label.startswith(label)) for f in figures] == list(LABELS)
    for figure in figures:
        assert isinstance(figure, Figure)
        assert math.isfinite(figure.value) and figure.value >= 0 and figure.reference > 0
        assert figure.unit in ("%", "months") and figure.source
        assert figure.unit != "%" or figure.value <= 100
    open_cin = next(f for f in figures if f.label.startswith("In care at 31 March with an open CIN episode"))
    assert open_cin.value == 100.0


def test_within_is_fifteen_percent_of_the_reference():
    assert Figure("x", 34.4, 30.0, "%", "s").within and not Figure("x", 34.6, 30.0, "%", "s").within
    assert Figure("x", 25.6, 30.0, "%", "s").within and not Figure("x", 25.4, 30.0, "%", "s").within
