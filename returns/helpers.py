"""Small helpers the returns share."""

import functools


@functools.cache
def codes(choices) -> frozenset:
    """A code list's values, built once: Django rebuilds `.values` on every read."""
    return frozenset(choices.values)
