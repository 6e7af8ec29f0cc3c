"""Working through a large council a slice of children at a time, so memory and query size stay flat."""

from collections import defaultdict

CHILDREN_PER_CHUNK = 2000


def chunked(items: list, size: int = CHILDREN_PER_CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def grouped(rows, key: str) -> dict:
    """Rows (dicts) grouped by one of their values, keeping their order."""
    groups = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    return groups


def before_or_on(day, end):
    """A date as it stood on `end`: a date after it had not happened yet."""
    return day if day is not None and day <= end else None
