import pytest

from timescales.workdays import reset_default_calendar


@pytest.fixture(autouse=True)
def fresh_default_calendar():
    """Generated councils bring closure days that rolled-back tests leave behind in the cached calendar."""
    reset_default_calendar()
    yield
    reset_default_calendar()
