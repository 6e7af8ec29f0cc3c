"""The stretches of a period of care with no CIN episode open, which care.synthetic_cin fills (days as
numbers).

An episode is open at the end of a day it was referred by and not closed by, so a stretch runs from a
closure (or care's start) to the next referral (or care's end), and nothing is found where care is covered.
"""

from care.synthetic_cin import gaps


def test_care_with_no_episode_is_one_stretch():
    assert gaps(100, 200, []) == [(100, 200)]
    assert gaps(100, None, []) == [(100, None)]


def test_an_episode_open_all_through_care_leaves_nothing():
    assert gaps(100, None, [(50, None)]) == []
    assert gaps(100, 200, [(50, 200)]) == []
    assert gaps(100, 200, [(100, 250)]) == []


def test_an_episode_closed_during_care_leaves_the_rest_from_its_closure_day():
    assert gaps(100, 200, [(50, 150)]) == [(150, 200)]
    assert gaps(100, None, [(50, 150)]) == [(150, None)]


def test_an_episode_starting_during_care_leaves_the_start_up_to_its_referral():
    assert gaps(100, None, [(130, None)]) == [(100, 130)]
    assert gaps(100, 200, [(130, 160)]) == [(100, 130), (160, 200)]


def test_episodes_before_or_after_care_are_no_cover():
    assert gaps(100, 200, [(10, 100)]) == [(100, 200)]  # closed the day care began
    assert gaps(100, 200, [(200, None)]) == [(100, 200)]  # referred the day care ended
    assert gaps(100, 200, [(250, None)]) == [(100, 200)]


def test_several_episodes_in_any_order():
    assert gaps(100, None, [(170, None), (90, 120), (130, 150)]) == [(120, 130), (150, 170)]
