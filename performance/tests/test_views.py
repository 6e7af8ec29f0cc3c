"""The pages: signed-in only, GOV.UK markup, filters, upload errors, and a bounded number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from performance import registry, timing
from performance.models import IndicatorValue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name, args",
    [
        ("performance:dashboard", []),
        ("performance:indicators", []),
        ("performance:indicator", ["EHE"]),
        ("performance:upload", []),
        ("performance:published_list", []),
    ],
)
def test_pages_need_signing_in(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_dashboard_before_any_figures(client, analyst):
    client.force_login(analyst)
    response = client.get(reverse("performance:dashboard"))
    assert "No figures have been loaded yet." in response.content.decode()


def test_dashboard_shows_the_latest_quarter_with_counters_and_rows(client, social_worker, q3, q4):
    client.force_login(social_worker)
    response = client.get(reverse("performance:dashboard"))
    page = response.content.decode()
    assert response.context["board"].period.label == "Q4 2024/25"
    assert len(response.context["board"].rows) == 22
    assert "Re-referrals to CSC within 12 mths" in page
    assert '<strong class="govuk-tag govuk-tag--red">Red</strong>' in page
    assert 'class="govuk-visually-hidden"> (value rose)' in page
    assert "as published" in page  # quartiles come from the printed dashboard, no national data loaded
    assert "Upload a file of figures" not in page  # a social worker reads, does not load


def test_period_selector_and_filters(client, analyst, q3, q4):
    client.force_login(analyst)
    url = reverse("performance:dashboard")
    # 30 printed rows, plus 2022/23 exclusion figures that only the Q4 2024/25 dashboard printed
    assert len(client.get(url, {"period": "Q3 2023/24"}).context["board"].rows) == 32
    assert {r.indicator.area for r in client.get(url, {"area": "Social Care"}).context["board"].rows} == {
        "Social Care"
    }
    outcome = "Help every child to get the best possible start in life"
    assert client.get(url, {"period": "Q3 2023/24", "outcome": outcome}).context["board"].summary.as_tuples()[
        "dot"
    ] == (2, 1, 0, 0)
    searched = client.get(url, {"q": "progress 8 fsm"}).context["board"].rows
    assert [r.indicator.code for r in searched] == ["KS4_P8_FSM"]


def test_dashboard_queries_are_few(client, analyst, q3, q4, django_assert_max_num_queries):
    client.force_login(analyst)
    with django_assert_max_num_queries(13):  # one of them finds the authenticator the analyst signed in with
        client.get(reverse("performance:dashboard"))


def test_indicator_page(client, analyst, q3, q4):
    IndicatorValue.objects.filter(indicator_code="CSC_CP_REVIEWS_ON_TIME", period_label="Q4 2024/25").update(
        numerator=294, denominator=334
    )
    client.force_login(analyst)
    page = client.get(reverse("performance:indicator", args=["CSC_CP_REVIEWS_ON_TIME"])).content.decode()
    assert "88.0% in Q4 2024/25 (294 of 334)." in page
    assert "Computed from case records" in page and "children in need census" in page
    assert "<svg" in page and "performance-chart__target" in page
    assert "Published dashboard Q3 2023/24" in page


def test_unknown_indicator_is_404(client, analyst):
    client.force_login(analyst)
    assert client.get(reverse("performance:indicator", args=["NOPE"])).status_code == 404


def test_indicator_list_shows_status(client, analyst):
    client.force_login(analyst)
    page = client.get(reverse("performance:indicators")).content.decode()
    assert "Computed from case records" in page and "Imported from a file" in page
    with registry.computation_replaced("CLA_RATE", None):  # an indicator no app computes yet
        page = client.get(reverse("performance:indicators")).content.decode()
    assert "Not yet computable" in page


def test_upload_is_for_analysts(client, social_worker):
    client.force_login(social_worker)
    assert client.get(reverse("performance:upload")).status_code == 403


def test_upload_good_file(client, analyst):
    client.force_login(analyst)
    upload = SimpleUploadedFile("figures.csv", b"indicator,period,value\nEHE,Q4 2024/25,1247\n")
    response = client.post(reverse("performance:upload"), {"file": upload}, follow=True)
    assert "figures.csv: 1 figures added, 0 replaced." in response.content.decode()
    assert IndicatorValue.objects.get().loaded_by == analyst


def test_upload_errors_are_listed_in_the_error_summary(client, analyst):
    client.force_login(analyst)
    upload = SimpleUploadedFile(
        "figures.csv", b"indicator,period,value\nEHE,Q4 2024/25,1247\nEHE,Q3 2024/25,abc\n"
    )
    page = client.post(reverse("performance:upload"), {"file": upload}).content.decode()
    assert 'class="govuk-error-summary"' in page
    assert (
        '<li><a href="#file">Row 3, column &#x27;value&#x27;: &#x27;abc&#x27; is not a number</a></li>'
        in page
    )
    assert "Nothing was loaded" in page
    assert not IndicatorValue.objects.exists()


def test_upload_without_a_file(client, analyst):
    client.force_login(analyst)
    page = client.post(reverse("performance:upload"), {}).content.decode()
    assert "Select a CSV or Excel file of figures" in page


def test_published_dashboard_page_lists_inconsistencies(client, analyst, q3):
    client.force_login(analyst)
    page = client.get(reverse("performance:published", args=[q3.pk])).content.decode()
    assert "Printed &#x27;Decline&#x27; but the value rose from 90.2% to 90.3%" in page
    assert "Inconsistencies (18)" in page
    assert (
        "Published dashboard Q3 2023/24" in client.get(reverse("performance:published_list")).content.decode()
    )


def test_quarters_offered_for_computing_are_those_ended():
    from performance.forms import ended_quarters

    on_the_last_day = ended_quarters(datetime.date(2025, 3, 31), count=2)  # Q4 2024/25 still has a day to run
    assert [q.label for q in on_the_last_day] == ["Q3 2024/25", "Q2 2024/25"]
    assert ended_quarters(datetime.date(2025, 4, 1), count=1)[0].label == "Q4 2024/25"
    assert (
        ended_quarters(datetime.date(2025, 1, 1), count=2)[1].label == "Q2 2024/25"
    )  # across the calendar year


def test_computing_is_for_analysts(client, social_worker):
    client.force_login(social_worker)
    assert client.post(reverse("performance:compute"), {"period": "Q4 2024/25"}).status_code == 403
    assert not IndicatorValue.objects.exists()


def on_2_may_2025(monkeypatch):
    monkeypatch.setattr(
        "performance.views.timezone.localdate", lambda *args, **kwargs: datetime.date(2025, 5, 2)
    )


def test_analyst_computes_a_quarter_from_the_dashboard(client, analyst, monkeypatch):
    timing.build_case_records(300, datetime.date(2025, 3, 31), seed=1)
    client.force_login(analyst)
    on_2_may_2025(monkeypatch)
    page = client.get(reverse("performance:dashboard")).content.decode()
    assert '<option value="Q4 2024/25">Q4 2024/25</option>' in page  # the latest ended quarter, offered
    response = client.post(reverse("performance:compute"), {"period": "Q4 2024/25"}, follow=True)
    assert response.context["board"].period.label == "Q4 2024/25"
    assert "Q4 2024/25: 8 figures computed from the case records." in response.content.decode()
    figures = IndicatorValue.objects.filter(period_label="Q4 2024/25", origin="computed")
    assert figures.count() == 8 and {f.loaded_by for f in figures} == {analyst}
    assert client.get(reverse("performance:compute")).status_code == 405


def test_computing_a_quarter_not_offered_says_why(client, analyst, monkeypatch):
    client.force_login(analyst)
    on_2_may_2025(monkeypatch)
    response = client.post(reverse("performance:compute"), {"period": "Q1 2025/26"}, follow=True)
    assert "Select a quarter that has ended, from the list" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_the_dashboard_has_rag_tiles_a_sparkline_per_indicator_and_room_for_its_table(client, social_worker):
    from performance import charts, periods

    indicator = registry.get("CSC_RE_REFERRALS")
    for label, value in (("Q2 2024/25", "24.0"), ("Q3 2024/25", "26.2"), ("Q4 2024/25", "26.4")):
        period = periods.parse(label)
        IndicatorValue.objects.create(
            indicator_code=indicator.code,
            period_label=label,
            period_start=period.start,
            period_end=period.end,
            value=Decimal(value),
            origin="computed",
            source="t",
        )
    client.force_login(social_worker)
    page = client.get(reverse("performance:dashboard")).content.decode()
    assert "performance-tiles" in page and "performance-wide" in page
    assert 'class="performance-spark"' in page and "24.0% in Q2 2024/25, 26.4% in Q4 2024/25" in page
    spark = charts.sparkline(indicator, list(IndicatorValue.objects.order_by("period_end")))
    assert spark.last == (93.0, 3.0)  # the latest, highest figure: at the right, at the top


def test_the_trend_chart_draws_england_and_statistical_neighbour_lines(client, social_worker):
    from council.models import LocalAuthority
    from performance import periods
    from performance.models import BenchmarkValue, StatisticalNeighbour

    LocalAuthority.objects.create(name="Shireshire", dfe_code="991")
    indicator = registry.get("CSC_ASSESSMENTS_45_DAYS")
    for label, value in (("Q3 2024/25", "85.2"), ("Q4 2024/25", "83.6")):
        period = periods.parse(label)
        IndicatorValue.objects.create(
            indicator_code=indicator.code,
            period_label=label,
            period_start=period.start,
            period_end=period.end,
            value=Decimal(value),
            origin="computed",
            source="t",
        )
    for code, value in (("E92000001", "82.0"), ("Z01", "95"), ("Z02", "90"), ("991", "70")):
        BenchmarkValue.objects.create(
            indicator_key=indicator.benchmark_key,
            year="2023/24",
            year_end=datetime.date(2024, 3, 31),
            la_code=code,
            la_name=code,
            value=Decimal(value),
        )
    StatisticalNeighbour.objects.create(la_code="991", neighbour_code="Z01", rank=1)
    client.force_login(social_worker)
    response = client.get(reverse("performance:indicator", args=[indicator.code]))
    chart = response.context["chart"]
    assert [line.name for line in chart.comparisons] == ["England average", "Statistical neighbour average"]
    page = response.content.decode()
    assert "performance-chart__england" in page and "with the england average" in page
