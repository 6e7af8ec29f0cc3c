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


def test_list_3_counts_each_childs_referrals_in_the_re_referral_window(tmp_path):
    from frontdoor.models import Referral, re_referral_window_start

    from .builders import D, child, referral

    cin_census_children()
    again = child("R0001")
    for on in (D(2023, 11, 1), D(2024, 10, 1), D(2025, 1, 6), D(2025, 1, 6)):
        referral(again, on=on, no_further_action=True)
    path = tmp_path / "annex_a.xlsx"
    annex_a.write(path, datetime.date(2025, 3, 31))
    rows = list(load_workbook(path, read_only=True)["List 3 Referrals"].iter_rows(values_only=True))
    column = rows[0].index("Number of Referrals in Last 12 Months")
    counted = sorted(row[column] for row in rows[1:] if row[0] == "R0001")
    expected = sorted(
        Referral.objects.filter(
            person=again,
            referral_date__gte=re_referral_window_start(r.referral_date),
            referral_date__lte=r.referral_date,
        ).count()
        for r in Referral.objects.filter(person=again, referral_date__gte=D(2024, 9, 30))
    )
    assert counted == expected == [2, 3, 3]
