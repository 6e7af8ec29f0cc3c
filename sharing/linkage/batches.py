"""Large batches of synthetic partner records for benchmarks: made like the generator's, written to Parquet.

A benchmark needs a million records against one council, or ten million across a region, more than the
generator stores; these are drawn with replacement from the council's children with the same errors,
straight to Parquet in chunks, never into the database.
"""

import random
from pathlib import Path

from council.models import LocalAuthority
from council.scales import SCALES
from council.synthetic.names import name_pools
from council.synthetic.places import build_geography
from timescales.dates import age_on

from ..partners.models import RecordKind
from ..partners.synthetic import Identity, RecordMaker
from . import features

CHUNK = 200_000


def _identities() -> list[Identity]:
    """Every child (under 22, alive, not merged) with their addresses, current first."""
    from collections import defaultdict

    from people.models import Address, Person

    addresses = defaultdict(list)
    for person_id, line1, line2, postcode, end in (
        Address.objects.order_by("person_id", "-start_date", "pk")
        .values_list("person_id", "line1", "line2", "postcode", "end_date")
        .iterator(chunk_size=50_000)
    ):
        addresses[person_id].append((", ".join(p for p in (line1, line2) if p), postcode, end is None))
    council = LocalAuthority.objects.get()
    cutoff = council.synthetic_as_at.replace(year=council.synthetic_as_at.year - 22)
    people = Person.objects.filter(merged_into__isnull=True, birth_date__gt=cutoff, death_date__isnull=True)
    return [
        Identity(pk, forename, surname, sex, born, nhs, addresses.get(pk, []))
        for pk, forename, surname, sex, born, nhs in people.order_by("pk")
        .values_list("pk", "forename", "surname", "sex", "birth_date", "nhs_number")
        .iterator(chunk_size=50_000)
    ]


def write_batch(total: int, folder: Path, seed: int = 1, id_start: int = 0) -> dict:
    """`total` records about the council's children (12% about children it does not know) as Parquet files,
    with a truth file beside them; returns counts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    council = LocalAuthority.objects.get()
    scale = SCALES[council.synthetic_scale]
    rates = scale.rates.partners
    rng = random.Random(f"bench:{seed}")
    children = _identities()
    maker = RecordMaker(rates, council.synthetic_as_at, {"health": 1, "police": 2}, [3])
    geography, names = (
        build_geography(random.Random(f"{council.synthetic_seed}:council.geography"), scale),
        name_pools(),
    )
    kinds = list(rates.kinds)
    folder.mkdir(parents=True, exist_ok=True)
    rows, truth, written, part = [], [], 0, 0
    for n in range(total):
        if rng.random() < rates.unknown_child_share:
            child = maker.unknown_child(
                rng,
                names,
                geography.towns,
                geography,
                rng.choice(children) if rng.random() < rates.unknown_sibling_share else None,
            )
        else:
            child = rng.choice(children)
        kind = rng.choice(kinds)
        if kind == RecordKind.SCHOOL_ROLL and not 5 <= age_on(child.birth, council.synthetic_as_at) <= 17:
            kind = RecordKind.GP_REGISTRATION
        columns, _ = maker.record(child, kind, rng)
        record_id = id_start + n + 1
        rows.append(
            features.row(
                record_id,
                forename=columns["forename"],
                surname=columns["surname"],
                birth_date=columns["birth_date"],
                sex=columns["sex"],
                postcode=columns["postcode"],
                address=columns["address"],
                nhs_number=columns["nhs_number"],
            )
        )
        truth.append((record_id, child.person_id))
        if len(rows) == CHUNK or n == total - 1:
            pq.write_table(features.as_arrow(rows), folder / f"records-{part:04d}.parquet")
            pq.write_table(
                pa.table({"record": [t[0] for t in truth], "person": [t[1] for t in truth]}),
                folder / f"truth-{part:04d}.parquet",
            )
            written += len(rows)
            rows, truth, part = [], [], part + 1
    return {"records": written, "children": len(children)}
