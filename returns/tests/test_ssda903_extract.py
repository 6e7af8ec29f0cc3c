"""What the 903 reports of a placement type the DfE retired, and of a leaver's social worker, worked by
hand."""

import pytest

from returns.ssda903.extract import children
from returns.years import CollectionYear
from tests.factories import make_user

from .builders import D, allocated, child, council, episode, period

pytestmark = pytest.mark.django_db


def exported(year: int) -> dict:
    return {c["CHILD"]: c for c in children(CollectionYear(year))}


def test_semi_independent_living_begun_before_2025_26_is_returned_as_registered_supported_accommodation():
    council()
    care = period(child("L0100", birth_date=D(2008, 2, 2)), D(2024, 6, 3))
    episode(care, D(2024, 6, 3), placement_type="H5", provider="PR4", legal_status="V2")
    assert [e["PLACE"] for e in exported(2025)["L0100"]["Episodes"]] == ["H5"]
    assert [e["PLACE"] for e in exported(2026)["L0100"]["Episodes"]] == ["K3"]  # no H5 from 2025-26


def leaver(la_id: str):
    """Looked after from May 2024 until 10 January 2025, when they went home."""
    person = child(la_id, birth_date=D(2012, 3, 3))
    care = period(person, D(2024, 5, 1), end_date=D(2025, 1, 10))
    episode(care, D(2024, 5, 1), D(2025, 1, 10), reason_ceased="E4A")
    return person


def social_worker_episodes(la_id: str) -> list:
    return [
        (e["SW_ID"], e["SW_DECOM"], e["SW_DEC"], e["SW_REASON"]) for e in exported(2025)[la_id]["SWEpisodes"]
    ]


def test_a_leavers_worker_still_allocated_when_care_ended_is_reported_open():
    council()
    worker = make_user(swe_number="SW100301")
    allocated(leaver("L0101"), worker, D(2024, 5, 1), D(2025, 2, 14))  # handed over five weeks after
    allocated(leaver("L0102"), worker, D(2024, 5, 1), D(2025, 1, 10))  # the case closed the day care ended
    allocated(leaver("L0103"), worker, D(2024, 5, 1))  # still allocated
    for la_id in ("L0101", "L0102", "L0103"):
        assert social_worker_episodes(la_id) == [("SW100301", D(2024, 5, 1), None, "FCONTA")], la_id


def test_a_change_of_worker_on_the_day_care_ended_is_reported_as_a_change():
    council()
    first, second = make_user(swe_number="SW100302"), make_user(swe_number="SW100303")
    person = leaver("L0104")
    allocated(person, first, D(2024, 5, 1), D(2025, 1, 9))
    allocated(person, second, D(2025, 1, 10), reason="LEFTRL")
    assert social_worker_episodes("L0104") == [
        ("SW100302", D(2024, 5, 1), D(2025, 1, 10), "FCONTA"),
        ("SW100303", D(2025, 1, 10), None, "LEFTRL"),
    ]


def test_a_worker_who_left_before_31_march_for_a_child_still_in_care_has_their_end_reported():
    council()
    first, second = make_user(swe_number="SW100304"), make_user(swe_number="SW100305")
    person = child("L0105", birth_date=D(2012, 3, 3))
    episode(period(person, D(2024, 5, 1)), D(2024, 5, 1))
    allocated(person, first, D(2024, 5, 1), D(2025, 3, 27))
    allocated(person, second, D(2025, 3, 28), reason="MANAGE")
    assert social_worker_episodes("L0105") == [
        ("SW100304", D(2024, 5, 1), D(2025, 3, 28), "FCONTA"),
        ("SW100305", D(2025, 3, 28), None, "MANAGE"),
    ]


def test_a_child_who_left_care_on_31_march_itself_has_the_worker_of_that_day_reported_open():
    council()
    person = child("L0106", birth_date=D(2007, 3, 31))  # 18 on the reference date
    care = period(person, D(2024, 5, 1), end_date=D(2025, 3, 31))
    episode(care, D(2024, 5, 1), D(2025, 3, 31), reason_ceased="E8")
    allocated(person, make_user(swe_number="SW100306"), D(2024, 5, 1), D(2025, 3, 31))
    assert social_worker_episodes("L0106") == [("SW100306", D(2024, 5, 1), None, "FCONTA")]
