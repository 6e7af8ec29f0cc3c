"""python manage.py restore_drill: back up, restore into a fresh database, prove the copy identical.

`make restore-drill` runs it against a throwaway PostgreSQL cluster holding the `demo` council (generated
when the database is empty). Steps, each timed:
1. the evidence from the live database (ops.drill: data_checksum, eight quarters' dashboards, both returns);
2. a backup with pg_dump (custom format), as the nightly job makes;
3. a fresh database, and pg_restore into it;
4. the same evidence from the restored database (a separate process connected to it);
5. every artefact compared byte for byte: any difference fails the drill.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from council.models import LocalAuthority
from ops import backup, drill

RESTORED = "thrive_restore_drill"


class Command(BaseCommand):
    help = "Back up this PostgreSQL database, restore it into a fresh one, and prove the copy identical."

    def add_arguments(self, parser):
        parser.add_argument("--evidence-to", type=Path, help=argparse_hidden())
        parser.add_argument(
            "--scale", default="demo", help="the synthetic council to generate if none is held"
        )

    def handle(self, *args, evidence_to, scale, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "The restore drill uses PostgreSQL's own tools: set DATABASE_URL to PostgreSQL."
            )
        if evidence_to:  # the child process: write the evidence from the database it is connected to
            evidence_to.write_text(json.dumps({k: v.decode("latin-1") for k, v in drill.evidence().items()}))
            return
        started = time.perf_counter()
        if not LocalAuthority.objects.exists():
            self.stdout.write(f"Generating the synthetic '{scale}' council (seed 1) to back up ...")
            call_command("generate_la", "--seed", "1", "--scale", scale, verbosity=0)
            call_command("load_demo_performance", verbosity=0)
        self.step("council ready", started)

        with tempfile.TemporaryDirectory(prefix="thrive-drill-") as folder:
            folder = Path(folder)
            t = time.perf_counter()
            original = drill.evidence()
            self.step(f"evidence from the live database: {len(original)} artefacts", t)

            t = time.perf_counter()
            dump = backup.dump(folder / "thrive.dump")
            self.step(f"pg_dump --format=custom: {dump.stat().st_size / 2**20:.1f} MB", t)

            t = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{RESTORED}"')
                cursor.execute(f'CREATE DATABASE "{RESTORED}"')
            backup.restore(dump, RESTORED)
            self.step(f"pg_restore into the fresh database {RESTORED}", t)

            t = time.perf_counter()
            restored = self.evidence_from(RESTORED, folder / "restored.json")
            self.step("evidence from the restored database", t)

        different = [name for name in original if restored.get(name) != original[name]]
        different += [name for name in restored if name not in original]
        width = max(map(len, original))
        for name, data in original.items():
            verdict = "identical" if name not in different else "DIFFERENT"
            self.stdout.write(
                f"  {name:<{width}}  {len(data):>10,} bytes  sha256 {drill.digest(data)[:16]}  {verdict}"
            )
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{RESTORED}"')
        if different:
            raise CommandError(
                f"Restore drill FAILED: {len(different)} artefact(s) differ: {', '.join(different)}"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restore drill passed: {len(original)} artefacts byte-identical after backup and restore "
                f"({time.perf_counter() - started:.0f} s in all)."
            )
        )

    def step(self, what: str, since: float) -> None:
        self.stdout.write(f"{what} ({time.perf_counter() - since:.1f} s)")

    def evidence_from(self, database: str, out: Path) -> dict[str, bytes]:
        db = settings.DATABASES["default"]
        auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
        url = f"postgres://{auth}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{database}"
        env = {**os.environ, "DATABASE_URL": url}
        subprocess.run(
            [
                sys.executable,
                str(Path(settings.BASE_DIR) / "manage.py"),
                "restore_drill",
                "--evidence-to",
                str(out),
            ],
            env=env,
            check=True,
        )
        return {k: v.encode("latin-1") for k, v in json.loads(out.read_text()).items()}


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS
