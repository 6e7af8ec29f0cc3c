"""The synthetic council's returns pass the DfE's rules: a demo council must show a clean return.

Queries may remain where real councils have them too (assessments and enquiries running late at
31 March); errors may not. One `tiny` council serves the module.
"""
import datetime

import pytest
from django.db import transaction

from council.scales import SCALES
from council.synthetic.generator import generate
from council.synthetic.tables import flush_thrive_tables
from returns import cin, ssda903
from returns.exporting import validate_only
from returns.years import CollectionYear
from timescales.workdays import reset_default_calendar

YEAR = CollectionYear(2025)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def council(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            generate(1, SCALES["tiny"], YEAR.end)
        reset_default_calendar()
        yield
        with transaction.atomic():
            flush_thrive_tables()
        reset_default_calendar()


def errors(builder):
    outcome = validate_only(builder, YEAR)
    assert outcome.count > 0
    return [str(issue) for issue in outcome.issues if issue.rule.is_error]


def test_the_cin_census_has_no_errors():
    assert errors(cin) == []


def test_the_ssda903_has_no_errors():
    assert errors(ssda903) == []
