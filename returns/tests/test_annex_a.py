import datetime

import pytest
from openpyxl import load_workbook

from returns import annex_a

from .builders import cin_census_children, looked_after_children

pytestmark = pytest.mark.django_db


def test_the_workbook_has_every_list_with_its_children(tmp_path):
    cin_census_children()
    looked_after_children()
    path = tmp_path / "annex_a.xlsx"
    counts = annex_a.write(path, datetime.date(2025, 3, 31))
    workbook = load_workbook(path, read_only=True)
    assert len(workbook.sheetnames) == 11
    rows = list(workbook["List 8 Children in care"].iter_rows(values_only=True))
    assert rows[0][0] == "Child Unique ID"
    assert {row[0] for row in rows[1:]} == {"L0001", "L0002", "L0003", "L0004"}
    assert counts["List 7 Child protection"] == 1
    assert counts["List 9 Care leavers"] == 1
