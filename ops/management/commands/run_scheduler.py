"""python manage.py run_scheduler [--crontab]: run ops/schedule.py's jobs at their times, or print them for
cron."""

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from ops import schedule

log = logging.getLogger("thrive.scheduler")
MANAGE = Path(settings.BASE_DIR) / "manage.py"


def run_job(job: schedule.Job) -> int:
    """One job in its own process, so a failure or a memory peak ends with it; logged as JSON by ops.logs."""
    if job.needs_env and not os.environ.get(job.needs_env):
        log.info("job skipped", extra={"job": job.name, "reason": f"{job.needs_env} is not set"})
        return 0
    started = time.perf_counter()
    log.info("job started", extra={"job": job.name})
    result = subprocess.run([sys.executable, str(MANAGE), *job.command], capture_output=True, text=True)
    seconds = round(time.perf_counter() - started, 1)
    level = logging.INFO if result.returncode == 0 else logging.ERROR
    # The commands' own output can name records, so only its size is logged; the exit code says the rest.
    log.log(
        level,
        "job finished",
        extra={
            "job": job.name,
            "exit_code": result.returncode,
            "seconds": seconds,
            "output_lines": len(result.stdout.splitlines()),
        },
    )
    return result.returncode


class Command(BaseCommand):
    help = (
        "Run Thrive's scheduled jobs (ops/schedule.py) at their times; --crontab prints them as crontab "
        "lines."
    )

    def add_arguments(self, parser):
        parser.add_argument("--crontab", action="store_true", help="print crontab lines and exit")
        parser.add_argument(
            "--manage",
            default="/srv/thrive/.venv/bin/python /srv/thrive/manage.py",
            help="how cron should call manage.py (with --crontab)",
        )
        parser.add_argument("--now", metavar="JOB", help="run one job now and exit with its exit code")

    def handle(self, *args, crontab, manage, now, **options):
        if crontab:
            self.stdout.write(schedule.crontab(manage), ending="")
            return
        if now:
            job = next((j for j in schedule.JOBS if j.name == now), None)
            if job is None:
                names = ", ".join(j.name for j in schedule.JOBS)
                self.stderr.write(f"No job called {now}: choose from {names}")
                sys.exit(2)
            sys.exit(run_job(job))
        from apscheduler.schedulers.blocking import BlockingScheduler
        from apscheduler.triggers.cron import CronTrigger

        scheduler = BlockingScheduler(timezone=schedule.TIME_ZONE)
        for job in schedule.JOBS:
            # One run at a time per job; a run missed by up to an hour (a restart) still happens, once.
            scheduler.add_job(
                run_job,
                CronTrigger.from_crontab(job.cron, timezone=schedule.TIME_ZONE),
                args=[job],
                id=job.name,
                max_instances=1,
                coalesce=True,
                misfire_grace_time=3600,
            )
        log.info("scheduler started", extra={"jobs": [j.name for j in schedule.JOBS]})
        scheduler.start()
