"""Importing figures: every problem named by row and column, and nothing half-loaded."""

import io
from decimal import Decimal as D

import pytest
from openpyxl import Workbook

from performance import importer
from performance.models import IndicatorValue, Origin
from performance.tables import TableError

pytestmark = pytest.mark.django_db

GOOD = """indicator,period,value,numerator,denominator,source
CSC_RE_REFERRALS,Q4 2024/25,26.4%,444,1682,Case system extract
Children Electively Educated at Home,Q4 2024/25,"1,247",,,
Children in mainstream schools with EHCP,Spring Term 2025,2823,,,School census
KS4_P8,2023/24,-0.10,,,
"""


def errors_of(text, filename="figures.csv"):
    with pytest.raises(TableError) as caught:
        importer.import_file(text.encode(), filename)
    return [str(e) for e in caught.value.errors]


def test_a_good_file_loads_every_figure():
    result = importer.import_file(GOOD.encode(), "figures.csv")
    assert (result.created, result.updated) == (4, 0)
    re_referrals = IndicatorValue.objects.get(indicator_code="CSC_RE_REFERRALS")
    assert (re_referrals.value, re_referrals.numerator, re_referrals.denominator) == (D("26.4"), 444, 1682)
    assert re_referrals.origin == Origin.IMPORTED and re_referrals.source == "Case system extract"
    ehe = IndicatorValue.objects.get(indicator_code="EHE")
    assert ehe.value == 1247 and ehe.source == "File figures.csv"
    assert IndicatorValue.objects.get(indicator_code="SEN_EHCP_MAINSTREAM").period_label == "Spring 2025"
    p8 = IndicatorValue.objects.get(indicator_code="KS4_P8")
    assert (p8.period_start.isoformat(), p8.period_end.isoformat()) == (
        "2023-09-01",
        "2024-08-31",
    )  # academic


def test_loading_again_replaces_rather_than_duplicates():
    importer.import_file(GOOD.encode(), "figures.csv")
    result = importer.import_file(GOOD.replace("26.4%", "26.5%").encode(), "figures.csv")
    assert (result.created, result.updated) == (0, 4)
    assert IndicatorValue.objects.get(indicator_code="CSC_RE_REFERRALS").value == D("26.5")


def test_errors_name_the_row_and_column_and_nothing_is_loaded():
    bad = GOOD + (
        "CSC_RE_REFERRALS,Q3 2024/25,abc,,,\n"  # row 6
        "NO_SUCH_THING,Q3 2024/25,5,,,\n"  # row 7
        "CSC_ASSESSMENTS_45_DAYS,2024/25,80,,,\n"  # row 8: annual period for a quarterly indicator
        "CL_EET,Q4 2024/25,62,300,200,\n"  # row 9: numerator over denominator
        "CL_EET,Q4 2024/25,162,,,\n"  # row 10: over 100%, and a repeat of row 9's period
        ",,,,,\n"  # blank row: ignored
        "EHE,Q5 2024/25,,,,\n"  # row 12
    )
    assert errors_of(bad) == [
        "row 6, column 'value': 'abc' is not a number",
        "row 7, column 'indicator': 'NO_SUCH_THING' is not an indicator code or name Thrive knows",
        (
            "row 8, column 'period': '2024/25' does not fit a quarterly indicator: give a quarter like Q4 "
            "2024/25"
        ),
        "row 9, column 'numerator': 300 is more than the denominator 200",
        "row 10, column 'value': 162 is not a percentage between 0 and 100",
        "row 12, column 'period': 'Q5 2024/25' is not a period like Q4 2024/25, 2023/24 or Autumn 2023",
        "row 12, column 'value': is blank",
    ]
    assert not IndicatorValue.objects.exists()


def test_a_repeated_indicator_and_period_is_an_error():
    text = "indicator,period,value\nEHE,Q4 2024/25,1247\nEHE,Q4 2024/25,1250\n"
    assert errors_of(text) == ["row 3: EHE Q4 2024/25 is already given on row 2"]


def test_missing_and_unknown_columns_are_reported_on_row_1():
    assert errors_of("indicator,when,value\nEHE,Q4 2024/25,1\n") == [
        "row 1, column 'period': this column is missing",
        "row 1, column 'when': is not a column Thrive knows (expected indicator, period, value, numerator, "
        "denominator, source, period_start, period_end)",
    ]


def test_other_file_types_are_refused():
    assert errors_of("x", "figures.pdf") == [
        "The file must be a CSV file (.csv) or an Excel workbook (.xlsx)."
    ]


def test_explicit_period_dates():
    text = "indicator,period,value,period_start,period_end\nEHE,Census day,1247,2025-01-16,2025-01-16\n"
    importer.import_file(text.encode(), "figures.csv")
    figure = IndicatorValue.objects.get()
    assert (figure.period_label, figure.period_end.isoformat()) == ("Census day", "2025-01-16")
    assert errors_of("indicator,period,value,period_start,period_end\nEHE,X,1,2025-02-01,2025-01-01\n") == [
        "row 2, column 'period_end': is before period_start",
    ]


def test_a_failure_while_saving_rolls_everything_back(monkeypatch):
    table = importer.tables.read(GOOD.encode(), "f.csv", importer.REQUIRED, importer.OPTIONAL)
    figures = importer.validate(table, "f.csv")
    real = IndicatorValue.objects.update_or_create
    calls = []

    def fail_on_the_last(**kwargs):
        calls.append(kwargs)
        if len(calls) == len(figures):
            raise RuntimeError("database went away")
        return real(**kwargs)

    monkeypatch.setattr(IndicatorValue.objects, "update_or_create", fail_on_the_last)
    with pytest.raises(RuntimeError):
        importer.save(figures)
    assert not IndicatorValue.objects.exists()  # the three saved before the failure are rolled back


def excel(rows, percent_cells=()):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for ref in percent_cells:
        sheet[ref].number_format = "0.0%"
    data = io.BytesIO()
    workbook.save(data)
    return data.getvalue()


def test_excel_files_load_including_percentage_formatted_cells():
    data = excel(
        [["Indicator", "Period", "Value"], ["CL_EET", "Q4 2024/25", 0.62], ["EHE", "Q4 2024/25", 1247]],
        percent_cells=["C2"],
    )
    importer.import_file(data, "figures.xlsx")
    assert IndicatorValue.objects.get(indicator_code="CL_EET").value == D(62)
    assert IndicatorValue.objects.get(indicator_code="EHE").value == 1247


def test_excel_errors_use_spreadsheet_row_numbers():
    data = excel([["indicator", "period", "value"], ["EHE", "Q4 2024/25", 1], ["EHE", "Q3 2024/25", "lots"]])
    with pytest.raises(TableError) as caught:
        importer.import_file(data, "figures.xlsx")
    assert [str(e) for e in caught.value.errors] == ["row 3, column 'value': 'lots' is not a number"]
    assert not IndicatorValue.objects.exists()


def test_a_file_that_is_not_a_workbook():
    assert errors_of("not really excel", "figures.xlsx") == [
        "The file could not be read as an Excel workbook (.xlsx).",
    ]
