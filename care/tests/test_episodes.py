"""Coming into care, moving, new orders and leaving care: the episodes and involvements each writes."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from access.models import Involvement, InvolvementKind, TeamKind
from access.relationships import legitimate_basis
from care import services
from care.codes import (
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    SocialWorkerChangeReason,
)
from care.models import Episode
from tests.factories import make_team, make_user
from tests.factories.care import CHILDRENS_HOME, FOSTER_PLACEMENT, child_in_care, cic_team, iro

pytestmark = pytest.mark.django_db
D = datetime.date


def test_coming_into_care_writes_the_first_episode_and_opens_the_record_to_worker_iro_and_virtual_school():
    reviewer, school = iro(), make_team(kind=TeamKind.VIRTUAL_SCHOOL)
    officer = make_user(teams=[school])
    period = child_in_care(start=D(2026, 1, 5), iro=reviewer, virtual_school=school)
    [episode] = period.episodes.all()
    assert (episode.reason_new, episode.legal_status, episode.placement_postcode) == ("S", "C1", "LE4 6AB")
    kinds = set(Involvement.objects.filter(person=period.person).values_list("kind", flat=True))
    assert kinds == {InvolvementKind.ALLOCATED_WORKER, InvolvementKind.IRO, InvolvementKind.TEAM}
    basis = legitimate_basis(reviewer, period.person, on=D(2026, 1, 5))
    assert basis.text == "Independent reviewing officer for the child"
    assert legitimate_basis(officer, period.person, on=D(2026, 1, 5)).text.startswith("member of")


def test_a_child_cannot_come_into_care_twice():
    period = child_in_care()
    with pytest.raises(ValidationError, match="already looked after"):
        child_in_care(person=period.person)


def test_moving_placement_ends_the_episode_with_x1_and_the_reason_and_starts_the_next_the_same_day():
    period = child_in_care(start=D(2026, 1, 5))
    new = services.change_placement(
        period,
        start_date=D(2026, 3, 2),
        placement=CHILDRENS_HOME,
        reason_place_change=ReasonPlaceChange.CARER_BEHAVIOUR,
    )
    first, second = period.ordered_episodes()
    assert (first.end_date, first.reason_ceased, first.reason_place_change) == (D(2026, 3, 2), "X1", "CREQB")
    assert (new.start_date, new.reason_new, new.legal_status, new.home_postcode) == (
        D(2026, 3, 2),
        "P",
        "C1",
        "LE1 1AA",
    )
    assert str(new.weekly_cost) == "5800.00" and period.placement_start() == D(2026, 3, 2)


def test_a_new_order_copies_the_placement_and_does_not_restart_it():
    period = child_in_care(start=D(2026, 1, 5))
    new = services.change_legal_status(
        period, start_date=D(2026, 4, 20), legal_status=LegalStatus.FULL_CARE_ORDER
    )
    assert (new.reason_new, new.placement_type, new.provider_name) == (
        ReasonNewEpisode.LEGAL_STATUS,
        "U6",
        "Jan and Lee Patel",
    )
    assert period.placement_start() == D(2026, 1, 5)


def test_a_move_with_a_new_order_on_the_same_day_is_coded_b():
    period = child_in_care(start=D(2026, 1, 5))
    new = services.change_placement(
        period,
        start_date=D(2026, 4, 20),
        placement=CHILDRENS_HOME,
        reason_place_change=ReasonPlaceChange.CARE_PLAN,
        legal_status=LegalStatus.FULL_CARE_ORDER,
    )
    assert new.reason_new == ReasonNewEpisode.LEGAL_PLACEMENT_AND_CARERS


def test_a_change_must_come_after_the_current_episode_began():
    period = child_in_care(start=D(2026, 1, 5))
    with pytest.raises(ValidationError, match="after the current episode began"):
        services.change_placement(
            period,
            start_date=D(2026, 1, 5),
            placement=CHILDRENS_HOME,
            reason_place_change=ReasonPlaceChange.CARE_PLAN,
        )


def test_leaving_care_ends_the_period_and_the_iro_and_virtual_school_involvements_but_not_the_worker():
    school = make_team(kind=TeamKind.VIRTUAL_SCHOOL)
    period = child_in_care(start=D(2026, 1, 5), iro=iro(), virtual_school=school)
    services.end_care(period, end_date=D(2026, 6, 1), reason_ceased=ReasonEpisodeCeased.HOME_PLANNED)
    period.refresh_from_db()
    assert period.end_date == D(2026, 6, 1) and period.next_review_due is None
    [episode] = period.episodes.all()
    assert (episode.end_date, episode.reason_ceased) == (D(2026, 6, 1), "E4A")
    open_kinds = set(
        Involvement.objects.filter(person=period.person, end_date__isnull=True).values_list("kind", flat=True)
    )
    assert open_kinds == {InvolvementKind.ALLOCATED_WORKER}


def test_x1_does_not_end_care():
    with pytest.raises(ValidationError):
        services.end_care(
            child_in_care(), end_date=D(2026, 6, 1), reason_ceased=ReasonEpisodeCeased.NEW_EPISODE
        )


def test_a_new_social_worker_needs_the_903_reason_and_ends_the_old_allocation():
    period = child_in_care(start=D(2026, 1, 5))
    old = Involvement.objects.get(person=period.person, kind=InvolvementKind.ALLOCATED_WORKER)
    newcomer = make_user(teams=[cic_team()])
    with pytest.raises(ValidationError, match="why the child's social worker is changing"):
        services.allocate_social_worker(period.person, newcomer, newcomer.teams.first(), D(2026, 2, 2))
    new = services.allocate_social_worker(
        period.person, newcomer, newcomer.teams.first(), D(2026, 2, 2), SocialWorkerChangeReason.LEFT_ROLE
    )
    old.refresh_from_db()
    assert old.end_date == D(2026, 2, 2) and new.social_worker_change.reason == "LEFTRL"


def test_placement_postcode_is_normalised_and_checked():
    period = child_in_care(placement={**FOSTER_PLACEMENT, "placement_postcode": "le46ab"})
    assert period.current_episode().placement_postcode == "LE4 6AB"
    episode = Episode(
        period=period,
        start_date=D(2026, 1, 9),
        reason_new="P",
        legal_status="C1",
        home_postcode="LE1 1AA",
        **{**FOSTER_PLACEMENT, "placement_postcode": "NOT A CODE"},
    )
    with pytest.raises(ValidationError, match="real postcode"):
        episode.full_clean()


SUPPORTED = {
    "placement_type": PlacementType.SEMI_INDEPENDENT,
    "provider": PlacementProvider.PRIVATE,
    "provider_name": "Elm Court",
    "urn": "SC765432",
    "placement_postcode": "LE4 6AB",
}


def test_semi_independent_living_is_recorded_only_for_placements_begun_before_april_2025():
    period = child_in_care(start=D(2025, 3, 31), birth_date=D(2008, 6, 1), placement=SUPPORTED)
    assert period.ordered_episodes()[0].placement_type == "H5"
    order = services.change_legal_status(
        period, start_date=D(2025, 5, 6), legal_status=LegalStatus.FULL_CARE_ORDER
    )
    assert order.placement_type == "H5"  # the placement begun in March goes on
    with pytest.raises(ValidationError) as refused:
        child_in_care(start=D(2025, 4, 1), birth_date=D(2008, 6, 1), placement=SUPPORTED)
    assert "registered supported accommodation (K3)" in refused.value.message_dict["placement_type"][0]
