"""Case records for the returns tests, built through the models as the journey pages would save them."""

import datetime

from council.models import LocalAuthority
from familyhelp.models import Assessment, AssessmentFactorRecord, CINPlan
from frontdoor.models import Referral
from people.models import Person, PersonDisability
from protection.codes import ConferenceKind, ConferenceOutcome, StrategyOutcome
from protection.models import ChildProtectionConference, ChildProtectionPlan, Section47, StrategyDiscussion
from returns.years import CollectionYear
from tests.factories import make_user

D = datetime.date
YEAR = CollectionYear(2025)


def council(code="991"):
    return LocalAuthority.objects.create(name="Testshire", dfe_code=code, ons_code="E10000018")


def child(la_id, birth_date=datetime.date(2015, 6, 1), **fields) -> Person:
    fields.setdefault("sex", "F")
    fields.setdefault("ethnicity", "WBRI")
    return Person.objects.create(
        la_id=la_id, surname="Test", forename="Child", birth_date=birth_date, **fields
    )


def referral(person, on=datetime.date(2024, 5, 1), **fields) -> Referral:
    fields.setdefault("source", "2A")
    fields.setdefault("primary_need", "N1")
    return Referral.objects.create(person=person, referral_date=on, **fields)


def assessment(ref, start, completed=None, factors=("3B",)) -> Assessment:
    made = Assessment.objects.create(
        referral=ref, person=ref.person, start_date=start, authorisation_date=completed
    )
    for code in factors:
        AssessmentFactorRecord.objects.create(assessment=made, code=code)
    return made


def cin_plan(ref, start, end=None) -> CINPlan:
    return CINPlan.objects.create(referral=ref, person=ref.person, start_date=start, end_date=end)


def enquiry(ref, start, conference_on=None, not_required=False) -> Section47:
    discussion = StrategyDiscussion.objects.create(
        referral=ref, person=ref.person, held_on=start, outcome=StrategyOutcome.SECTION_47
    )
    made = Section47.objects.create(
        referral=ref,
        person=ref.person,
        strategy_discussion=discussion,
        start_date=start,
        icpc_not_required=not_required,
    )
    if conference_on:
        ChildProtectionConference.objects.create(
            referral=ref,
            person=ref.person,
            section47=made,
            kind=ConferenceKind.INITIAL,
            date=conference_on,
            outcome=ConferenceOutcome.PLAN,
        )
    return made


def cp_plan(ref, start, end=None, reviews=(), category="NEG") -> ChildProtectionPlan:
    plan = ChildProtectionPlan.objects.create(
        referral=ref,
        person=ref.person,
        start_date=start,
        end_date=end,
        initial_category=category,
        latest_category=category,
    )
    for on in reviews:
        ChildProtectionConference.objects.create(
            referral=ref,
            person=ref.person,
            plan=plan,
            kind=ConferenceKind.REVIEW,
            date=on,
            outcome=ConferenceOutcome.CONTINUE,
        )
    return plan


def disability(person, *codes):
    for code in codes:
        PersonDisability.objects.create(person=person, code=code)


def cin_census_children():
    """A small council's census year, written to pass the DfE's rules: open, closed, CP and unborn
    children."""
    a = child("C0001")
    ref = referral(a, D(2024, 5, 1))
    assessment(ref, D(2024, 5, 2), D(2024, 6, 20), factors=("3B", "4B"))
    cin_plan(ref, D(2024, 6, 21))
    disability(a, "AUT", "LD")

    b = child("C0002", birth_date=D(2020, 2, 10), sex="M")
    ref = referral(b, D(2024, 4, 20), source="6", primary_need="N1")
    assessment(ref, D(2024, 4, 22), D(2024, 5, 30), factors=("18B",))
    enquiry(ref, D(2024, 4, 22), conference_on=D(2024, 5, 10))
    cp_plan(ref, D(2024, 5, 10), reviews=[D(2024, 8, 9), D(2025, 2, 7)])

    c = child("C0003", birth_date=D(2012, 9, 9), sex="M", upn_unknown="UN7")
    referral(
        c,
        D(2024, 9, 3),
        no_further_action=True,
        primary_need="N0",
        closure_date=D(2024, 9, 4),
        closure_reason="RC7",
    )

    d = child("C0004", birth_date=None, expected_birth_date=D(2025, 6, 1), sex="U")
    ref = referral(d, D(2025, 1, 6), source="3B", primary_need="N1")
    assessment(ref, D(2025, 1, 7), None, factors=())

    e = child("C0005", birth_date=D(2010, 1, 15), ethnicity="AIND")
    ref = referral(e, D(2023, 11, 1), primary_need="N4", closure_date=D(2024, 10, 31), closure_reason="RC1")
    assessment(ref, D(2023, 11, 2), D(2023, 12, 15))  # completed before the year: not returned
    cin_plan(ref, D(2023, 12, 16), D(2024, 10, 31))
    return [a, b, c, d, e]


def analyst():
    from access.models import Role

    return make_user(role=Role.ANALYST)


def period(person, start, category="N1", **fields):
    from care.models import PeriodOfCare

    return PeriodOfCare.objects.create(person=person, start_date=start, category_of_need=category, **fields)


def episode(period_, start, end=None, **fields):
    from care.models import Episode

    fields.setdefault("reason_new", "S")
    fields.setdefault("legal_status", "C2")
    fields.setdefault("placement_type", "U6")
    fields.setdefault("provider", "PR1")
    fields.setdefault("urn", "SC123456")
    fields.setdefault("placement_postcode", "LE2 2BB")
    fields.setdefault("home_postcode", "LE1 1AA")
    return Episode.objects.create(period=period_, start_date=start, end_date=end, **fields)


def allocated(person, worker, start, end=None, reason=""):
    """The child's allocated social worker (a 903 social worker episode), with the reason when it is a
    change."""
    from access.models import Involvement, InvolvementKind
    from care.models import SocialWorkerChange

    involvement = Involvement.objects.create(
        person=person, kind=InvolvementKind.ALLOCATED_WORKER, user=worker, start_date=start, end_date=end
    )
    if reason:
        SocialWorkerChange.objects.create(involvement=involvement, reason=reason)
    return involvement


def looked_after_children():
    """A small council's 903 year: long-term, new, adopted and unaccompanied children, and a care leaver."""
    from care.models import (
        Adoption,
        DentalCheck,
        HealthAssessment,
        MissingEpisode,
        Review,
        StrengthsAndDifficulties,
        UnaccompaniedChild,
    )
    from leavers.models import BirthdaySnapshot

    long_term = child("L0001", birth_date=D(2012, 4, 4))
    care = period(long_term, D(2021, 6, 1))
    episode(care, D(2021, 6, 1), D(2023, 9, 1), reason_ceased="X1", reason_place_change="CARPL")
    episode(care, D(2023, 9, 1), reason_new="P", placement_type="U4")
    Review.objects.create(period=care, held_on=D(2024, 9, 10), participation="PN1")
    HealthAssessment.objects.create(
        period=care, assessed_on=D(2024, 7, 1), kind="review", immunisations_up_to_date=True
    )
    DentalCheck.objects.create(period=care, checked_on=D(2024, 8, 1))
    StrengthsAndDifficulties.objects.create(period=care, completed_on=D(2024, 10, 1), score=14)
    MissingEpisode.objects.create(period=care, kind="M", started_on=D(2024, 11, 2), ended_on=D(2024, 11, 3))

    new = child("L0002", birth_date=D(2018, 8, 8), sex="M")
    care = period(new, D(2024, 7, 1), category="N2")
    episode(care, D(2024, 7, 1), legal_status="V2", reason_new="S", placement_type="U6")
    Review.objects.create(period=care, held_on=D(2024, 7, 25), participation="PN1")

    adopted = child("L0003", birth_date=D(2021, 3, 3), sex="M")
    care = period(adopted, D(2022, 1, 10))
    episode(care, D(2022, 1, 10), D(2023, 6, 1), reason_ceased="X1")
    episode(
        care,
        D(2023, 6, 1),
        D(2024, 12, 12),
        reason_new="P",
        legal_status="E1",
        placement_type="A6",
        reason_ceased="E11",
        reason_place_change="CARPL",
    )
    care.end_date = D(2024, 12, 12)
    care.save()
    Adoption.objects.create(
        period=care,
        best_interest_decision_on=D(2023, 2, 1),
        matched_on=D(2023, 5, 1),
        placed_on=D(2023, 6, 1),
        adoption_order_on=D(2024, 12, 12),
        foster_carer_adoption=False,
        adopter_sex="MF",
        adopter_legal_status="L2",
    )

    unaccompanied = child("L0004", birth_date=D(2008, 1, 1), sex="M", ethnicity="BAFR", upn_unknown="UN2")
    care = period(unaccompanied, D(2024, 10, 1), category="N8")
    episode(care, D(2024, 10, 1), legal_status="V2", placement_type="K2", provider="PR4")
    UnaccompaniedChild.objects.create(
        person=unaccompanied, arrived_on=D(2024, 9, 29), arrival_route="spontaneous"
    )

    first, second = make_user(swe_number="SW100201"), make_user(swe_number="SW100202")
    allocated(long_term, first, D(2021, 6, 1), D(2024, 10, 31))
    allocated(long_term, second, D(2024, 11, 1), reason="LEFTRL")
    allocated(new, second, D(2024, 7, 1))
    allocated(unaccompanied, first, D(2024, 10, 1))

    leaver = child("L0005", birth_date=D(2006, 5, 5))
    BirthdaySnapshot.objects.create(
        person=leaver,
        age=18,
        in_touch="YES",
        activity="F2",
        accommodation="U",
        accommodation_suitable=True,
        recorded_on=D(2024, 5, 20),
    )
    return [long_term, new, adopted, unaccompanied, leaver]
