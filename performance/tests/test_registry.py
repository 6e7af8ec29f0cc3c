"""The indicator registry: declared once, every printed name maps to one code, hooks for computations."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError

from performance import computed, periods, published, registry
from performance.definitions import Obtained, Polarity, Target, ValueType
from performance.indicators import INDICATORS
from performance.models import IndicatorValue, LocalIndicator, Origin
from performance.periods import PeriodError

from .conftest import Q3_2023_24, Q4_2024_25

COMPUTED_FROM_JOURNEY_APPS = {
    "CSC_RE_REFERRALS": "frontdoor",
    "CSC_ASSESSMENTS_45_DAYS": "familyhelp",
    "CIN_RATE": "familyhelp",
    "CSC_CPP_SECOND_OR_LATER": "protection",
    "CSC_CPP_TWO_YEARS": "protection",
    "CSC_CP_REVIEWS_ON_TIME": "protection",
    "CP_RATE": "protection",
    "CL_SUITABLE_ACCOMMODATION": "leavers",
    "CL_EET": "leavers",
    "CLA_DENTAL_CHECKS": "care",
    "CLA_HEALTH_ASSESSMENTS": "care",
    "CLA_THREE_PLACEMENTS": "care",
    "CLA_LONG_TERM_STABILITY": "care",
    "CLA_RATE": "care",
    "EHE": "education",
    "EDU_CME_REFERRALS": "education",
    "NEET_16_17": "education",
    "EXCL_SUSPENSION_RATE": "education",
    "EXCL_PERMANENT_RATE": "education",
    "SEN_EHCP_20_WEEKS": "education",
}


@pytest.mark.parametrize("path", [Q3_2023_24, Q4_2024_25])
def test_every_printed_name_maps_to_an_indicator(path):
    _, rows = published.read(path.read_text())
    for _, record in rows:
        assert registry.find(record["Indicator"], list(INDICATORS)), record["Indicator"]


def test_the_two_dashboards_names_map_to_the_same_codes():
    truncated = "Children in care who have their annual health assessment within last 12 months (.."
    full = "Children in care who have their annual health assessment within last 12 months (at end of period)"
    assert registry.find(truncated, list(INDICATORS)).code == registry.find(full, list(INDICATORS)).code
    assert (
        registry.find(
            "Primary schools rated 'Good' or 'Outstanding' for leadership and managem..", list(INDICATORS)
        ).code
        == "EDU_PRIMARY_GOOD_LM"
    )


def test_names_and_codes_are_unique_and_declared_fields_complete():
    assert len({i.code for i in INDICATORS}) == len(INDICATORS)
    assert registry.check_registry() == []
    for indicator in INDICATORS:
        assert indicator.definition and indicator.source, indicator.code
        if indicator.obtained == Obtained.COMPUTED:
            assert indicator.computed_by, indicator.code


@pytest.mark.parametrize("code, app", COMPUTED_FROM_JOURNEY_APPS.items())
def test_journey_apps_compute_the_domain_social_care_indicators(db, code, app):
    indicator = registry.get(code)
    assert indicator.obtained == Obtained.COMPUTED and indicator.computed_by == app
    assert registry.status(indicator) == "Computed from case records"
    assert registry.computation(code).__module__ == f"{app}.indicators"


def test_every_computed_indicator_has_its_apps_computation():
    computed_codes = {i.code for i in INDICATORS if i.obtained == Obtained.COMPUTED}
    assert computed_codes == set(COMPUTED_FROM_JOURNEY_APPS)


def test_registered_computation_makes_an_indicator_computable(db):
    own = registry.computation("CLA_RATE")
    registry.unregister_computation("CLA_RATE")
    try:
        assert registry.status(registry.get("CLA_RATE")) == registry.NOT_YET_COMPUTABLE

        @registry.register_computation("CLA_RATE")
        def children_looked_after(period):
            return registry.Figure(Decimal("47.8"), Decimal(717), Decimal(150000))

        assert registry.status(registry.get("CLA_RATE")) == "Computed from case records"
        assert registry.computation("CLA_RATE") is children_looked_after
    finally:
        registry.unregister_computation("CLA_RATE")
        registry.register_computation("CLA_RATE")(own)


def test_only_computed_indicators_take_a_computation():
    with pytest.raises(ImproperlyConfigured):
        registry.register_computation("YJ_FIRST_TIME_ENTRANTS")(lambda period: None)
    with pytest.raises(ImproperlyConfigured):
        registry.register_computation("NO_SUCH_CODE")(lambda period: None)


def test_target_parsing():
    assert Target.parse(">97.2%") == Target(">", Decimal("97.2"))
    assert Target.parse("<20.8%").text(ValueType.PERCENT) == "<20.8%"
    assert Target.parse("NA") is None and Target.parse(" N/A") is None
    with pytest.raises(ValueError):
        Target.parse("about 90")


def test_council_target_setting_replaces_the_declared_target(settings, db):
    settings.THRIVE_PERFORMANCE = {"TARGETS": {"CSC_RE_REFERRALS": "<19%"}}
    assert registry.get("CSC_RE_REFERRALS").target == Target("<", Decimal(19))


def test_a_council_adds_its_own_indicator_without_code(db):
    LocalIndicator.objects.create(
        code="LOCAL_MISSING",
        name="Missing episodes per child missing",
        aliases="Missing episodes",
        outcome="Safe",
        area="Social Care",
        value_type="number",
        polarity="low",
        frequency="quarter",
        definition="Missing episodes in the quarter per child who went missing.",
        source="Council records",
        target="<2.5",
    )
    indicator = registry.find("missing  EPISODES")
    assert indicator.code == "LOCAL_MISSING" and indicator.local
    assert indicator.polarity == Polarity.LOW_GOOD and indicator.target == Target("<", Decimal("2.5"))
    assert "LOCAL_MISSING" in registry.by_code()


def test_local_indicator_cannot_reuse_a_standard_code(db):
    local = LocalIndicator(
        code="EHE",
        name="x",
        outcome="o",
        area="a",
        value_type="number",
        polarity="none",
        frequency="quarter",
        definition="d",
        source="s",
    )
    with pytest.raises(ValidationError):
        local.clean()


def test_period_must_fit_the_frequency():
    with pytest.raises(PeriodError, match="quarterly|quarter"):
        registry.period_of(registry.get("CSC_RE_REFERRALS"), "2023/24")
    neet = registry.period_of(registry.get("NEET_16_17"), "Q3 2023/24")
    assert (neet.start.month, neet.end.month) == (12, 12)  # the last month of the quarter


def test_compute_files_a_registered_computations_figure_for_the_span_it_declares(db):
    def assessments(period):  # a year-to-date indicator: it gets 1 April to the end of the quarter
        assert (period.label, period.start) == ("2024/25 to 31 March 2025", datetime.date(2024, 4, 1))
        cases = (
            registry.Case(1, datetime.date(2024, 11, 5), True, "familyhelp.assessment:1"),
            registry.Case(2, datetime.date(2025, 1, 6), True, "familyhelp.assessment:2"),
            registry.Case(3, datetime.date(2025, 3, 31), False, "familyhelp.assessment:3"),
        )
        return registry.Figure(Decimal("66.6667"), Decimal(2), Decimal(3), cases)

    with registry.computation_replaced("CSC_ASSESSMENTS_45_DAYS", assessments):
        filed, waiting = computed.compute_all(periods.parse("Q4 2024/25"))
    assert [f.indicator_code for f in filed] == ["CSC_ASSESSMENTS_45_DAYS"]  # the others have no records
    assert waiting == []  # every computed indicator has a computation; imported ones are not computed
    figure = IndicatorValue.objects.get()
    assert (figure.value, figure.numerator, figure.denominator, figure.origin) == (
        Decimal("66.6667"),
        2,
        3,
        Origin.COMPUTED,
    )
    assert (figure.in_period_numerator, figure.in_period_denominator) == (1, 2)  # the cases dated in Q4
    assert [case.person_id for case in figure.case_list.as_cases()] == [1, 2, 3]
    assert registry.computation("CSC_ASSESSMENTS_45_DAYS").__module__ == "familyhelp.indicators"  # restored


def test_computing_an_indicator_without_a_computation_never_makes_a_value_up(db):
    own = registry.computation("CLA_RATE")
    registry.unregister_computation("CLA_RATE")
    try:
        with pytest.raises(computed.NotYetComputable):
            computed.compute("CLA_RATE", periods.parse("Q4 2024/25"))
        assert "CLA_RATE" in computed.compute_all(periods.parse("Q4 2024/25"))[1]
    finally:
        registry.register_computation("CLA_RATE")(own)
    assert not IndicatorValue.objects.exists()


def test_the_two_dashboards_hold_36_distinct_indicators():
    codes = set()
    for path in (Q3_2023_24, Q4_2024_25):
        _, rows = published.read(path.read_text())
        codes |= {registry.find(record["Indicator"], list(INDICATORS)).code for _, record in rows}
    assert len(codes) == 36
