"""Backups with PostgreSQL's own tools: pg_dump in its custom format, restored with pg_restore.

The connection comes from Django's database settings (DATABASE_URL), passed to the tools through
libpq's environment variables, so the password never appears on a command line.
"""

import os
import shutil
import subprocess
from pathlib import Path

from django.db import connections


class BackupError(RuntimeError):
    pass


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]))
    if versions:
        return str(versions[-1])
    raise BackupError(f"{name} is not installed: install Debian's postgresql-client (or postgresql).")


def libpq_env(alias: str = "default", dbname: str | None = None) -> dict:
    settings = connections[alias].settings_dict
    if settings["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError("Backups use PostgreSQL's tools: DATABASE_URL must name a PostgreSQL database.")
    env = {**os.environ, "PGDATABASE": dbname or settings["NAME"]}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if settings.get(key):
            env[variable] = str(settings[key])
    return env


def dump(out: Path, alias: str = "default") -> Path:
    """pg_dump -Fc of the whole database: one consistent snapshot, compressed, restorable table by table."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    result = subprocess.run(
        [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}"],
        env=libpq_env(alias),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        partial.unlink(missing_ok=True)
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    partial.rename(out)  # a dump that stopped half-way never looks like a backup
    return out


def restore(dump_file: Path, into: str, alias: str = "default", jobs: int = 2) -> None:
    """pg_restore a dump into the (empty) database `into` on the same server."""
    result = subprocess.run(
        [
            _tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            f"--jobs={jobs}",
            f"--dbname={into}",
            str(dump_file),
        ],
        env=libpq_env(alias, dbname=into),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
