"""Property-based (Hypothesis): malformed files fed to every import, as the upload page and the commands do.

Figures (CSV and Excel), benchmarks, statistical neighbours, printed dashboards, CIN census XML and
SSDA903 CSV folders get random bytes, files in odd encodings, and files laid out as the real ones
with hostile values in every cell. Whatever they hold, an import either loads the file or refuses it
with its problems listed (TableError, or the returns' problem list), and a refused file leaves every
table as it was.
"""

import datetime
import io
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from access.models import Role
from performance import benchmarks, importer, published
from performance.tables import TableError
from returns.cin import load as cin_load
from returns.cin.schema import CHILD, Flat, Repeated, Wrapped
from returns.ssda903 import load as ssda903_load
from returns.ssda903.tables import tables_for
from returns.years import CollectionYear
from tests.factories import make_user
from tests.test_fuzz_forms import posted_counts

pytestmark = pytest.mark.django_db
YEAR = CollectionYear(2025)

CELL = st.one_of(
    st.sampled_from(
        [
            "",
            "CSC_RE_REFERRALS",
            "SEN_EHCP_MAINSTREAM",
            "Q4 2024/25",
            "2023/24",
            "Autumn 2023",
            "82.6",
            "82.6%",
            "1,247",
            "-0.09",
            "1e20",
            "NaN",
            "x",
            "c",
            "2025-03-31",
            "2025-02-30",
            "0001-01-01",
            "31/03/2025",
            "01/01/0001",
            "E10000018",
            "WBRI",
            "1",
            "0",
            "N1",
            "RC8",
            "1A",
            "LE1 1AA",
            "SW123456",
            "99999999999999999999",
        ]
    ),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
    st.integers(min_value=1, max_value=3).map(lambda n: "y" * 150 * n),
)
ENCODING = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "shift_jis"])


def csv_file(columns):
    """A CSV laid out with these columns (some dropped, some junk added) and hostile cells, in an odd
    encoding."""
    headings = st.lists(
        st.one_of(st.sampled_from(list(columns)), st.text(max_size=8)), min_size=1, max_size=12
    )
    return st.tuples(headings, st.lists(st.lists(CELL, max_size=12), max_size=5), ENCODING).map(_encode_csv)


def _encode_csv(parts) -> bytes:
    headings, rows, encoding = parts
    lines = [",".join(_quoted(c) for c in headings)] + [",".join(_quoted(c) for c in row) for row in rows]
    return "\r\n".join(lines).encode(encoding, errors="replace")


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\r\n') else cell


def xlsx_file(columns):
    values = st.one_of(
        CELL,
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(),
        st.none(),
        st.dates(),
        st.booleans(),
    )
    return st.tuples(
        st.lists(st.sampled_from(list(columns)), min_size=1, max_size=8),
        st.lists(st.lists(values, max_size=8), max_size=4),
    ).map(_workbook)


def _workbook(parts) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    headings, rows = parts
    book = Workbook()
    sheet = book.active
    sheet.append(headings)
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def any_file(columns):
    return st.one_of(
        st.binary(max_size=400), csv_file(columns).map(lambda b: (b, ".csv")).map(lambda t: t[0])
    )


def refused_or_loaded(load):
    """Run one import in a savepoint rolled back after it: TableError or success, and nothing kept on
    refusal."""
    with transaction.atomic():
        before = posted_counts()
        try:
            load()
        except TableError as error:
            assert error.errors and all(str(e) for e in error.errors)
            assert posted_counts() == before
        transaction.set_rollback(True)


@given(
    data=st.one_of(csv_file(importer.REQUIRED + importer.OPTIONAL), st.binary(max_size=400)),
    name=st.sampled_from(["figures.csv", "FIGURES.CSV", "figures.txt"]),
)
def test_figures_from_any_csv(data, name):
    refused_or_loaded(lambda: importer.import_file(data, name))


@given(data=st.one_of(xlsx_file(importer.REQUIRED + importer.OPTIONAL), st.binary(max_size=400)))
def test_figures_from_any_workbook(data):
    refused_or_loaded(lambda: importer.import_file(data, "figures.xlsx"))


@given(data=st.one_of(csv_file(benchmarks.BENCHMARK_COLUMNS), xlsx_file(benchmarks.BENCHMARK_COLUMNS)))
def test_benchmarks_from_any_file(data):
    name = "benchmarks.xlsx" if data.startswith(b"PK") else "benchmarks.csv"
    refused_or_loaded(lambda: benchmarks.import_benchmarks(data, name))


@given(data=csv_file(benchmarks.NEIGHBOUR_COLUMNS))
def test_neighbours_from_any_file(data):
    refused_or_loaded(lambda: benchmarks.import_neighbours(data, "neighbours.csv"))


@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.lists(st.lists(CELL, max_size=10), max_size=5).map(
            lambda rows: "\n".join("\t".join(r) for r in rows).encode()
        ),
    )
)
def test_printed_dashboards_from_any_file(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dashboard.tsv"
        path.write_bytes(data)
        refused_or_loaded(lambda: published.load_file(path))


def census_child():
    """A <Child> laid out as the census schema says, with hostile values in its items."""

    def items(layout):
        parts = []
        for item in layout:
            if isinstance(item, Flat):
                parts.append(items(item.items).map(lambda inner, tag=item.tag: f"<{tag}>{inner}</{tag}>"))
            elif isinstance(item, Wrapped):
                parts.append(
                    st.lists(CELL, max_size=2).map(
                        lambda vs, i=item: (
                            f"<{i.tag}>"
                            + "".join(f"<{i.item}>{escape(v)}</{i.item}>" for v in vs)
                            + f"</{i.tag}>"
                        )
                    )
                )
            elif isinstance(item, Repeated):
                parts.append(
                    st.lists(items(item.items), max_size=2).map(
                        lambda ms, tag=item.tag: "".join(f"<{tag}>{m}</{tag}>" for m in ms)
                    )
                )
            else:
                parts.append(
                    st.one_of(st.just(""), CELL.map(lambda v, tag=item: f"<{tag}>{escape(v)}</{tag}>"))
                )
        return st.tuples(*parts).map("".join)

    return items(CHILD).map(lambda inner: f"<Child>{inner}</Child>")


CENSUS = st.one_of(
    st.binary(max_size=300),
    st.lists(census_child(), min_size=1, max_size=3).map(
        lambda children: (
            '<?xml version="1.0" encoding="utf-8"?><Message><Header><CollectionDetails>'
            "<Collection>CIN</Collection><Year>2025</Year></CollectionDetails></Header><Children>"
            + "".join(children)
            + "</Children></Message>"
        ).encode()
    ),
)


@given(data=CENSUS, cut=st.one_of(st.none(), st.integers(min_value=1, max_value=2000)))
def test_census_files_of_any_shape(data, cut):
    user = make_user(role=Role.ANALYST)
    with tempfile.TemporaryDirectory() as folder, transaction.atomic():
        path = Path(folder) / "census.xml"
        path.write_bytes(data[:cut] if cut else data)
        before = posted_counts()
        count, problems = cin_load.import_file(path, user)
        if problems:
            assert count == 0 and all(p.message for p in problems)
            assert posted_counts() == before
        transaction.set_rollback(True)


ssda903_columns = {name: (file, columns) for name, file, columns in tables_for(YEAR.year)}


@given(
    header=csv_file(ssda903_columns["Header"][1]),
    episodes=csv_file(ssda903_columns["Episodes"][1]),
    reviews=st.one_of(st.none(), csv_file(ssda903_columns["Reviews"][1])),
)
def test_903_folders_of_any_content(header, episodes, reviews):
    user = make_user(role=Role.ANALYST)
    with tempfile.TemporaryDirectory() as folder, transaction.atomic():
        for name, data in (("Header", header), ("Episodes", episodes), ("Reviews", reviews)):
            if data is not None:
                (Path(folder) / ssda903_columns[name][0]).write_bytes(data)
        before = posted_counts()
        results = ssda903_load.import_folder(folder, YEAR, user)
        if all(problems for _, _, problems in results):
            assert posted_counts() == before
        transaction.set_rollback(True)


def test_the_strategies_make_files_the_readers_take():
    """A sanity check on the generators: a well-formed figures file made the same way loads."""
    data = _encode_csv(
        (["indicator", "period", "value"], [["CSC_RE_REFERRALS", "Q4 2024/25", "21.5"]], "utf-16")
    )
    with transaction.atomic():
        assert str(importer.import_file(data, "figures.csv")) == "1 figures added, 0 replaced"
        transaction.set_rollback(True)
    assert datetime.date(2025, 3, 31) == datetime.date.fromisoformat("2025-03-31")
