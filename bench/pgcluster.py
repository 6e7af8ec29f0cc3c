"""The PostgreSQL side of the benchmarks: a cluster kept in var/bench-pg, councils in named databases.

The cluster is started by `scripts/pg-local.sh` on THRIVE_BENCH_PG_PORT (default 54331) and left
running between benchmarks of one `make bench`; `stop()` ends it. A generated council lives in a
database named after its scale (`bench_large`); it is generated into `<name>_partial` first and
renamed when complete, and ANALYZEd after loading, as autovacuum would do within minutes in production.
"""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_DIR = Path(os.environ.get("THRIVE_BENCH_PG_DIR") or ROOT / "var" / "bench-pg")
PG_PORT = int(os.environ.get("THRIVE_BENCH_PG_PORT") or 54331)


def url(name: str) -> str:
    return f"postgres://thrive@127.0.0.1:{PG_PORT}/{name}"


def start() -> None:
    subprocess.run([str(ROOT / "scripts" / "pg-local.sh"), "start", str(PG_DIR), str(PG_PORT)], check=True)


def stop() -> None:
    subprocess.run([str(ROOT / "scripts" / "pg-local.sh"), "stop", str(PG_DIR)], check=True)


def _connect(name: str = "postgres"):
    import psycopg

    return psycopg.connect(url(name), autocommit=True)


def exists(name: str) -> bool:
    with _connect() as db:
        return db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def drop(name: str) -> None:
    with _connect() as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create(name: str) -> None:
    drop(name)
    with _connect() as db:
        db.execute(f'CREATE DATABASE "{name}"')


def rename(old: str, new: str) -> None:
    drop(new)
    with _connect() as db:
        db.execute(f'ALTER DATABASE "{old}" RENAME TO "{new}"')


def analyze(name: str) -> None:
    with _connect(name) as db:
        db.execute("ANALYZE")


def size_mb(name: str) -> int:
    with _connect() as db:
        return round(db.execute("SELECT pg_database_size(%s)", [name]).fetchone()[0] / 2**20)


def generated_council(name: str) -> tuple | None:
    """(seed, scale, as-at) of the council in a database, or None."""
    if not exists(name):
        return None
    import psycopg

    try:
        with _connect(name) as db:
            row = db.execute(
                "SELECT synthetic_seed, synthetic_scale, synthetic_as_at FROM council_localauthority"
            ).fetchone()
    except psycopg.Error:
        return None
    return row and (row[0], row[1], row[2].isoformat() if row[2] else None)


def built_marker(name: str) -> Path:
    """A file whose modification time says when the database's council was generated."""
    return PG_DIR / f"{name}.built"
