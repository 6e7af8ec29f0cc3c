"""python manage.py backup_database [--out FILE | --dir DIR]: the nightly backup job (ops/schedule.py)."""

import datetime
import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, dump

KEEP_DAYS = 35  # five weekly cycles: a problem noticed a month late can still be undone


class Command(BaseCommand):
    help = "Back up the PostgreSQL database with pg_dump (custom format); old dumps in --dir are pruned."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, help="write the dump to this file")
        parser.add_argument(
            "--dir",
            type=Path,
            default=os.environ.get("THRIVE_BACKUP_DIR"),
            help="write thrive-YYYYMMDD-HHMMSS.dump here (default: $THRIVE_BACKUP_DIR)",
        )
        parser.add_argument("--keep-days", type=int, default=KEEP_DAYS)

    def handle(self, *args, out, dir, keep_days, **options):
        if out is None and dir is None:
            raise CommandError("Say where the dump goes: --out FILE, --dir DIR or THRIVE_BACKUP_DIR.")
        target = out or Path(dir) / f"thrive-{datetime.datetime.now():%Y%m%d-%H%M%S}.dump"
        try:
            dump(target)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backed up to {target} ({target.stat().st_size / 2**20:.1f} MB).")
        if out is None:
            cutoff = time.time() - keep_days * 86400
            for old in Path(dir).glob("thrive-*.dump"):
                if old.stat().st_mtime < cutoff:
                    old.unlink()
                    self.stdout.write(f"Removed {old.name}, older than {keep_days} days.")
