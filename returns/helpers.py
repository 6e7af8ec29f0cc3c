"""Small helpers the returns share."""

import functools


@functools.cache
def codes(choices) -> frozenset:
    """A code list's values, built once: Django rebuilds `.values` on every read."""
    return frozenset(choices.values)


def add_years(value, years: int):
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)
