"""Export the 903, import its files into an empty Thrive, export again: the same return, field by field."""

import pytest

from returns import ssda903
from returns.exporting import export
from returns.ssda903 import load
from returns.ssda903.csvio import find_files, read_table
from returns.ssda903.tables import tables_for

from .builders import YEAR, analyst, council, looked_after_children
from .wipe import wipe_case_records

pytestmark = pytest.mark.django_db


def read_return(folder):
    problems = []
    columns = {name: cols for name, _, cols in tables_for(YEAR.year)}
    tables = {
        name: [
            {k: v for k, v in row.items() if k != "_where"}
            for row in read_table(path, name, columns[name], problems)
        ]
        for name, path in find_files(folder, YEAR.year).items()
    }
    assert problems == []
    return tables


def test_the_903_survives_import_and_export(tmp_path):
    council()
    user = analyst()
    looked_after_children()
    first = tmp_path / "first"
    outcome = export(ssda903, YEAR, first, validate=False)
    assert outcome.count == 5
    exported = read_return(first)
    assert {name for name, rows in exported.items() if rows} >= {
        "Header",
        "Episodes",
        "Reviews",
        "UASC",
        "OC2",
        "OC3",
        "AD1",
        "PlacedAdoption",
        "PrevPerm",
        "Missing",
        "SWEpisodes",
    }
    wipe_case_records()
    results = load.import_folder(first, YEAR, user)
    assert [problems for _, _, problems in results if problems] == []
    second = tmp_path / "second"
    export(ssda903, YEAR, second, validate=False)
    again = read_return(second)
    for name in exported:
        assert exported[name] == again[name], name


def test_a_care_leaver_born_on_29_february_imports(tmp_path):
    from leavers.models import BirthdaySnapshot

    from .builders import D, child

    council()
    user = analyst()
    leaver = child("L0029", birth_date=D(2004, 2, 29))
    BirthdaySnapshot.objects.create(
        person=leaver,
        age=21,
        in_touch="YES",
        activity="F2",
        accommodation="U",
        accommodation_suitable=True,
        recorded_on=D(2025, 2, 28),
    )
    export(ssda903, YEAR, tmp_path, validate=False)
    wipe_case_records()
    results = load.import_folder(tmp_path, YEAR, user)
    assert [problems for _, _, problems in results if problems] == []
    assert BirthdaySnapshot.objects.get().recorded_on == D(2025, 2, 28)
