"""Due dates in these tests count working days on the council calendar, so start each test from a fresh one."""
from timescales.tests.conftest import fresh_default_calendar  # noqa: F401
