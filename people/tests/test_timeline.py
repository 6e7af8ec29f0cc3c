"""The timeline registry: every app's providers, merged duplicates included, newest first."""

import datetime

import pytest
from django.utils import timezone

from access.parts import Part
from people import timeline
from people.codes import RelationshipKind
from people.merging import merge_records
from people.timeline import TimelineEntry
from tests.factories import allocated_child, make_address, make_person, make_user, relate

pytestmark = pytest.mark.django_db


def test_entries_mix_dates_and_datetimes_newest_first():
    entries = [
        TimelineEntry(datetime.date(2020, 1, 1), "old"),
        TimelineEntry(timezone.make_aware(datetime.datetime(2024, 5, 1, 9, 30)), "with time"),
        TimelineEntry(datetime.date(2022, 6, 1), "middle"),
    ]
    ordered = sorted(entries, key=lambda e: e.sort_key, reverse=True)
    assert [e.title for e in ordered] == ["with time", "middle", "old"]


def test_autodiscover_registers_each_apps_providers():
    modules = {func.__module__ for func in timeline._providers.values()}
    assert {"people.timeline", "access.timeline"} <= modules


def test_a_registered_provider_contributes(monkeypatch):
    monkeypatch.setattr(timeline, "_providers", dict(timeline._providers))
    monkeypatch.setattr(timeline, "_parts", dict(timeline._parts))

    @timeline.provider(Part.CHILD_PROTECTION)
    def visits(person_ids):
        return [
            TimelineEntry(
                datetime.date(2030, 1, 1), "Statutory visit", kind="test.visit", person_id=person_ids[0]
            )
        ]

    child = make_person()
    assert timeline.entries_for([child.pk])[0].title == "Statutory visit"


def test_peoples_own_entries():
    child = make_person(birth_date=datetime.date(2018, 3, 27), death_date=datetime.date(2023, 1, 1))
    make_address(child, start_date=datetime.date(2019, 1, 1), end_date=datetime.date(2020, 1, 1))
    mother = make_person(forename="Grace", birth_date=datetime.date(1990, 1, 1))
    relate(child, mother, RelationshipKind.MOTHER, start_date=datetime.date(2018, 3, 27))

    titles = [e.title for e in timeline.entries_for([child.pk])]

    assert titles[:3] == ["Died", "Left address", "Address from"]
    assert set(titles[3:]) == {"Born", "Mother: Grace Smith"}  # same day
    # the same relationship read from the mother's side
    assert "Child: Alex Smith" in [e.title for e in timeline.entries_for([mother.pk])]


def test_unborn_child_has_expected_date():
    unborn = make_person(birth_date=None, expected_birth_date=datetime.date(2031, 1, 1))
    assert [e.title for e in timeline.entries_for([unborn.pk])] == ["Expected date of birth"]


def test_involvements_and_merges_appear():
    child, worker, *_ = allocated_child()
    duplicate = make_person()
    make_address(duplicate, line1="2 Duplicate Way")
    merge_records(child, duplicate, make_user(), "Same child")

    entries = timeline.entries_for([child.pk, duplicate.pk])

    titles = [e.title for e in entries]
    assert "Allocated worker started" in titles
    assert "Records merged" in titles
    assert any("2 Duplicate Way" in e.detail and e.person_id == duplicate.pk for e in entries)
    assert titles[0] == "Records merged"  # it happened just now
