"""The management commands, and the synthetic samples they ship."""

import datetime
import filecmp

import pytest
from django.core.management import CommandError, call_command

from council.models import LocalAuthority
from performance import dashboard, periods, sample_data, timing
from performance.models import BenchmarkValue, IndicatorValue, PublishedDashboard, StatisticalNeighbour

from .conftest import Q3_2023_24

pytestmark = pytest.mark.django_db
SAMPLES = sample_data.SAMPLES_DIR


def test_import_indicator_values(capsys, analyst):
    call_command("import_indicator_values", str(SAMPLES / "indicator_values_sample.csv"), "--user", "analyst")
    assert "5 figures added, 0 replaced" in capsys.readouterr().out
    assert IndicatorValue.objects.filter(loaded_by=analyst).count() == 5


def test_import_indicator_values_reports_rows_and_loads_nothing(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,period,value\nEHE,Q4 2024/25,1\nEHE,Q3 2024/25,abc\n")
    with pytest.raises(CommandError, match=r"row 3, column 'value': 'abc' is not a number"):
        call_command("import_indicator_values", str(bad))
    assert not IndicatorValue.objects.exists()


def test_load_published_dashboard_prints_counters_and_findings(capsys):
    call_command("load_published_dashboard", str(Q3_2023_24))
    out = capsys.readouterr().out
    assert "Published dashboard Q3 2023/24: 30 rows loaded" in out
    assert "quartiles 1st-4th/n.a. (3, 6, 9, 4, 8)" in out
    assert "18 inconsistencies:" in out
    assert PublishedDashboard.objects.get().period_label == "Q3 2023/24"


def test_samples_are_generated_deterministically_and_match_the_shipped_files(tmp_path):
    call_command("make_performance_samples", "--out", str(tmp_path))
    for name in ("benchmarks_sample.csv", "statistical_neighbours_sample.csv", "indicator_values_sample.csv"):
        assert filecmp.cmp(tmp_path / name, SAMPLES / name, shallow=False), name


def test_sample_authorities_are_invented():
    las = sample_data.authorities()
    assert len(las) == 153 and len({code for code, _ in las}) == 153
    assert all(code.startswith("Z") or code in sample_data.SYNTHETIC_COUNCILS for code, _ in las)


def test_sample_benchmarks_give_the_synthetic_council_quartiles(settings, capsys):
    settings.THRIVE_PERFORMANCE = {"LA_CODE": "991"}
    call_command("import_benchmarks", str(SAMPLES / "benchmarks_sample.csv"))
    call_command("import_statistical_neighbours", str(SAMPLES / "statistical_neighbours_sample.csv"))
    out = capsys.readouterr().out
    assert "benchmark values loaded" in out and "1530 neighbour links loaded" in out
    assert StatisticalNeighbour.objects.filter(la_code="991").count() == 10
    assert BenchmarkValue.objects.filter(la_code="E92000001").exists()
    call_command("import_indicator_values", str(SAMPLES / "indicator_values_sample.csv"))
    row = next(
        r for r in dashboard.build(periods.parse("Q1 2025/26")).rows if r.indicator.code == "CSC_RE_REFERRALS"
    )
    assert row.quartile_source == dashboard.FROM_BENCHMARKS and row.quartile in (1, 2, 3, 4)
    assert row.neighbour_average is not None and row.england_average is not None


def test_load_demo_performance_computes_eight_quarters_once(capsys):
    with pytest.raises(CommandError, match="No generated council"):
        call_command("load_demo_performance")
    as_at = datetime.date(2025, 3, 31)
    LocalAuthority.objects.create(name="Synthetic", dfe_code="999", synthetic_seed=1, synthetic_as_at=as_at)
    timing.build_case_records(300, as_at, seed=1)
    call_command("load_demo_performance")
    out = capsys.readouterr().out
    assert (
        "Q1 2023/24: 8 figures computed." in out and "Q4 2024/25: 8 figures computed." in out
    )  # as-at day complete
    assert "Q4 2022/23" not in out
    assert BenchmarkValue.objects.exists() and StatisticalNeighbour.objects.exists()
    held = IndicatorValue.objects.count()
    call_command("load_demo_performance")
    assert "already held: kept" in capsys.readouterr().out and IndicatorValue.objects.count() == held
