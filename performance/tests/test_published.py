"""The two published dashboards: loaded as printed, counters reproduced exactly, inconsistencies listed.

Printed counters come from the seed papers: Q3 2023/24 report paragraph 5 ("From 22 measures ...
three are in the top quartile, six ... second, nine ... third and four ... bottom"), and the Q4
2024/25 dashboard's own summary boxes (Progress 6/7/5/4, RAG Green 2 Amber 10 Red 1 N/A 9,
Quartiles 1st 1, 2nd 4, 3rd 7, 4th 1, NA 9).
"""

from collections import Counter
from decimal import Decimal as D

import pytest

from performance import consistency, dashboard, periods, published
from performance.models import IndicatorValue, PublishedRow
from performance.rating import Dot, Rag
from performance.tables import TableError

from .conftest import Q4_2024_25

pytestmark = pytest.mark.django_db


def summaries(published_dashboard):
    checked = consistency.check(published_dashboard)
    return consistency.printed_summary(checked), consistency.computed_summary(checked)


def kinds(published_dashboard):
    return Counter(f.kind for f in consistency.findings(published_dashboard))


def messages(published_dashboard, kind):
    return {f.position: f.message for f in consistency.findings(published_dashboard) if f.kind == kind}


# Q3 2023/24 (topic and theme layout)


def test_q3_loads_every_row_as_printed(q3):
    assert q3.period_label == "Q3 2023/24" and q3.layout == published.TOPIC_THEME
    assert q3.rows.count() == 30
    row = q3.rows.get(indicator_code="CSC_CP_REVIEWS_ON_TIME")
    assert row.printed["Previous Value"] == "75.71%" and row.previous_value == D("75.71")
    assert (row.previous_period, row.latest_period, row.target, row.rag, row.quartile) == (
        "Q4 2022/23",
        "Q3 2023/24",
        ">97.2%",
        "red",
        4,
    )
    assert row.neighbour_average == D("88.2")


def test_q3_quartile_counters_are_3_6_9_4_of_22(q3):
    printed, computed = summaries(q3)
    for summary in (printed, computed):
        assert summary.quartile == {1: 3, 2: 6, 3: 9, 4: 4, None: 8}
        assert summary.benchmarked == 22


def test_q3_rag_by_the_rules_matches_every_printed_rag(q3):
    printed, computed = summaries(q3)
    assert printed.rag == computed.rag == {Rag.GREEN: 4, Rag.AMBER: 14, Rag.RED: 4, Rag.NA: 8}
    assert "rag" not in kinds(q3)


def test_q3_direction_of_travel(q3):
    _, computed = summaries(q3)
    assert computed.dot == {Dot.IMPROVE: 14, Dot.NO_CHANGE: 5, Dot.WORSE: 8, Dot.NA: 3}


def test_q3_inconsistencies(q3):
    assert kinds(q3) == {"rag_without_target": 14, "previous_period": 2, "repeated_previous": 1, "trend": 1}
    assert messages(q3, "trend") == {
        15: "Printed 'Decline' but the value rose from 90.2% to 90.3%, which the rules call no change.",
    }
    assert messages(q3, "repeated_previous") == {
        11: "Previous value 66.5% for Q2 2023/24 is also printed for 'Children in care who have had dental "
        "checks within last 12 months (at end of period)'.",
    }
    assert messages(q3, "previous_period") == {
        3: "Compared with Q4 2022/23; the indicator compares with the previous period, Q2 2023/24.",
        30: "Compared with Q3 2022/23; the indicator compares with the previous period, Q2 2023/24.",
    }
    assert (
        messages(q3, "rag_without_target")[19]
        == "Red printed with no target: it follows the national quartile (4th)."
    )


# Q4 2024/25 (area layout)


def test_q4_loads_every_row_as_printed(q4):
    assert q4.period_label == "Q4 2024/25" and q4.layout == published.AREA_LATEST
    assert q4.rows.count() == 22  # the trailing "Youth Justice" label is not a row
    ehe = q4.rows.get(indicator_code="EHE")
    assert (ehe.previous_period, ehe.previous_value) == (
        "Q4 2023/24",
        D(1176),
    )  # a year earlier, as the report says
    sen = q4.rows.get(indicator_code="SEN_SUPPORT_MAINSTREAM")
    assert (sen.latest_period, sen.previous_period) == ("Spring 2025", "Autumn 2024")
    assert q4.rows.get(indicator_code="CSC_RE_REFERRALS").printed["RAG"] == " R"


def test_q4_rag_counters_are_green_2_amber_10_red_1_na_9(q4):
    printed, _ = summaries(q4)
    assert printed.rag == {Rag.GREEN: 2, Rag.AMBER: 10, Rag.RED: 1, Rag.NA: 9}


def test_q4_quartile_counters_are_1_4_7_1_na_9(q4):
    printed, computed = summaries(q4)
    assert printed.quartile == computed.quartile == {1: 1, 2: 4, 3: 7, 4: 1, None: 9}
    assert printed.benchmarked == 13  # "From 13 measures reported that have a national benchmark"


def test_q4_rules_rate_neet_green_against_its_target(q4):
    _, computed = summaries(q4)
    assert computed.rag == {Rag.GREEN: 3, Rag.AMBER: 10, Rag.RED: 1, Rag.NA: 8}
    assert messages(q4, "target") == {7: "Printed target none; the indicator's target is <2.1%."}
    assert messages(q4, "rag") == {
        7: "Printed n.a.; the rules give Green (1.5% against target <2.1%, no quartile).",
    }


def test_q4_direction_of_travel(q4):
    """The printed DOT column held icons the text lost, so it reads blank. The rules give 5/7/7/3: the
    seven "no change" match the printed summary; see docs/performance.md for the other differences."""
    printed, computed = summaries(q4)
    assert printed.dot == {Dot.IMPROVE: 0, Dot.NO_CHANGE: 0, Dot.WORSE: 0, Dot.NA: 22}
    assert computed.dot == {Dot.IMPROVE: 5, Dot.NO_CHANGE: 7, Dot.WORSE: 7, Dot.NA: 3}


def test_q4_inconsistencies(q4):
    assert kinds(q4) == {"rag_without_target": 7, "target": 1, "rag": 1, "stale_period": 1}
    assert messages(q4, "stale_period") == {
        22: "Latest period Q3 2024/25 is earlier than the dashboard's quarter."
    }


# Both, and the computed dashboard


def test_figures_printed_on_both_dashboards_agree(q3, q4):
    assert "differs_from_record" not in kinds(q4)
    p8 = IndicatorValue.objects.get(indicator_code="KS4_P8", period_label="2022/23")
    assert (
        p8.value == D("-0.09") and p8.source == "Published dashboard Q3 2023/24"
    )  # the first to file it keeps it


def test_a_previous_value_that_differs_from_the_held_figure_is_listed(q3):
    text = Q4_2024_25.read_text().replace(
        "KS4 - Progress 8\t-0.1\t2023/24\t-0.09", "KS4 - Progress 8\t-0.1\t2023/24\t-0.08"
    )
    changed = published.load(text, "changed.tsv").dashboard
    assert messages(changed, "differs_from_record") == {
        3: "Printed -0.08 for 2022/23; the figure held is -0.09 (Published dashboard Q3 2023/24).",
    }


def test_loading_again_replaces_the_rows(q4):
    published.load_file(Q4_2024_25)
    assert PublishedRow.objects.count() == 22


def test_an_unknown_indicator_stops_the_load():
    text = Q4_2024_25.read_text().replace("Children Electively Educated at Home", "Children seen on Tuesdays")
    with pytest.raises(TableError) as caught:
        published.load(text, "bad.tsv")
    assert str(caught.value.errors[0]) == (
        "row 2, column 'Indicator': 'Children seen on Tuesdays' is not an indicator Thrive knows"
    )
    assert not PublishedRow.objects.exists() and not IndicatorValue.objects.exists()


@pytest.mark.parametrize(
    "fixture, quarter, rows, rag, quartile, dot",
    [
        ("q3", "Q3 2023/24", 30, (4, 14, 4, 8), (3, 6, 9, 4, 8), (14, 5, 8, 3)),
        ("q4", "Q4 2024/25", 22, (3, 10, 1, 8), (1, 4, 7, 1, 9), (5, 7, 7, 3)),
    ],
)
def test_the_computed_dashboard_from_the_loaded_figures(request, fixture, quarter, rows, rag, quartile, dot):
    request.getfixturevalue(fixture)
    board = dashboard.build(periods.parse(quarter))
    assert len(board.rows) == rows
    assert board.summary.as_tuples() == {"dot": dot, "rag": rag, "quartile": quartile}


def test_older_figures_drop_off_a_later_quarter(q3, q4):
    board = dashboard.build(periods.parse("Q4 2024/25"))
    assert len(board.rows) == 22  # nothing from Q3 2023/24 is recent enough to show


def test_bad_printed_cells_name_the_printed_column():
    text = Q4_2024_25.read_text().replace("1247\tQ4 2024/25\t1176", "1247\tQ9 2024/25\tlots")
    with pytest.raises(TableError) as caught:
        published.load(text, "bad.tsv")
    assert [str(e) for e in caught.value.errors] == [
        "row 2, column 'Previous Data': 'lots' is not a number",
        "row 2, column 'Period': 'Q9 2024/25' is not a period like Q4 2024/25, 2023/24 or Autumn 2023",
    ]
