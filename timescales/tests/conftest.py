import pytest

from timescales.workdays import reset_default_calendar


@pytest.fixture(autouse=True)
def fresh_default_calendar():
    """Test transactions roll back without signals, so drop the cached calendar around each test."""
    reset_default_calendar()
    yield
    reset_default_calendar()
