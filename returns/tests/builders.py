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
    return LocalAuthority.objects.create(name="Testshire", dfe_code=code)


def child(la_id, birth_date=D(2015, 6, 1), **fields) -> Person:
    fields.setdefault("sex", "F")
    fields.setdefault("ethnicity", "WBRI")
    return Person.objects.create(la_id=la_id, surname="Test", forename="Child", birth_date=birth_date, **fields)


def referral(person, on=D(2024, 5, 1), **fields) -> Referral:
    fields.setdefault("source", "2A")
    fields.setdefault("primary_need", "N1")
    return Referral.objects.create(person=person, referral_date=on, **fields)


def assessment(ref, start, completed=None, factors=("3B",)) -> Assessment:
    made = Assessment.objects.create(referral=ref, person=ref.person, start_date=start, authorisation_date=completed)
    for code in factors:
        AssessmentFactorRecord.objects.create(assessment=made, code=code)
    return made


def cin_plan(ref, start, end=None) -> CINPlan:
    return CINPlan.objects.create(referral=ref, person=ref.person, start_date=start, end_date=end)


def enquiry(ref, start, conference_on=None, not_required=False) -> Section47:
    discussion = StrategyDiscussion.objects.create(referral=ref, person=ref.person, held_on=start,
                                                   outcome=StrategyOutcome.SECTION_47)
    made = Section47.objects.create(referral=ref, person=ref.person, strategy_discussion=discussion, start_date=start,
                                    icpc_not_required=not_required)
    if conference_on:
        ChildProtectionConference.objects.create(referral=ref, person=ref.person, section47=made,
                                                 kind=ConferenceKind.INITIAL, date=conference_on,
                                                 outcome=ConferenceOutcome.PLAN)
    return made


def cp_plan(ref, start, end=None, reviews=(), category="NEG") -> ChildProtectionPlan:
    plan = ChildProtectionPlan.objects.create(referral=ref, person=ref.person, start_date=start, end_date=end,
                                              initial_category=category, latest_category=category)
    for on in reviews:
        ChildProtectionConference.objects.create(referral=ref, person=ref.person, plan=plan,
                                                 kind=ConferenceKind.REVIEW, date=on,
                                                 outcome=ConferenceOutcome.CONTINUE)
    return plan


def disability(person, *codes):
    for code in codes:
        PersonDisability.objects.create(person=person, code=code)


def cin_census_children():
    """A small council's census year, written to pass the DfE's rules: open, closed, CP and unborn children."""
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
    referral(c, D(2024, 9, 3), no_further_action=True, primary_need="N0", closure_date=D(2024, 9, 4),
             closure_reason="RC7")

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
