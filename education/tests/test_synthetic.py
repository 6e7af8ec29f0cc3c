"""The synthetic council's education records: rows the models would accept, the links that matter, and
nothing else changed (every other app's rows are as they were without this step)."""

import dataclasses
import datetime

import pytest
from django.db import transaction

from access.models import Involvement, TeamKind
from council.scales import SCALES
from council.synthetic.generator import generate
from education import models as education
from education.codes import RegisterBasis
from protection.models import ChildProtectionPlan, Section47
from timescales import registry
from timescales.workdays import reset_default_calendar

AS_AT = datetime.date(2025, 10, 31)
pytestmark = [pytest.mark.django_db, pytest.mark.slow]
SCALE = dataclasses.replace(SCALES["tiny"], child_population=30_000, households=3_600, schools=40)


@pytest.fixture(scope="module", autouse=True)
def council(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            generate(3, SCALE, AS_AT)
            reset_default_calendar()
            yield
            transaction.set_rollback(True)
    reset_default_calendar()


def test_every_kind_of_record_is_there():
    for model in (
        education.RegisterEntry,
        education.HomeEducationNotice,
        education.CmeReferral,
        education.Enquiry,
        education.PmeReferral,
        education.Exclusion,
        education.EhcRequest,
        education.EhcPlan,
        education.ActivityRecord,
        education.SchoolRoll,
    ):
        assert model.objects.exists(), model.__name__


def test_stored_due_dates_are_the_registrys_on_the_councils_calendar():
    for exclusion in education.Exclusion.objects.filter(kind="permanent")[:50]:
        assert exclusion.provision_due == registry.get("EXCLUDED_PUPIL_EDUCATION").due(exclusion.start_date)
    for referral in education.CmeReferral.objects.all()[:50]:
        assert referral.visit_due == registry.get("CME_FIRST_VISIT").due(referral.received_on)
    for request in education.EhcRequest.objects.all()[:50]:
        assert request.plan_due == registry.get("EHC_FINAL_PLAN").due(request.received_on)


def test_notices_for_children_in_protection_work_need_consent_and_the_rest_are_on_the_register():
    held = education.HomeEducationNotice.objects.filter(consent_needed=True)
    assert held.exists()
    for notice in held:
        on = notice.received_on
        open_plan = (
            ChildProtectionPlan.objects.filter(person=notice.person, start_date__lte=on)
            .exclude(end_date__lte=on)
            .exists()
        )
        open_s47 = (
            Section47.objects.filter(person=notice.person, start_date__lte=on)
            .exclude(completed_on__lte=on)
            .exists()
        )
        assert open_plan or open_s47
    free = education.HomeEducationNotice.objects.filter(consent_needed=False)
    assert not free.filter(entry__isnull=True).exists()
    assert education.RegisterEntry.objects.filter(basis=RegisterBasis.HOME_EDUCATED).exists()


def test_register_entries_never_close_before_they_open_and_home_education_ends_by_school_leaving_age():
    from django.db.models import F

    assert not education.RegisterEntry.objects.filter(closed_on__lt=F("opened_on")).exists()
    for entry in education.RegisterEntry.objects.filter(closed_reason="over_age").select_related("person"):
        assert entry.closed_on.year - entry.person.birth_date.year in (16, 17)


def test_each_child_with_education_work_is_open_to_an_education_team():
    teams = set(
        Involvement.objects.filter(team__kind__in=[TeamKind.EDUCATION, TeamKind.VIRTUAL_SCHOOL]).values_list(
            "person_id", flat=True
        )
    )
    assert set(education.CmeReferral.objects.values_list("person_id", flat=True)) <= teams
    assert set(education.HomeEducationNotice.objects.values_list("person_id", flat=True)) <= teams
