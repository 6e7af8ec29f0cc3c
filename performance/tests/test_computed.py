"""Computing the dashboard from case records: a fixed number of queries however many records, and the
timing harness that measures it on a council-sized database."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from frontdoor.models import Referral
from performance import computed, periods, timing
from performance.models import IndicatorValue

pytestmark = pytest.mark.django_db
Q4_2024_25 = periods.parse("Q4 2024/25")


def queries_to_compute_the_quarter() -> int:
    with CaptureQueriesContext(connection) as captured:
        computed.compute_all(Q4_2024_25)
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_records():
    timing.build_case_records(1_500, Q4_2024_25.end, seed=1)
    computed.compute_all(Q4_2024_25)  # figures filed: from now on each is replaced
    few = queries_to_compute_the_quarter()
    timing.build_case_records(6_000, Q4_2024_25.end, seed=2)
    assert queries_to_compute_the_quarter() == few


def test_timing_command_builds_records_and_files_every_computed_figure(capsys):
    call_command("time_performance", "--build", "500", "--runs", "1")
    out = capsys.readouterr().out
    assert "500 referrals on" in out and "8 figures for Q4 2024/25" in out
    assert Referral.objects.count() == 500
    assert IndicatorValue.objects.filter(period_label="Q4 2024/25").count() == 8
    assert timing.time_dashboard(Q4_2024_25, runs=2).figures == 8
