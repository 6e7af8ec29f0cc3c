"""Export the census, import it into an empty Thrive, export again: the same return, field by field."""

import pytest

from returns import cin
from returns.cin import load, xmlio
from returns.exporting import export

from .builders import YEAR, analyst, cin_census_children, council
from .wipe import wipe_case_records

pytestmark = pytest.mark.django_db


def read_children(path):
    problems = []
    children = [child for _, child in xmlio.read(path, problems)]
    assert problems == []
    return children


def differences(first, second, where="") -> list[str]:
    """Every field that differs between two returns read back, with where it is."""
    if isinstance(first, dict) and isinstance(second, dict):
        keys = (set(first) | set(second)) - {"_where", "_person_id"}
        return [
            d for key in sorted(keys) for d in differences(first.get(key), second.get(key), f"{where}/{key}")
        ]
    if isinstance(first, list) and isinstance(second, list) and len(first) == len(second):
        return [d for i, (a, b) in enumerate(zip(first, second)) for d in differences(a, b, f"{where}[{i}]")]
    return [] if first == second else [f"{where}: {first!r} != {second!r}"]


def test_the_census_survives_import_and_export(tmp_path):
    council()
    user = analyst()
    cin_census_children()
    first = tmp_path / "first.xml"
    outcome = export(cin, YEAR, first, validate=False)
    assert outcome.count == 5
    wipe_case_records()
    count, problems = load.import_file(first, user)
    assert problems == []
    assert count == 5
    second = tmp_path / "second.xml"
    export(cin, YEAR, second, validate=False)
    assert differences(read_children(first), read_children(second)) == []
