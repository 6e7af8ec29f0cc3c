"""Care pages through the Django test client: each flow, its errors, its access check and audit."""

import datetime

import pytest
from django.urls import reverse

from access.models import Disclosure, Involvement, InvolvementKind, RecordView, Role, TeamKind
from care.models import (
    Adoption,
    AgeAssessment,
    CarePlanning,
    DentalCheck,
    HealthAssessment,
    MissingEpisode,
    PermanencePlan,
    PersonalEducationPlan,
    Review,
    StrengthsAndDifficulties,
    TemporaryApproval,
    UnaccompaniedChild,
    Visit,
)
from tests.factories import involve, make_person, make_team, make_user, police_officer
from tests.factories.care import child_in_care, cic_team, iro

pytestmark = pytest.mark.django_db
D = datetime.date


def date(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


@pytest.fixture
def worker(client):
    user = make_user(teams=[cic_team()], first_name="Jo", last_name="Carer")
    client.force_login(user)
    return user


@pytest.fixture
def period(worker):
    return child_in_care(start=D(2026, 1, 5), worker=worker)


def post(client, name, person, data):
    return client.post(reverse(name, args=[person.pk]), data)


def test_starting_care_creates_the_period_episode_and_involvements(client, worker):
    child = make_person(birth_date=D(2014, 2, 3))
    involve(child, user=worker, team=worker.teams.first())
    reviewer, school = iro(), make_team(kind=TeamKind.VIRTUAL_SCHOOL)
    response = post(
        client,
        "care:start",
        child,
        {
            **date("start_date", D(2026, 1, 5)),
            "legal_status": "C2",
            "placement_type": "U4",
            "provider": "PR1",
            "provider_name": "The Browns",
            "urn": "SC111111",
            "placement_postcode": "le4 6ab",
            "home_postcode": "LE1 1AA",
            "category_of_need": "N1",
            "previous_permanence": "Z1",
            "worker": worker.pk,
            "iro": reviewer.pk,
            "virtual_school": school.pk,
            "weekly_cost": "450",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("care:record", args=[child.pk])
    period = child.periods_of_care.get()
    episode = period.current_episode()
    # the distance and the placement's council are derived from the postcodes, as the DfE derives them
    found = (
        episode.reason_new,
        episode.placement_postcode,
        str(episode.distance_miles),
        episode.placement_council,
    )
    assert found == ("S", "LE4 6AB", "1.1", "E06000016")
    assert Involvement.objects.filter(person=child, kind=InvolvementKind.IRO, user=reviewer).exists()
    page = client.get(reverse("care:record", args=[child.pk]))
    assert "Looked after since" in page.content.decode() and "The Browns" in page.content.decode()


def test_start_care_errors_name_the_fields(client, worker):
    child = make_person()
    involve(child, user=worker)
    response = post(client, "care:start", child, {"placement_type": "K2", "provider": "PR4"})
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in html
    assert 'href="#id_start_date"' in html and "Enter the date the child became looked after" in html
    assert "Select the legal status" in html or "Select the legal status" in html.replace("&#x27;", "'")
    assert not child.periods_of_care.exists()


def test_a_placement_rule_broken_on_saving_is_shown_on_its_field_and_nothing_is_saved(client, worker):
    child = make_person()
    involve(child, user=worker)
    response = post(
        client,
        "care:start",
        child,
        {
            **date("start_date", D(2026, 1, 5)),
            "legal_status": "V2",
            "placement_type": "K2",
            "provider": "PR4",
            "placement_postcode": "NG1 5FS",
            "home_postcode": "LE1 1AA",
            "category_of_need": "N1",
            "previous_permanence": "Z1",
            "worker": worker.pk,
        },
    )
    assert "Enter the provider&#x27;s Ofsted unique reference number (URN)" in response.content.decode()
    assert not child.periods_of_care.exists()


def test_changing_placement_and_legal_status_and_ending_care(client, period):
    person = period.person
    response = post(
        client,
        "care:change_placement",
        person,
        {
            **date("start_date", D(2026, 3, 2)),
            "placement_type": "K2",
            "provider": "PR4",
            "provider_name": "Oak House",
            "urn": "SC654321",
            "placement_postcode": "NG1 5FS",
            "reason_place_change": "CREQB",
            "carers_changed": "True",
        },
    )
    assert response.status_code == 302
    assert period.current_episode().reason_new == "P"
    post(
        client,
        "care:change_legal_status",
        person,
        {**date("start_date", D(2026, 4, 1)), "legal_status": "C2"},
    )
    assert period.current_episode().legal_status == "C2"
    post(client, "care:end", person, {**date("end_date", D(2026, 6, 1)), "reason_ceased": "E4A"})
    period.refresh_from_db()
    assert period.end_date == D(2026, 6, 1)


def test_a_move_needs_the_reason_the_last_placement_ended(client, period):
    response = post(
        client,
        "care:change_placement",
        period.person,
        {
            **date("start_date", D(2026, 3, 2)),
            "placement_type": "K2",
            "provider": "PR4",
            "urn": "SC654321",
            "placement_postcode": "NG1 5FS",
            "carers_changed": "True",
        },
    )
    assert "Select why the last placement ended" in response.content.decode()


def test_recording_while_in_care(client, period, worker):
    person, reviewer = period.person, iro()
    post(
        client,
        "care:review",
        person,
        {**date("held_on", D(2026, 1, 30)), "participation": "PN1", "iro": reviewer.pk},
    )
    post(
        client,
        "care:visit",
        person,
        {**date("visited_on", D(2026, 1, 9)), "child_seen": "on", "seen_alone": "on"},
    )
    post(
        client,
        "care:health",
        person,
        {**date("assessed_on", D(2026, 1, 20)), "kind": "initial", "immunisations_up_to_date": "True"},
    )
    post(client, "care:dental", person, date("checked_on", D(2026, 2, 2)))
    post(client, "care:sdq", person, {**date("completed_on", D(2026, 2, 3)), "score": "14"})
    post(client, "care:pep", person, {**date("meeting_on", D(2026, 1, 28)), "rating": "green"})
    post(client, "care:missing", person, {"kind": "M", **date("started_on", D(2026, 2, 10))})
    post(
        client,
        "care:missing_return",
        person,
        {
            **date("ended_on", D(2026, 2, 11)),
            **date("return_interview_offered_on", D(2026, 2, 12)),
            "return_interview_accepted": "True",
        },
    )
    post(client, "care:permanence", person, {**date("decided_on", D(2026, 4, 1)), "plan": "adoption"})
    post(client, "care:adoption", person, {**date("best_interest_decision_on", D(2026, 4, 2))})
    review = Review.objects.get(person=person)
    assert review.on_time and review.iro == reviewer  # due 2 February 2026 (20 working days from 5 January)
    assert Visit.objects.get(person=person).visited_by == worker
    assert HealthAssessment.objects.get(person=person).immunisations_up_to_date is True
    assert DentalCheck.objects.filter(person=person).exists()
    assert StrengthsAndDifficulties.objects.get(person=person).score == 14
    assert PersonalEducationPlan.objects.get(person=person).rating == "green"
    missing = MissingEpisode.objects.get(person=person)
    assert (missing.ended_on, missing.return_interview_accepted) == (D(2026, 2, 11), True)
    assert PermanencePlan.objects.get(person=person).plan == "adoption"
    assert Adoption.objects.get(period=period).best_interest_decision_on == D(2026, 4, 2)
    page = client.get(reverse("care:record", args=[person.pk])).content.decode()
    assert "Attended and spoke for themselves" in page and "PN1" not in page  # words, not the code
    assert "On time" in page and "score 14" in page


def test_an_sdq_needs_a_score_or_a_reason(client, period):
    response = post(client, "care:sdq", period.person, date("completed_on", D(2026, 2, 3)))
    assert "Enter the total difficulties score, or select why there is no score." in response.content.decode()


def test_unaccompanied_arrival_with_undetermined_age_designates_1_january(client, period):
    person = period.person
    post(
        client,
        "care:unaccompanied",
        person,
        {
            **date("arrived_on", D(2026, 1, 4)),
            "arrival_route": "nts",
            "transferred_from": "Kent",
            "age_undetermined": "on",
            "estimated_birth_year": "2010",
        },
    )
    person.refresh_from_db()
    assert person.birth_date == D(2010, 1, 1)
    assert UnaccompaniedChild.objects.get(person=person).arrival_route == "nts"
    post(client, "care:age_assessment", person, date("referred_on", D(2026, 1, 6)))
    assert AgeAssessment.objects.get().due_on == D(2026, 2, 3)  # 6 January + 28 days
    post(
        client, "care:age_assessment", person, {**date("completed_on", D(2026, 2, 3)), "outcome": "accepted"}
    )
    assert AgeAssessment.objects.get().on_time


def test_care_pages_check_access_and_are_audited(client, period):
    officer = police_officer()
    client.force_login(officer)
    response = client.get(reverse("care:record", args=[period.person.pk]))
    assert response.status_code == 403
    assert RecordView.objects.filter(user=officer, person=period.person, allowed=False).exists()
    assert client.post(reverse("care:review", args=[period.person.pk]), {}).status_code == 403


def test_break_glass_reads_but_does_not_record(client, period):
    stranger = make_user(role=Role.SOCIAL_WORKER)
    client.force_login(stranger)
    client.post(
        reverse("people:break_glass", args=[period.person.pk]), {"reason": "Emergency placement search"}
    )
    assert client.get(reverse("care:record", args=[period.person.pk])).status_code == 200
    assert client.get(reverse("care:review", args=[period.person.pk])).status_code == 403


def test_the_worklist_shows_due_work_for_children_in_care_the_user_can_open(client, period):
    other = child_in_care(start=D(2026, 1, 5))
    page = client.get(reverse("care:worklist")).content.decode()
    assert period.person.full_name in page and "Hold the looked-after review" in page
    assert reverse("care:record", args=[other.person.pk]) not in page
    assert "National Transfer Scheme" in page
    logged = Disclosure.objects.get(what="Children in care: due work, page 1")  # the worklist names children
    assert set(logged.children.values_list("person_id", flat=True)) == {period.person.pk}


def test_the_childs_record_has_a_care_card(client, period):
    page = client.get(reverse("people:record", args=[period.person.pk])).content.decode()
    assert "Looked after since" in page and reverse("care:record", args=[period.person.pk]) in page
    assert "Became looked after" in page  # the timeline continues into care


CARE_FORMS = [
    "change_placement",
    "change_legal_status",
    "end",
    "social_worker",
    "iro",
    "review",
    "visit",
    "health",
    "dental",
    "sdq",
    "substance",
    "youth_justice",
    "pep",
    "missing",
    "permanence",
    "adoption",
    "deprivation_of_liberty",
    "unaccompanied",
    "care_planning",
    "temporary_approval",
]


@pytest.mark.parametrize("name", CARE_FORMS)
def test_every_care_form_opens_with_a_save_button_and_is_audited(client, period, name):
    response = client.get(reverse(f"care:{name}", args=[period.person.pk]))
    assert response.status_code == 200 and 'type="submit"' in response.content.decode()
    assert RecordView.objects.filter(person=period.person, allowed=True).exists()


def test_substance_misuse_conviction_and_deprivation_of_liberty(client, period):
    person = period.person
    post(
        client, "care:substance", person, {**date("identified_on", D(2026, 2, 1)), "intervention": "refused"}
    )
    post(client, "care:youth_justice", person, {**date("given_on", D(2026, 2, 2)), "outcome": "caution"})
    post(client, "care:deprivation_of_liberty", person, date("start_date", D(2026, 2, 3)))
    page = client.get(reverse("care:record", args=[person.pk])).content.decode()
    for text in [
        "offered an intervention but refused it",
        "youth caution",
        "Deprivation of liberty order from 3 Feb 2026",
    ]:
        assert text in page


def test_changing_social_worker_asks_why_and_ends_the_old_allocation(client, period, worker):
    newcomer = make_user(teams=[cic_team()])
    response = post(
        client, "care:social_worker", period.person, {"worker": newcomer.pk, **date("on", D(2026, 2, 2))}
    )
    assert "Select why the social worker is changing" in response.content.decode()
    post(
        client,
        "care:social_worker",
        period.person,
        {"worker": newcomer.pk, **date("on", D(2026, 2, 2)), "worker_change_reason": "LEFTRL"},
    )
    current = Involvement.objects.get(
        person=period.person, kind=InvolvementKind.ALLOCATED_WORKER, end_date__isnull=True
    )
    assert current.user == newcomer and current.social_worker_change.reason == "LEFTRL"


def test_a_postcode_the_directory_does_not_hold_is_refused_naming_the_field(client, worker):
    child = make_person(birth_date=D(2014, 2, 3))
    involve(child, user=worker, team=worker.teams.first())
    response = post(
        client,
        "care:start",
        child,
        {
            **date("start_date", D(2026, 1, 5)),
            "legal_status": "C2",
            "placement_type": "U4",
            "provider": "PR1",
            "urn": "SC111111",
            "placement_postcode": "SX17 3BZ",
            "home_postcode": "LE1 1AA",
            "category_of_need": "N1",
            "previous_permanence": "Z1",
            "worker": worker.pk,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'href="#id_placement_postcode"' in html
    assert "SX17 3BZ is not in the ONS postcode directory" in html
    assert not child.periods_of_care.exists()


def test_the_record_shows_distance_from_home_and_the_worklist_flags_far_placements(client, worker, period):
    episode = period.current_episode()
    episode.home_postcode, episode.placement_postcode = "LE1 1AA", "NG1 1AA"  # Leicester to Nottingham
    episode.save()
    assert episode.distance_miles > 20 and episode.placement_council == "E06000018"
    html = client.get(reverse("care:record", args=[period.person.pk])).content.decode()
    assert f"{episode.distance_miles} miles" in html and "Over 20 miles" in html and "Nottingham" in html
    worklist = client.get(reverse("care:worklist")).content.decode()
    assert "Placed more than 20 miles from home" in worklist and period.person.la_id in worklist


def test_a_move_to_the_same_placement_is_refused(period):
    from django.core.exceptions import ValidationError

    from care import services

    current = period.current_episode()
    same = {name: getattr(current, name) for name in services.PLACEMENT_FIELDS}
    with pytest.raises(ValidationError, match="current placement"):
        services.change_placement(
            period,
            start_date=current.start_date + datetime.timedelta(days=30),
            placement=same,
            reason_place_change="CARPL",
        )


def test_first_contact_is_not_a_reason_for_a_change_of_worker(period, worker):
    from django.core.exceptions import ValidationError

    from care import services

    other = make_user(teams=[cic_team()])
    with pytest.raises(ValidationError, match="First contact"):
        services.allocate_social_worker(period.person, other, other.teams.first(), D(2026, 2, 1), "FCONTA")


def test_a_placement_plan_is_recorded_for_the_current_placement_and_stops_being_due(client, period):
    person = period.person
    response = post(
        client,
        "care:care_planning",
        person,
        {"kind": "placement_plan", **date("completed_on", D(2026, 1, 7))},
    )
    assert response.status_code == 302
    record = CarePlanning.objects.get(period=period)
    assert record.placement_from == D(2026, 1, 5)
    page = client.get(reverse("care:record", args=[person.pk])).content.decode()
    assert "Prepare the placement plan" not in page and "Send written notice of the placement" in page
    assert "placement plan (reg 9) (placement from 5 Jan 2026)" in page


def test_a_visit_records_the_childs_agreement_to_fewer_visits(client, period):
    post(
        client,
        "care:visit",
        period.person,
        {**date("visited_on", D(2026, 1, 9)), "child_seen": "on", "child_agrees_to_fewer_visits": "True"},
    )
    assert Visit.objects.get(period=period).child_agrees_to_fewer_visits is True


def test_temporary_approval_errors_name_the_fields_and_an_approval_saves(client, period):
    person = period.person
    response = post(
        client,
        "care:temporary_approval",
        person,
        {
            "carers": "Aunt Sam",
            **date("approved_on", D(2026, 1, 5)),
            **date("extended_until", D(2026, 9, 1)),
            "extension_reason": "assessment",
        },
    )
    assert "An extension to finish the assessment is at most 8 weeks" in response.content.decode()
    assert not TemporaryApproval.objects.exists()
    post(
        client,
        "care:temporary_approval",
        person,
        {"carers": "Aunt Sam", **date("approved_on", D(2026, 1, 5))},
    )
    approval = TemporaryApproval.objects.get(period=period)
    assert approval.ends_on == D(2026, 4, 26)
    page = client.get(reverse("care:temporary_approval", args=[person.pk])).content.decode()
    assert "26 April 2026" in page  # the open approval is shown to be extended or ended


def test_a_national_transfer_needs_an_unaccompanied_child_and_then_is_recorded(client, period):
    person = period.person
    response = client.get(reverse("care:national_transfer", args=[person.pk]))
    assert response.status_code == 302 and response["Location"] == reverse(
        "care:unaccompanied", args=[person.pk]
    )
    UnaccompaniedChild.objects.create(person=person, arrived_on=D(2026, 1, 5), arrival_route="spontaneous")
    response = post(
        client,
        "care:national_transfer",
        person,
        {**date("referred_on", D(2026, 1, 6)), **date("allocated_on", D(2026, 1, 8))},
    )
    assert "Give both the receiving council and the date it was allocated" in response.content.decode()
    post(
        client,
        "care:national_transfer",
        person,
        {
            **date("referred_on", D(2026, 1, 6)),
            **date("allocated_on", D(2026, 1, 8)),
            "receiving_council": "Derbyshire County Council",
        },
    )
    assert (
        "Transfer the child to Derbyshire County Council"
        in client.get(reverse("care:record", args=[person.pk])).content.decode()
    )


@pytest.mark.parametrize("name", ["care_planning", "temporary_approval", "national_transfer"])
def test_new_care_pages_refuse_partners_and_break_glass_recording(client, period, name):
    client.force_login(police_officer())
    assert client.get(reverse(f"care:{name}", args=[period.person.pk])).status_code == 403
    stranger = make_user(role=Role.SOCIAL_WORKER)
    client.force_login(stranger)
    client.post(reverse("people:break_glass", args=[period.person.pk]), {"reason": "Out of hours emergency"})
    assert client.get(reverse(f"care:{name}", args=[period.person.pk])).status_code == 403
    assert RecordView.objects.filter(user=stranger, person=period.person).exists()


def test_the_childs_iro_records_reviews_but_not_the_care_plan(client, period):
    from care.services import allocate_iro

    reviewer = iro()
    allocate_iro(period.person, reviewer, D(2026, 1, 6))
    client.force_login(reviewer)
    page = client.get(reverse("care:record", args=[period.person.pk])).content.decode()
    assert "Looked-after review" in page
    for name in ("care_planning", "temporary_approval", "visit"):
        assert reverse(f"care:{name}", args=[period.person.pk]) not in page, name
    response = client.post(reverse("care:care_planning", args=[period.person.pk]), {"kind": "care_plan"})
    assert response.status_code == 403 and not CarePlanning.objects.exists()
    refusal = RecordView.objects.filter(user=reviewer, allowed=False).latest("pk")
    assert refusal.person == period.person and "no right to record casework" in refusal.basis


def test_care_planning_errors_name_the_fields(client, period):
    html = post(client, "care:care_planning", period.person, {}).content.decode()
    assert "Select the plan or notice completed" in html and "Enter the date completed" in html
    assert not CarePlanning.objects.exists()
