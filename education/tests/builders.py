"""Small, valid education test data: teams and officers, schools, children on CP plans or in s47 enquiries."""

import datetime

from django.utils import timezone

from access.models import Role, TeamKind
from education.models import School
from frontdoor.codes import ReferralSource
from frontdoor.models import Referral
from protection.codes import AbuseCategory, StrategyOutcome
from protection.models import ChildProtectionPlan, Section47, StrategyDiscussion
from tests.factories import make_team, make_user, next_id

TODAY = timezone.localdate


def education_team():
    return make_team("Education Inclusion Team", kind=TeamKind.EDUCATION)


def officer(team=None, **fields):
    return make_user(
        role=Role.EDUCATION_OFFICER,
        teams=[team or education_team()],
        first_name="Eda",
        last_name=fields.pop("last_name", "Officer"),
        **fields,
    )


def virtual_school_officer(team=None):
    return make_user(
        role=Role.VIRTUAL_SCHOOL,
        teams=[team or make_team("Virtual School", kind=TeamKind.VIRTUAL_SCHOOL)],
        first_name="Vera",
        last_name="Virtual",
    )


def school(phase="secondary", name=None) -> School:
    n = next_id()
    return School.objects.create(
        urn=str(900000 + n), name=name or f"Meadow School {n}", phase=phase, postcode="LE1 1AA"
    )


def referral(person, on=None):
    return Referral.objects.create(
        person=person,
        referral_date=on or TODAY() - datetime.timedelta(days=60),
        source=ReferralSource.POLICE,
    )


def cp_plan(person, start=None, end=None, lead=None):
    start = start or TODAY() - datetime.timedelta(days=30)
    return ChildProtectionPlan.objects.create(
        referral=referral(person, start - datetime.timedelta(days=20)),
        person=person,
        start_date=start,
        end_date=end,
        lead_practitioner=lead,
        initial_category=AbuseCategory.NEGLECT,
        latest_category=AbuseCategory.NEGLECT,
    )


def section47(person, start=None, completed=None):
    start = start or TODAY() - datetime.timedelta(days=5)
    ref = referral(person, start - datetime.timedelta(days=1))
    discussion = StrategyDiscussion.objects.create(
        referral=ref, person=person, held_on=start, outcome=StrategyOutcome.SECTION_47
    )
    return Section47.objects.create(
        referral=ref, person=person, strategy_discussion=discussion, start_date=start, completed_on=completed
    )


def every_education_record(child, on=None, worker=None, period=None):
    """One of each education record a page is keyed by, for `child` (the URL access test's fixture): a home
    education notice, CME and PME referrals, a permanent exclusion, an EHC request and plan, and a PEP (in
    `period`, else a period of care begun for the purpose, with `worker` as the child's social worker)."""
    from care.models import PersonalEducationPlan
    from education import services
    from education.models import CmeReferral, EhcPlan, EhcRequest, Exclusion, PmeReferral
    from tests.factories.care import child_in_care

    on = on or TODAY() - datetime.timedelta(days=20)
    a_school = school()
    services.receive_notice(child, received_on=on, reason="other", school=a_school)
    CmeReferral.objects.create(person=child, received_on=on, reason="from_la")
    PmeReferral.objects.create(person=child, school=a_school, received_on=on, reason="mental_health")
    Exclusion.objects.create(person=child, school=a_school, kind="permanent", start_date=on, reason="PA")
    request = EhcRequest.objects.create(person=child, received_on=on, requested_by="parent")
    EhcPlan.objects.create(person=child, request=request, issued_on=on, primary_need="ASD", school=a_school)
    period = period or child_in_care(person=child, worker=worker, start=on)
    PersonalEducationPlan.objects.create(period=period, meeting_on=on, school=a_school)
