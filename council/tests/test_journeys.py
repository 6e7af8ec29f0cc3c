"""The synthetic journeys: every record consistent with the rules the models enforce one at a time.

The rows are bulk-written past the models' save(), so these tests hold them to what save() would
have done: due dates from the registry, re-referral and previous-plan flags from the records, an
FGDM offer or complete exception before any proceedings. One small council serves the module.
"""

import dataclasses
import datetime
from collections import defaultdict

import pytest
from django.db import transaction
from django.utils import timezone

from access.models import Involvement, TeamKind, User
from access.models import InvolvementKind as IK
from council.scales import SCALES
from council.synthetic.generator import generate
from council.synthetic.tables import flush_thrive_tables
from familyhelp.codes import AssessmentFactor
from familyhelp.models import Assessment, AssessmentOutcome, CINPlan, FamilyHelpEpisode
from frontdoor.codes import REFERRAL_OUTCOMES
from frontdoor.models import Contact, ContactDecision, Referral
from people.duework import DueWork
from privatefostering.models import PrivateFosteringArrangement
from proceedings.models import CareProceedings, FGDMOffer, PreProceedings, fgdm_requirement_problem
from protection.codes import ConferenceKind, ConferenceOutcome
from protection.models import ChildProtectionConference, ChildProtectionPlan, Section47
from timescales import registry
from timescales.due import due_items
from timescales.workdays import reset_default_calendar

AS_AT = datetime.date(2025, 3, 31)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def council(django_db_setup, django_db_blocker):
    """Four times `tiny`: big enough for a few families to reach court, quick enough for every run."""
    scale = dataclasses.replace(SCALES["tiny"], child_population=12_000, households=1_440)
    with django_db_blocker.unblock():
        with transaction.atomic():
            generate(7, scale, AS_AT)
        reset_default_calendar()
        yield
        with transaction.atomic():
            flush_thrive_tables()
        reset_default_calendar()


def test_every_stage_of_the_journey_is_present():
    for model in (
        Contact,
        Referral,
        Assessment,
        CINPlan,
        FamilyHelpEpisode,
        Section47,
        ChildProtectionPlan,
        FGDMOffer,
        PreProceedings,
        CareProceedings,
    ):
        assert model.objects.exists(), model.__name__


def test_contacts_are_received_then_recorded_then_decided_with_the_registrys_due_date():
    for contact in Contact.objects.select_related("decision"):
        assert contact.received_at <= contact.recorded_at
        assert contact.decision_due == registry.get("CONTACT_DECISION").due(
            timezone.localdate(contact.received_at)
        )
        decision = getattr(contact, "decision", None)
        if decision:
            assert contact.recorded_at <= decision.decided_at


def test_referrals_flag_re_referrals_from_the_records_and_never_overlap():
    by_child = defaultdict(list)
    for referral in Referral.objects.order_by("referral_date", "pk"):
        assert referral.is_re_referral == (referral.previous_referral_within_window() is not None)
        by_child[referral.person_id].append(referral)
    for referrals in by_child.values():
        for earlier, later in zip(referrals, referrals[1:]):
            assert earlier.closure_date is not None and earlier.closure_date <= later.referral_date


def test_assessment_and_conference_due_dates_are_the_registrys():
    for assessment in Assessment.objects.select_related("referral"):
        assert assessment.due_date == registry.get("ASSESSMENT").due(assessment.referral.referral_date)
        assert assessment.start_date >= assessment.referral.referral_date
        if assessment.authorisation_date:
            assert assessment.authorisation_date >= assessment.start_date and assessment.outcome
    for enquiry in Section47.objects.select_related("strategy_discussion"):
        assert enquiry.icpc_due == registry.get("ICPC").due(enquiry.strategy_discussion.held_on)
    for plan in CINPlan.objects.all():
        reviews = sorted(plan.reviews.values_list("review_date", flat=True))
        last = reviews[-1] if reviews else plan.start_date
        assert plan.next_review_due == (None if plan.end_date else registry.get("CIN_PLAN_REVIEW").due(last))


def test_every_cp_plan_starts_at_an_initial_conference_and_counts_earlier_plans():
    for plan in ChildProtectionPlan.objects.all():
        initial = ChildProtectionConference.objects.get(plan=plan, kind=ConferenceKind.INITIAL)
        assert initial.date == plan.start_date and initial.section47_id
        assert (
            plan.previous_plans
            == ChildProtectionPlan.objects.filter(
                person_id=plan.person_id, start_date__lt=plan.start_date
            ).count()
        )
        assert plan.next_review_due == plan.compute_next_review_due()
        assert plan.team.kind == TeamKind.MULTI_AGENCY_CP and plan.lead_practitioner_id
        for (
            meeting
        ) in plan.core_groups.all():  # the first core group, on or after the plan began, not after it ended
            assert meeting.held_on >= plan.start_date and (
                plan.end_date is None or meeting.held_on <= plan.end_date
            )
            assert meeting.person_id == plan.person_id


def test_every_proceedings_has_an_fgdm_offer_or_complete_exception_before_it():
    for case in CareProceedings.objects.select_related("person"):
        assert fgdm_requirement_problem(case.person, case.issued_on) is None
        assert case.target_end == registry.get("CARE_PROCEEDINGS").due(case.issued_on)
    for stage in PreProceedings.objects.all():
        assert FGDMOffer.objects.filter(person_id=stage.person_id, offered_on__lte=stage.start_date).exists()


def test_involvements_follow_the_open_episodes():
    current = Involvement.objects.filter(end_date=None)

    def held(*kinds, **match):
        return set(current.filter(kind__in=kinds, **match).values_list("person_id", flat=True))

    on_plans = set(ChildProtectionPlan.objects.filter(end_date=None).values_list("person_id", flat=True))
    assert held(IK.LEAD_CP_PRACTITIONER) == held(IK.CONFERENCE_CHAIR) == on_plans
    assert held(IK.TEAM, team__kind=TeamKind.MULTI_AGENCY_CP) == on_plans
    led = set(current.filter(kind=IK.LEAD_PRACTITIONER).values_list("person_id", "user_id"))
    assert led == set(
        FamilyHelpEpisode.objects.filter(end_date=None).values_list("person_id", "lead_practitioner_id")
    )
    referred = set(Referral.objects.filter(closure_date=None).values_list("person_id", flat=True))
    in_care = held(IK.IRO)
    privately_fostered = set(
        PrivateFosteringArrangement.objects.filter(ended_on=None).values_list("person_id", flat=True)
    )
    assert held(IK.ALLOCATED_WORKER) <= referred | in_care | privately_fostered
    undecided = set(Contact.objects.filter(decision=None).values_list("person_id", flat=True))
    assert held(IK.CONTACT, team__kind=TeamKind.FRONT_DOOR) == undecided


def test_the_demo_social_worker_has_overdue_work_their_manager_sees():
    worker, manager = User.objects.get(username="social.worker"), User.objects.get(username="team.manager")
    mine = due_items(DueWork(worker, AS_AT).people("mine"), AS_AT)
    assert any(item.overdue_on(AS_AT) for item in mine)
    managed = due_items(DueWork(manager, AS_AT).people("managed"), AS_AT)
    assert {item.person_id for item in mine} <= {item.person_id for item in managed}


def test_no_factors_identified_is_recorded_alone_and_only_where_nothing_followed_or_family_help_did():
    no_factors = Assessment.objects.filter(factors__code=AssessmentFactor.NO_FACTORS)
    assert no_factors.exists()
    for assessment in no_factors.prefetch_related("factors"):
        assert [f.code for f in assessment.factors.all()] == [AssessmentFactor.NO_FACTORS]
        if (
            assessment.authorisation_date
        ):  # factors are written as the assessment goes; the outcome at the end
            assert assessment.outcome in (AssessmentOutcome.NO_FURTHER_ACTION, AssessmentOutcome.FAMILY_HELP)


def test_most_contacts_go_no_further_than_the_front_door():
    """England's front door turns about a quarter of its contacts into referrals (issue 13)."""
    decisions = ContactDecision.objects.all()
    referred = decisions.filter(outcome__in=REFERRAL_OUTCOMES).count()
    assert 0.15 <= referred / decisions.count() <= 0.35


def test_a_plan_ends_at_a_review_conference_that_says_so_or_between_reviews():
    for plan in ChildProtectionPlan.objects.filter(end_date__isnull=False).prefetch_related("conferences"):
        conferences = plan.conferences.all()
        reviews = sorted((c.date, c.outcome) for c in conferences if c.kind == ConferenceKind.REVIEW)
        assert all(outcome == ConferenceOutcome.CONTINUE for _, outcome in reviews[:-1])
        if reviews and reviews[-1][1] == ConferenceOutcome.END_PLAN:
            assert reviews[-1][0] == plan.end_date
