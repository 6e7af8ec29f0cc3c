"""Record linkage with Splink: features, decisions, quality on held-out synthetic records, duplicates."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from access.models import AgencyKind
from frontdoor.models import Contact
from people.models import Person
from sharing.linkage import features, linking, quality, thresholds
from sharing.linkage.engine import Pair
from sharing.models import DuplicatePair, LinkStatus, PartnerRecord, RecordKind
from tests import factories

AS_AT = "2025-03-31"


def test_names_postcodes_and_nhs_numbers_are_written_one_way():
    assert features.name_key("Sarah-Jane ") == features.name_key("SARAH JANE") == "sarahjane"
    assert features.postcode_parts("sx29bf") == ("SX2 9BF", "SX2 9", "SX2")
    assert features.postcode_parts("SX12 3AB") == ("SX12 3AB", "SX12 3", "SX12")
    assert features.nhs_key("943 476 5919") == "9434765919"
    assert "william" in features.name_group("Billy") and "billy" in features.name_group("William")
    row = features.row(
        1,
        forename="Billy",
        surname="O'Neil",
        birth_date=datetime.date(2016, 4, 3),
        sex="U",
        postcode="sx2 9bf",
        address="Flat 2, 10 Mill Road",
        nhs_number="",
        earlier_postcodes=["SX3 1AB"],
    )
    assert row["surname"] == "oneil" and row["sex"] is None and row["nhs_number"] is None
    assert row["postcode_history"] == ["SX2 9BF", "SX3 1AB"] and row["dob"] == "2016-04-03"


class FakeRecord:
    def __init__(self, pk=1, makes_contact=False):
        self.pk, self.makes_contact = pk, makes_contact


def pair(person, weight):
    return Pair(person, 1, weight, 0.5, [])


LIMITS = thresholds.Thresholds(auto_link=8, margin=6, review=-2, duplicate=4, candidates_shown=3)


@pytest.mark.parametrize(
    "pairs, status, person",
    [
        ([pair(10, 20.0)], LinkStatus.LINKED, 10),
        ([pair(10, 8.0)], LinkStatus.LINKED, 10),  # exactly the threshold links
        ([pair(10, 7.9)], LinkStatus.REVIEW, None),
        (
            [pair(10, 20.0), pair(11, 15.0)],
            LinkStatus.REVIEW,
            None,
        ),  # two strong candidates: a worker chooses
        ([pair(10, 20.0), pair(11, 14.0)], LinkStatus.LINKED, 10),  # exactly the margin ahead
        ([pair(10, 20.0), pair(11, -3.0)], LinkStatus.LINKED, 10),  # a runner-up below review does not count
        ([pair(10, -5.0)], LinkStatus.NOT_KNOWN, None),
        ([], LinkStatus.NOT_KNOWN, None),
    ],
)
def test_decisions_follow_the_declared_thresholds(pairs, status, person):
    decision = linking.decide(FakeRecord(), pairs, LIMITS)
    assert (decision.status, decision.person_id) == (status, person)


def test_a_notification_with_no_likely_child_still_goes_to_a_worker():
    assert linking.decide(FakeRecord(makes_contact=True), [], LIMITS).status == LinkStatus.REVIEW


@pytest.fixture
def linked_council(db):
    call_command("generate_la", "--seed", "7", "--scale", "tiny", "--as-at", AS_AT, stdout=io.StringIO())
    return linking.train(max_pairs=2e5)


def test_auto_linking_meets_its_targets_on_held_out_records_of_a_small_council(linked_council):
    table = quality.measure(linked_council.splink_json, held_out=True)
    overall = table["all"]
    print("\n" + quality.format_table(table))
    assert overall.records > 150
    assert overall.precision >= quality.TARGET_PRECISION
    assert overall.recall >= quality.TARGET_RECALL
    assert (
        table[quality.ERROR_LABELS["nhs_missing"]].recall >= quality.TARGET_RECALL
    )  # Splink, not the NHS number


def test_linking_saves_links_candidates_and_contacts_and_finds_the_councils_duplicates(linked_council):
    agency = factories.make_agency("Test Police", AgencyKind.POLICE)
    person = Person.objects.filter(birth_date__isnull=False, merged_into__isnull=True).order_by("pk")[5]
    received = timezone.now() - datetime.timedelta(hours=3)
    notification = PartnerRecord.objects.create(
        agency=agency,
        kind=RecordKind.DOMESTIC_ABUSE,
        forename=person.forename.upper(),
        surname=person.surname,
        birth_date=person.birth_date,
        sex=person.sex,
        received_at=received,
        summary="Officers attended.",
        postcode=person.addresses.first().postcode if person.addresses.exists() else "",
    )
    counts = linking.link_awaiting(linked_council.splink_json)
    assert sum(counts.values()) == PartnerRecord.objects.count()
    assert not PartnerRecord.objects.filter(status=LinkStatus.AWAITING).exists()
    notification.refresh_from_db()
    assert (notification.status, notification.person) == (LinkStatus.LINKED, person)
    assert notification.link_method == "automatic" and notification.link_weight >= thresholds.get().auto_link
    contact = Contact.objects.get(partner_record=notification)
    assert contact.received_at == received
    assert not Contact.objects.filter(partner_record__kind__in=["school_roll", "gp_registration"]).exists()
    assert notification.history.count() >= 2

    found = linking.find_duplicates(linked_council.splink_json)
    assert found >= 3  # the generator makes at least three duplicate records of a child
    for dup in DuplicatePair.objects.all()[:3]:
        assert (dup.first.forename, dup.first.surname) == (dup.second.forename, dup.second.surname)
    assert linking.find_duplicates(linked_council.splink_json) == 0  # found once


def test_the_quality_command_prints_the_table(linked_council):
    out = io.StringIO()
    call_command("linkage_quality", "--check", stdout=out)
    assert "day and month swapped" in out.getvalue() and "Targets" in out.getvalue()
