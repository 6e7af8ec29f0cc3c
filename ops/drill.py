"""The restore drill's evidence: what a restored copy must reproduce byte for byte.

- `data_checksum`: a SHA-256 over every Thrive table's rows (council.synthetic.tables.checksum);
- the dashboard for the last eight quarters: each quarter's report as JSON (performance.exports.to_json),
  which carries every figure, RAG, direction of travel, quartile and sentence the committee reads;
- both returns for the latest collection year: the CIN census XML and the SSDA903's CSV tables, written
  by the returns' own writers with their creation time fixed (the CIN header carries it), so that two
  runs can be compared at all.
"""

import datetime
import hashlib
import tempfile
from pathlib import Path

from council.models import LocalAuthority
from council.synthetic.tables import checksum
from performance import exports, report
from performance.forms import ended_quarters
from returns import cin, ssda903
from returns.exporting import la_code
from returns.years import CollectionYear, current_year

CREATED = datetime.datetime(2000, 1, 1)  # the returns' creation time, fixed for comparison


def _return_files(builder, year: CollectionYear, folder: Path, name: str) -> dict[str, bytes]:
    out = folder / name
    builder.write(out, year, la_code(), builder.children(year), CREATED)
    if out.is_dir():
        return {f"{name}/{p.name}": p.read_bytes() for p in sorted(out.iterdir())}
    return {name: out.read_bytes()}


def evidence() -> dict[str, bytes]:
    """Every artefact the drill compares, by name, from the database Django is connected to."""
    council = LocalAuthority.objects.get()
    today = council.synthetic_as_at or datetime.date.today()
    found = {"data_checksum": checksum().encode()}
    for quarter in ended_quarters(today + datetime.timedelta(days=1)):
        found[f"dashboard {quarter.label}.json"] = exports.to_json(report.build(quarter))
    year = CollectionYear(current_year(today))
    with tempfile.TemporaryDirectory(prefix="thrive-drill-") as folder:
        found.update(_return_files(cin, year, Path(folder), f"cin-census-{year.year}.xml"))
        found.update(_return_files(ssda903, year, Path(folder), f"ssda903-{year.year}"))
    return found


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
