"""Indicators computed together share the work of finding their children, and only then."""

from performance.counting import shared, sharing_work


def test_shared_work_is_done_once_inside_the_block_and_every_time_outside():
    calls = []

    def build():
        calls.append(1)
        return len(calls)

    assert shared("cohort", build) == 1
    assert shared("cohort", build) == 2  # outside: never from an earlier computation's records
    with sharing_work():
        assert shared("cohort", build) == 3
        assert shared("cohort", build) == 3
        assert shared("other", build) == 4
    assert shared("cohort", build) == 5
