"""The columns linkage compares, made the same way for Thrive's people and for partners' records.

Names lose case, accents, spaces and punctuation ("Sarah-Jane", "SARAH JANE" and "sarah jane" agree);
a first name carries its group of known short forms and nicknames (from the `nicknames` package) so
"Billy" can meet "William"; postcodes are written one way, with their sector and district; a person
carries every postcode they have lived at, so a partner's out-of-date address still counts. Rows are
plain dicts, so DuckDB and Spark take the same input.
"""

import datetime
import re
import unicodedata
from functools import lru_cache

from people.identifiers import normalise_nhs_number

COLUMNS = (
    "unique_id",
    "forename",
    "forename_names",
    "surname",
    "dob",
    "birth_year",
    "sex",
    "postcode",
    "postcode_sector",
    "postcode_district",
    "postcode_history",
    "address",
    "nhs_number",
)
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


def name_key(value: str | None) -> str | None:
    decomposed = unicodedata.normalize("NFKD", value or "")
    key = "".join(c for c in decomposed.lower() if c.isalpha())
    return key or None


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=50_000)
def _group(key: str) -> tuple[str, ...]:
    names = _nicknamer()
    found = {key} | names.canonicals_of(key)  # not other short forms: Ollie would join Oliver to Olivia
    return tuple(sorted(k for k in (name_key(n) for n in found) if k))


def name_group(*forenames: str | None) -> list[str] | None:
    """Each name and the formal names it is short for: "billy" gives billy, bill, william (and robert)."""
    keys = [k for k in map(name_key, forenames) if k]
    if not keys:
        return None
    return sorted({n for k in keys for n in _group(k)})


def postcode_parts(value: str | None) -> tuple[str | None, str | None, str | None]:
    """(postcode, sector, district) written one way: "sx29bf" gives ("SX2 9BF", "SX2 9", "SX2")."""
    compact = re.sub(r"\s", "", (value or "").upper())
    match = POSTCODE.match(compact)
    if not match:
        return (compact or None), None, None
    outward, inward = match.groups()
    return f"{outward} {inward}", f"{outward} {inward[0]}", outward


def address_key(value: str | None) -> str | None:
    key = re.sub(r"[^a-z0-9]+", " ", (value or "").lower()).strip()
    return key or None


def nhs_key(value: str | None) -> str | None:
    digits = normalise_nhs_number(value or "")
    return digits if digits.isdigit() and 8 <= len(digits) <= 11 else None


def row(
    unique_id: int,
    *,
    forename,
    surname,
    birth_date: datetime.date | None,
    sex: str | None,
    postcode,
    address,
    nhs_number,
    preferred_name=None,
    earlier_postcodes=(),
) -> dict:
    """One record as linkage sees it."""
    code, sector, district = postcode_parts(postcode)
    history = sorted({p for p in (code, *(postcode_parts(e)[0] for e in earlier_postcodes)) if p})
    return {
        "unique_id": unique_id,
        "forename": name_key(forename),
        "forename_names": name_group(forename, preferred_name),
        "surname": name_key(surname),
        "dob": birth_date.isoformat() if birth_date else None,
        "birth_year": birth_date.year if birth_date else None,
        "sex": sex if sex in ("M", "F") else None,
        "postcode": code,
        "postcode_sector": sector,
        "postcode_district": district,
        "postcode_history": history or None,
        "address": address_key(address),
        "nhs_number": nhs_key(nhs_number),
    }


def as_arrow(rows: list[dict]):
    """A pyarrow table with fixed column types (an empty or all-null column still has its type)."""
    import pyarrow as pa

    schema = pa.schema(
        [
            ("unique_id", pa.int64()),
            ("forename", pa.string()),
            ("forename_names", pa.list_(pa.string())),
            ("surname", pa.string()),
            ("dob", pa.string()),
            ("birth_year", pa.int32()),
            ("sex", pa.string()),
            ("postcode", pa.string()),
            ("postcode_sector", pa.string()),
            ("postcode_district", pa.string()),
            ("postcode_history", pa.list_(pa.string())),
            ("address", pa.string()),
            ("nhs_number", pa.string()),
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)
