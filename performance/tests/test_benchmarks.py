"""Quartiles with polarity and ties, England and neighbour averages, and loading national files."""

import datetime
from decimal import Decimal as D

import pytest

from performance import benchmarks, registry
from performance.definitions import Polarity
from performance.models import BenchmarkValue, StatisticalNeighbour
from performance.tables import TableError

OTHERS = [D(v) for v in (10, 20, 30, 40, 50, 60, 70)]  # seven others: with the council, 8


@pytest.mark.parametrize(
    "value, high_good, low_good",
    [
        # others are 10, 20 ... 70, so with the council n = 8 and quartile = ceil(4 * rank / 8)
        ("85", 1, 4),  # high good: rank 1; low good: 7 smaller, rank 8
        ("65", 1, 4),  # high good: 70 is bigger, rank 2 -> ceil(1) = 1; low good: rank 7 -> ceil(3.5) = 4
        ("55", 2, 3),  # rank 3 -> ceil(1.5) = 2; low good: rank 6 -> 3
        ("35", 3, 2),  # rank 5 -> ceil(2.5) = 3; low good: rank 4 -> 2
        ("5", 4, 1),
    ],
)
def test_quartile_respects_polarity(value, high_good, low_good):
    assert benchmarks.quartile(D(value), OTHERS, Polarity.HIGH_GOOD)[0] == high_good
    assert benchmarks.quartile(D(value), OTHERS, Polarity.LOW_GOOD)[0] == low_good


def test_ties_share_the_best_rank():
    others = [D(50), D(50), D(50), D(10), D(10), D(10), D(10)]
    q, rank, n = benchmarks.quartile(D(50), others, Polarity.HIGH_GOOD)
    assert (q, rank, n) == (1, 1, 8)  # four authorities tie at the top: all rank 1, all in the 1st quartile
    q, rank, n = benchmarks.quartile(D(10), others, Polarity.HIGH_GOOD)
    assert (q, rank) == (2, 4)  # the 10s share rank 4 of 8: ceil(16/8) = 2, so the five 10s sit in the 2nd


def test_boundaries_with_a_remainder():
    # 10 authorities: ranks 1-2 -> 1st (ceil(0.4), ceil(0.8)), 3-5 -> 2nd, 6-7 -> 3rd, 8-10 -> 4th
    others = [D(v) for v in range(1, 10)]  # 1..9, council ranks by how many are bigger
    by_rank = {10 - v: benchmarks.quartile(D(v) + D("0.5"), others, Polarity.HIGH_GOOD)[0] for v in range(10)}
    assert [by_rank[r] for r in range(1, 11)] == [1, 1, 2, 2, 2, 3, 3, 4, 4, 4]


def test_no_quartile_without_polarity():
    assert benchmarks.quartile(D(5), OTHERS, Polarity.NONE)[0] is None


NATIONAL = """la_code,la_name,indicator,year,value
E92000001,England,re_referrals,2023/24,22.4
A01,Aford,re_referrals,2023/24,18.0
A02,Bford,re_referrals,2023/24,20.0
A03,Cford,re_referrals,2023/24,22.0
A04,Dford,re_referrals,2023/24,24.0
A05,Eford,re_referrals,2023/24,x
A06,Fford,re_referrals,2023/24,30.0
ZZZ,Our council,re_referrals,202324,19.0
A01,Aford,not_a_thrive_indicator,2023/24,5
"""
NEIGHBOURS = "la_code,neighbour_code,rank\nZZZ,A01,1\nZZZ,A04,2\nZZZ,A05,3\n"


@pytest.fixture
def national(db):
    benchmarks.import_benchmarks(NATIONAL.encode(), "national.csv")
    benchmarks.import_neighbours(NEIGHBOURS.encode(), "neighbours.csv")


def test_import_reads_dfe_years_suppression_and_skips_unknown_indicators(db):
    result = benchmarks.import_benchmarks(NATIONAL.encode(), "national.csv")
    assert result.values == 8 and result.skipped_indicators == ("not_a_thrive_indicator",)
    assert BenchmarkValue.objects.get(la_code="A05").value is None
    assert BenchmarkValue.objects.get(la_code="ZZZ").year == "2023/24"


def test_council_quartile_england_and_neighbour_averages(national):
    indicator = registry.get("CSC_RE_REFERRALS")  # low is good
    found = benchmarks.benchmarks_for([(indicator, D("26.4"), datetime.date(2025, 3, 31))], la_code="ZZZ")
    b = found["CSC_RE_REFERRALS"]
    # others (not England, not suppressed, not our own 19.0): 18, 20, 22, 24, 30; 26.4 is beaten by 4 -> rank
    # 5 of 6
    assert (b.year, b.rank, b.out_of, b.quartile) == ("2023/24", 5, 6, 4)
    assert b.england_average == D("22.4")  # England's own row, not a mean of authorities
    assert b.neighbour_average == D(21)  # (18 + 24) / 2: the suppressed neighbour is left out


def test_benchmark_year_must_have_ended_by_the_period(national):
    indicator = registry.get("CSC_RE_REFERRALS")
    assert benchmarks.benchmarks_for([(indicator, D(20), datetime.date(2024, 3, 30))], la_code="ZZZ") == {}


def test_benchmark_errors_name_row_and_column_and_load_nothing(db):
    bad = (
        "la_code,la_name,indicator,year,value\n"
        "A01,Aford,re_referrals,2023/24,18\n"
        "A02,,re_referrals,2023,abc\n"
    )
    with pytest.raises(TableError) as caught:
        benchmarks.import_benchmarks(bad.encode(), "bad.csv")
    assert [str(e) for e in caught.value.errors] == [
        "row 3, column 'la_name': is blank",
        "row 3, column 'year': '2023' is not a period like Q4 2024/25, 2023/24 or Autumn 2023",
        "row 3, column 'value': 'abc' is not a number (or a suppression mark such as x or c)",
    ]
    assert not BenchmarkValue.objects.exists()


def test_neighbour_errors(db):
    bad = "la_code,neighbour_code,rank\nA01,A01,1\nA01,A02,11\n"
    with pytest.raises(TableError) as caught:
        benchmarks.import_neighbours(bad.encode(), "bad.csv")
    assert [str(e) for e in caught.value.errors] == [
        "row 2, column 'neighbour_code': A01 cannot be its own neighbour",
        "row 3, column 'rank': '11' is not a whole number from 1 to 10",
    ]
    assert not StatisticalNeighbour.objects.exists()
