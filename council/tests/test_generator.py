"""The synthetic council: reproducible, valid identifiers, the documented demo users."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from access.models import Involvement, InvolvementKind, Role, TeamKind, User
from access.relationships import visible_people, works_at_front_door
from council.models import LocalAuthority, PopulationCount
from council.scales import SCALES
from council.synthetic.registry import _contributions, contributes
from people.identifiers import validate_nhs_number, validate_upn
from people.models import Person
from performance import computed, periods
from performance.calibration.leicestershire import REFERENCE
from performance.calibration.leicestershire_care import care_measures

AS_AT = "2025-03-31"


def generate(seed=7, *options, scale="tiny"):
    out = io.StringIO()
    call_command("generate_la", "--seed", str(seed), "--scale", scale, "--as-at", AS_AT, *options, stdout=out)
    return out.getvalue()


def checksum():
    out = io.StringIO()
    call_command("data_checksum", stdout=out)
    return out.getvalue().strip()


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data_and_another_seed_different_data():
    generate(7)
    first = checksum()
    generate(7, "--replace")
    assert checksum() == first
    generate(8, "--replace")
    assert checksum() != first


@pytest.mark.django_db
def test_a_new_contribution_drawing_random_numbers_changes_no_one_elses_data():
    generate(7)
    before = checksum()

    @contributes(order=35)
    def greedy(council):
        council.rng("test.greedy").random()
        [
            council.rng("people.households").random() for _ in range(1000)
        ]  # a fresh stream, not the one people use

    try:
        generate(7, "--replace")
        assert checksum() == before
    finally:
        del _contributions[f"{greedy.__module__}.{greedy.__name__}"]


@pytest.mark.django_db
def test_refuses_a_database_that_holds_people_unless_replacing_and_keep_existing_keeps_it():
    generate(7)
    first = checksum()
    with pytest.raises(CommandError, match="--replace"):
        generate(8)
    assert "keeping it" in generate(8, "--keep-existing")
    assert checksum() == first


@pytest.mark.django_db
def test_rows_added_after_generating_get_fresh_ids():
    generate(7)
    last = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
    added = Person.objects.create(la_id="new", surname="Added", birth_date=datetime.date(2020, 1, 1))
    assert added.pk > last


@pytest.mark.django_db
def test_every_nhs_number_and_upn_is_valid_and_most_children_have_one():
    generate(7)
    children = Person.objects.filter(birth_date__isnull=False, birth_date__gt=datetime.date(2007, 4, 1))
    with_nhs = children.filter(nhs_number__isnull=False).count()
    assert 0.8 < with_nhs / children.count() < 1  # most, not all
    for number in Person.objects.exclude(nhs_number=None).values_list("nhs_number", flat=True):
        validate_nhs_number(number)
    upns = list(Person.objects.exclude(upn=None).values_list("upn", flat=True))
    assert upns
    for upn in upns:
        validate_upn(upn)


@pytest.mark.django_db
def test_the_council_row_population_and_duplicates_for_merging():
    generate(7)
    council = LocalAuthority.objects.get()
    assert (council.synthetic_seed, council.synthetic_scale, str(council.synthetic_as_at)) == (
        7,
        "tiny",
        AS_AT,
    )
    assert PopulationCount.objects.filter(year=2025).count() == 18 * 2
    assert Person.objects.filter(birth_date=None, expected_birth_date__isnull=False).exists()
    pairs = [
        (
            p,
            Person.objects.filter(forename=p.forename, surname=p.surname, birth_date=p.birth_date).exclude(
                pk=p.pk
            ),
        )
        for p in Person.objects.filter(
            ethnicity="NOBT", nhs_number=None, birth_date__gt=datetime.date(2007, 4, 1)
        )
    ]
    assert any(others.exclude(nhs_number=None).exists() for _, others in pairs)


@pytest.mark.django_db
def test_demo_users_have_their_documented_roles_and_see_what_they_should():
    generate(7)
    users = {
        u.username: u
        for u in User.objects.filter(
            username__in=[
                "social.worker",
                "team.manager",
                "iro",
                "care.worker",
                "personal.adviser",
                "police.officer",
                "analyst",
                "admin",
                "dpo",
                "front.door",
                "front.door.manager",
            ]
        )
    }
    assert len(users) == 11
    assert users["social.worker"].role == Role.SOCIAL_WORKER
    assert users["team.manager"].role == Role.TEAM_MANAGER
    assert users["iro"].role == Role.IRO
    assert users["front.door"].memberships.get().team.kind == TeamKind.FRONT_DOOR
    assert users["police.officer"].role == Role.PARTNER and users["police.officer"].agency.kind == "police"
    assert users["analyst"].role == Role.ANALYST
    assert users["admin"].is_superuser and users["admin"].is_staff
    assert all(u.check_password("thrive-demo-2026") for u in users.values())

    macpt = users["social.worker"].memberships.get().team
    assert macpt.kind == TeamKind.MULTI_AGENCY_CP
    assert users["team.manager"].memberships.get(team=macpt).manages
    assert users["police.officer"].memberships.filter(team=macpt).exists()
    team_cases = Involvement.objects.filter(team=macpt, kind=InvolvementKind.TEAM)
    open_to_macpt = set(team_cases.values_list("person_id", flat=True))
    allocated = users["social.worker"].involvements.filter(
        kind=InvolvementKind.LEAD_CP_PRACTITIONER, end_date=None
    )
    assert allocated.exists() and set(allocated.values_list("person_id", flat=True)) <= open_to_macpt
    assert visible_people(users["police.officer"]) == open_to_macpt  # no share widens it
    assert (
        users["iro"]
        .involvements.filter(kind__in=[InvolvementKind.IRO, InvolvementKind.CONFERENCE_CHAIR])
        .exists()
    )
    assert visible_people(users["analyst"]) == set()
    assert users["dpo"].role == Role.DATA_PROTECTION_OFFICER and visible_people(users["dpo"]) == set()
    assert users["dpo"].memberships.get().team.kind == TeamKind.INFORMATION_GOVERNANCE
    assert users["care.worker"].memberships.get().team.kind == TeamKind.CHILDREN_IN_CARE
    assert (
        users["care.worker"]
        .involvements.filter(kind=InvolvementKind.ALLOCATED_WORKER, end_date=None)
        .exists()
    )
    assert users["personal.adviser"].role == Role.PERSONAL_ADVISER
    assert (
        users["personal.adviser"]
        .involvements.filter(kind=InvolvementKind.PERSONAL_ADVISER, end_date=None)
        .exists()
    )
    assert works_at_front_door(users["front.door"]) and works_at_front_door(users["front.door.manager"])
    assert users["front.door.manager"].role == Role.TEAM_MANAGER and not works_at_front_door(
        users["team.manager"]
    )


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_scale_matches_the_reference_council():
    """Leicestershire's Q4 2024/25 figures (DOMAIN.md), computed by the dashboard's own computations."""
    generate(1, scale="demo")
    as_at = datetime.date.fromisoformat(AS_AT)
    children = Person.objects.children(as_at).count()
    assert 30_000 <= children <= 35_000
    on_plans = Involvement.objects.filter(
        kind=InvolvementKind.TEAM, team__kind=TeamKind.MULTI_AGENCY_CP, end_date=None
    ).count()
    assert abs(on_plans - SCALES["demo"].open_children("child_protection")) < 75
    staff = User.objects.count()
    assert 350 <= staff <= 450
    caseload = User.objects.get(username="social.worker").involvements.filter(end_date=None).count()
    assert 10 <= caseload <= 20

    quarter = periods.parse("Q4 2024/25")
    figures = {code: computed.evaluate(code, quarter) for code in REFERENCE}
    assert 1_350 <= figures["CSC_RE_REFERRALS"].denominator <= 1_850  # referrals in the quarter
    for code, tolerance in (
        ("CSC_RE_REFERRALS", 4),
        ("CSC_ASSESSMENTS_45_DAYS", 3),
        ("CSC_CPP_SECOND_OR_LATER", 6),
        ("CSC_CP_REVIEWS_ON_TIME", 5),
    ):
        assert abs(float(figures[code].value) - REFERENCE[code][0]) <= tolerance, code
    assert 0.2 <= float(figures["CSC_CPP_TWO_YEARS"].value) <= 3.5
    assessments = SCALES["demo"].rates.journeys.assessment_on_time_share * 100
    assert abs(float(figures["CSC_ASSESSMENTS_45_DAYS"].value) - assessments) <= 2

    care = care_measures(quarter)  # Leicestershire 2024/25: 717 in care (82 UASC), 498 care leavers
    assert care["in_care"] == SCALES["demo"].open_children("children_in_care")
    assert 70 <= care["uasc"] <= 95 and 470 <= care["care_leavers"] <= 530
    assert 5_300 <= care["home_cost"] <= 6_300 and 1 <= care["homes_over_10k"] <= 12
    for key, target, tolerance in (
        ("health", 85, 3),
        ("dental", 76, 3),
        ("three_placements", 10, 3),
        ("suitable", 94, 2),
        ("eet", 60, 3),
    ):  # the indicators' computations
        part, whole = care[key]
        assert abs(100 * part / whole - target) <= tolerance, key
