"""The synthetic children in care and care leavers: each record one the models would accept, the
periods and episodes as the SSDA903 wants them, and the care leavers former relevant children.

The rows are bulk-written past the models' save() and clean(), so these tests hold them to both.
One small council (four times `tiny`) serves the module.
"""

import dataclasses
import datetime
from collections import defaultdict

import pytest
from django.db import transaction
from django.db.models import Q

from access.models import Involvement
from access.models import InvolvementKind as IK
from care import models as care
from care.codes import PLACEMENT_MOVES
from care.codes import ReasonEpisodeCeased as REC
from care.codes import ReasonNewEpisode as RNE
from care.synthetic_casework import reference_date_from
from care.synthetic_placements import Placement, as_recorded
from council.scales import SCALES
from council.synthetic.generator import generate
from council.synthetic.tables import flush_thrive_tables
from frontdoor.models import Referral
from leavers import models as leavers
from leavers.codes import LeaverStatus
from leavers.eligibility import status, stays_of
from people.models import Person
from privatefostering import models as private_fostering
from timescales import registry
from timescales.workdays import reset_default_calendar

AS_AT = datetime.date(2025, 3, 31)
pytestmark = pytest.mark.django_db
SCALE = dataclasses.replace(SCALES["tiny"], child_population=12_000, households=1_440)


@pytest.fixture(scope="module", autouse=True)
def council(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            generate(7, SCALE, AS_AT)
        reset_default_calendar()
        yield
        with transaction.atomic():
            flush_thrive_tables()
        reset_default_calendar()


def open_periods():
    return care.PeriodOfCare.objects.filter(end_date__isnull=True)


def test_children_in_care_care_leavers_and_those_who_left_are_all_there():
    expected = SCALE.open_children("children_in_care")
    assert abs(open_periods().count() - expected) <= expected * 0.1
    ended = care.Episode.objects.exclude(reason_ceased__in=["", REC.NEW_EPISODE])
    assert {"E17", "E11"} & set(ended.values_list("reason_ceased", flat=True))
    assert ended.filter(reason_ceased__in=["E4A", "E4B"]).exists()
    for model in (
        care.Review,
        care.Visit,
        care.HealthAssessment,
        care.DentalCheck,
        care.PersonalEducationPlan,
        care.PermanencePlan,
        care.UnaccompaniedChild,
        care.CarePlanning,
        leavers.PathwayPlan,
        leavers.KeepingInTouch,
        leavers.Accommodation,
        leavers.EducationEmployment,
        leavers.BirthdaySnapshot,
        private_fostering.PrivateFosteringArrangement,
        private_fostering.PrivateFosteringVisit,
    ):
        assert model.objects.exists(), model.__name__


def test_every_open_period_has_an_open_episode_a_social_worker_and_an_iro():
    for period in open_periods():
        assert period.current_episode().end_date is None
        held = Involvement.objects.filter(
            person_id=period.person_id, end_date__isnull=True, start_date__lte=AS_AT
        )
        assert held.filter(kind=IK.ALLOCATED_WORKER, start_date__gte=period.start_date).exists()
        assert held.filter(kind=IK.IRO).exists()


def test_episodes_are_contiguous_and_end_with_the_period():
    episodes = defaultdict(list)
    for episode in care.Episode.objects.order_by("start_date", "pk"):
        episodes[episode.period_id].append(episode)
    for period in care.PeriodOfCare.objects.all():
        chain = episodes[period.pk]
        assert chain[0].start_date == period.start_date and chain[0].reason_new == RNE.STARTED
        for earlier, later in zip(chain, chain[1:]):
            assert earlier.end_date == later.start_date and earlier.reason_ceased == REC.NEW_EPISODE
            assert later.reason_new != RNE.STARTED
            assert bool(earlier.reason_place_change) == (later.reason_new in PLACEMENT_MOVES)
        assert chain[-1].end_date == period.end_date
        assert (chain[-1].reason_ceased == "") == (period.end_date is None)
        assert chain[-1].reason_ceased != REC.NEW_EPISODE


@pytest.mark.parametrize(
    "model",
    [
        care.PeriodOfCare,
        care.Episode,
        care.Review,
        care.Visit,
        care.HealthAssessment,
        care.DentalCheck,
        care.StrengthsAndDifficulties,
        care.PersonalEducationPlan,
        care.MissingEpisode,
        care.PermanencePlan,
        care.Adoption,
        care.UnaccompaniedChild,
        care.AgeAssessment,
        care.SubstanceMisuse,
        care.YouthJusticeDisposal,
        care.CarePlanning,
        care.TemporaryApproval,
        leavers.PathwayPlan,
        leavers.PathwayPlanReview,
        leavers.KeepingInTouch,
        leavers.Accommodation,
        leavers.EducationEmployment,
        leavers.StayingPut,
        leavers.StayingCloseConsideration,
        leavers.BirthdaySnapshot,
        leavers.LeavingCareNeedsAssessment,
        private_fostering.PrivateFosteringArrangement,
        private_fostering.PrivateFosteringVisit,
    ],
)
def test_every_record_passes_its_models_clean(model):
    for row in model.objects.all():
        row.full_clean()
        for field in (
            "held_on",
            "visited_on",
            "assessed_on",
            "checked_on",
            "meeting_on",
            "started_on",
            "contacted_on",
            "from_date",
            "recorded_on",
            "reviewed_on",
            "start_date",
        ):
            assert getattr(row, field, AS_AT) <= AS_AT, (field, row.pk)


def test_stored_due_dates_are_the_ones_save_would_store():
    for period in care.PeriodOfCare.objects.all():
        held = []
        for review in period.reviews.order_by("held_on", "pk"):
            assert review.due_on == period._review_due(held, on=review.held_on)
            held.append(review.held_on)
        assert period.next_review_due == (None if period.end_date else period._review_due(held))
    for plan in leavers.PathwayPlan.objects.all():
        last = plan.reviews.order_by("-reviewed_on").values_list("reviewed_on", flat=True).first()
        assert plan.next_review_due == registry.get("PATHWAY_PLAN_REVIEW").due(last or plan.started_on)
    for assessment in care.AgeAssessment.objects.all():
        assert assessment.due_on == registry.get("UASC_AGE_ASSESSMENT").due(assessment.referred_on)


def test_care_leavers_are_former_relevant_and_pathway_plans_go_to_entitled_children():
    advised = set(Involvement.objects.filter(kind=IK.PERSONAL_ADVISER).values_list("person_id", flat=True))
    in_care = set(open_periods().values_list("person_id", flat=True))
    planned = set(leavers.PathwayPlan.objects.values_list("person_id", flat=True))
    people = dict(Person.objects.filter(pk__in=advised | planned).values_list("pk", "birth_date"))
    stays = stays_of(list(people))
    assert advised - in_care
    for person_id in advised - in_care:
        assert status(people[person_id], stays[person_id], AS_AT) == LeaverStatus.FORMER_RELEVANT
    for person_id in planned & in_care:
        assert status(people[person_id], stays[person_id], AS_AT) == LeaverStatus.ELIGIBLE


def test_some_children_come_back_into_care_and_a_later_period_never_overlaps_an_earlier():
    periods = defaultdict(list)
    for person_id, start, end in care.PeriodOfCare.objects.order_by("start_date").values_list(
        "person_id", "start_date", "end_date"
    ):
        periods[person_id].append((start, end))
    again = {person_id: spans for person_id, spans in periods.items() if len(spans) > 1}
    assert again
    for spans in again.values():
        for (_, ended), (started, _) in zip(spans, spans[1:]):
            assert ended is not None and ended < started
    returned_home = care.Episode.objects.filter(reason_ceased__in=["E4A", "E4B"], period__person_id__in=again)
    assert returned_home.exists()


def test_children_in_care_are_children_in_need_with_one_cin_episode_at_a_time():
    in_care = set(open_periods().filter(start_date__lte=AS_AT).values_list("person_id", flat=True))
    open_referrals = Referral.objects.filter(referral_date__lte=AS_AT, closure_date__isnull=True)
    assert in_care <= set(open_referrals.values_list("person_id", flat=True))
    episodes = defaultdict(list)
    for person_id, referred, closed in Referral.objects.order_by("referral_date", "pk").values_list(
        "person_id", "referral_date", "closure_date"
    ):
        episodes[person_id].append((referred, closed))
    for spans in episodes.values():  # the census's rule 8820: no episode starts inside another
        for (referred, closed), (later, _) in zip(spans, spans[1:]):
            assert closed is not None and referred < later and later >= closed
    for period in care.PeriodOfCare.objects.filter(end_date__isnull=False, end_date__lte=AS_AT):
        last_day = period.end_date - datetime.timedelta(days=1)  # looked after at its end: in need then too
        open_then = Referral.objects.filter(person_id=period.person_id, referral_date__lte=last_day).filter(
            Q(closure_date__isnull=True) | Q(closure_date__gt=last_day)
        )
        assert period.end_date == period.start_date or open_then.exists(), period.pk


def test_supported_accommodation_begun_before_april_2025_is_recorded_as_semi_independent_living():
    placed = Placement("supported", "K3", "PR4", "Elm Court", "SC765432", "LE4 6AB", None)
    assert as_recorded(placed, datetime.date(2025, 3, 31).toordinal()).place == "H5"
    assert as_recorded(placed, datetime.date(2025, 4, 1).toordinal()).place == "K3"


def test_the_worker_stays_allocated_after_care_ends_and_no_one_is_missing_or_adopted_on_31_march():
    ended = care.PeriodOfCare.objects.filter(end_date__isnull=False)
    stayed = [
        p
        for p in ended
        if Involvement.objects.filter(
            person_id=p.person_id, kind=IK.ALLOCATED_WORKER, start_date__lte=p.end_date
        )
        .exclude(end_date__lte=p.end_date)
        .exists()
    ]
    assert ended and len(stayed) >= 0.9 * len(
        ended
    )  # the rest handed on to a worker allocated before care ended
    for missing in care.MissingEpisode.objects.all():
        assert missing.ended_on is not None and missing.ended_on <= datetime.date.fromordinal(
            reference_date_from(missing.started_on.toordinal())
        )
    assert not ended.filter(end_date__month=3, end_date__day=31, episodes__reason_ceased__in=["E11", "E12"])
