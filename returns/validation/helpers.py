"""Small readers shared by the rules: readable dates, a child's episodes and the spans in them."""
import datetime
import functools

from timescales.workdays import default_calendar


def day(value) -> str:
    return _in_words(value) if isinstance(value, datetime.date) else str(value)


@functools.lru_cache(maxsize=8192)
def _in_words(value) -> str:
    """Cached: every rule labels every episode, and strftime is the slowest part of a large return's checks."""
    return f"{value:%-d %B %Y}"


@functools.cache
def codes(choices) -> frozenset:
    """A code list's values, built once: Django rebuilds `.values` on every read."""
    return frozenset(choices.values)


def episodes(child) -> list:
    """(label, CINdetails) for each CIN episode, e.g. "Referral of 3 May 2024".

    Kept on the child (under "_episodes", beside the list it was made from) while its rules run:
    every rule asks, and a large council has millions of asks."""
    found = child.get("CINdetails") or []
    kept = child.get("_episodes")
    if kept is None or kept[0] is not found or len(kept[1]) != len(found):
        kept = child["_episodes"] = (found, [(_episode_label(d), d) for d in found])
    return kept[1]


def _episode_label(details) -> str:
    referral = details.get("CINreferralDate")
    return f"Referral of {day(referral)}" if referral else "Referral with no date"


def overlapping(spans) -> list[tuple]:
    """Pairs of (start, end) spans that overlap; an open span runs on; one may start the day another ends."""
    ordered = sorted((s for s in spans if s[0] is not None), key=lambda s: s[0])
    found = []
    for earlier, later in zip(ordered, ordered[1:]):
        if earlier[1] is None or later[0] < earlier[1]:
            found.append((earlier, later))
    return found


def is_weekend(value) -> bool:
    return isinstance(value, datetime.date) and value.weekday() >= 5


def working_days_between(earlier, later) -> int:
    return default_calendar().working_days_between(earlier, later)


def working_day_before(value):
    calendar = default_calendar()
    return calendar.working_day_on_or_before(value - datetime.timedelta(days=1))


def add_years(value, years: int):
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)
