"""The load test (`make bench BENCH=load_large`): Locust against gunicorn with the production settings on
PostgreSQL, the `large` council, over HTTPS on 127.0.0.1.

Two phases, each checked:
- 50 practitioners for 10 minutes (LOAD_USERS, LOAD_MINUTES): no error, page p95 under 500 ms and median
  under 150 ms;
- 200 practitioners for 2 minutes (LOAD_PEAK_USERS, LOAD_PEAK_MINUTES): no error and no lost write.
Every write Locust saw succeed (a contact, a visit) must be a new row in the database afterwards.
The council is copied from the benchmark's `bench_large` (CREATE DATABASE ... TEMPLATE) so the writes
never touch the cached council; the copy is left as `bench_load` for inspection, and replaced next run.
"""

import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pgcluster as postgres

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("PROD_PORT") or 8443)
PHASES = [
    ("steady", int(os.environ.get("LOAD_USERS") or 50), float(os.environ.get("LOAD_MINUTES") or 10), 5),
    (
        "peak",
        int(os.environ.get("LOAD_PEAK_USERS") or 200),
        float(os.environ.get("LOAD_PEAK_MINUTES") or 2),
        10,
    ),
]
WRITES = {"record a contact": "frontdoor.Contact", "record a visit": "care.Visit"}


def plan(password: str) -> dict:
    """Who signs in as each kind of practitioner, and which children each has a reason to open."""

    from access.models import Involvement, InvolvementKind, TeamKind, TeamMembership
    from care.models import PeriodOfCare
    from people.models import Person

    rng = random.Random(1)
    open_now = Involvement.objects.filter(end_date=None, user__isnull=False)

    def held_by(query, limit=40):
        users = {}
        for user_id, username, person_id in query.values_list(
            "user_id", "user__username", "person_id"
        ).order_by("user_id", "person_id"):
            users.setdefault((user_id, username), []).append(person_id)
        return [{"username": name, "children": ids[:limit]} for (_, name), ids in users.items()][: limit * 5]

    casework = [TeamKind.FRONT_DOOR, TeamKind.FAMILY_HELP, TeamKind.ASSESSMENT, TeamKind.MULTI_AGENCY_CP]
    in_care = PeriodOfCare.objects.filter(end_date=None).values("person_id")
    managers = []
    for membership in TeamMembership.objects.filter(manages=True, team__kind__in=casework).select_related(
        "user"
    ):
        children = list(open_now.filter(team_id=membership.team_id).values_list("person_id", flat=True)[:40])
        managers.append({"username": membership.user.username, "children": children})
    front_door = [
        {"username": u, "children": []}
        for u in TeamMembership.objects.filter(team__kind=TeamKind.FRONT_DOOR, manages=False)
        .values_list("user__username", flat=True)
        .order_by("user_id")
    ]
    children = list(
        Person.objects.filter(birth_date__isnull=False, merged_into=None)
        .order_by("id")
        .values_list("id", "forename", "surname")[::53]
    )
    searches = []
    for _, forename, surname in rng.sample(children, k=min(300, len(children))):
        searches.append(
            rng.choice(
                [{"surname": surname[:3]}, {"forename": forename, "surname": surname}, {"surname": surname}]
            )
        )
    personas = {
        "social_worker": held_by(
            open_now.filter(kind=InvolvementKind.ALLOCATED_WORKER, team__kind__in=casework)
        ),
        "front_door": front_door,
        "team_manager": managers,
        "care_worker": held_by(
            open_now.filter(
                kind=InvolvementKind.ALLOCATED_WORKER,
                team__kind=TeamKind.CHILDREN_IN_CARE,
                person_id__in=in_care,
            )
        ),
        "personal_adviser": held_by(open_now.filter(kind=InvolvementKind.PERSONAL_ADVISER)),
    }
    empty = [name for name, people in personas.items() if not people]
    if empty:
        raise RuntimeError(f"No staff for {', '.join(empty)} in the council")
    return {
        "password": password,
        "personas": personas,
        "searches": searches,
        "any_children": [pk for pk, _, _ in children[:2000]],
    }


def _write_counts() -> dict:
    from django.apps import apps

    return {name: apps.get_model(label).objects.count() for name, label in WRITES.items()}


def _certificate() -> tuple[str, str]:
    folder = ROOT / "var" / "prod" / "tls"
    if not (folder / "cert.pem").exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "825",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout",
                str(folder / "key.pem"),
                "-out",
                str(folder / "cert.pem"),
            ],
            check=True,
            capture_output=True,
        )
    return str(folder / "cert.pem"), str(folder / "key.pem")


def _wait_healthy(server) -> None:
    import ssl
    import urllib.request

    context = ssl._create_unverified_context()
    for _ in range(120):
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped while starting: see var/prod/load-server.log")
        try:
            urllib.request.urlopen(f"https://127.0.0.1:{PORT}/healthz", context=context, timeout=2)
            return
        except OSError:
            time.sleep(1)
    raise RuntimeError("gunicorn did not answer /healthz within 2 minutes")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(fraction * len(ordered) + 0.5)) - 1)] if ordered else 0.0


@contextlib.contextmanager
def production_server(url: str):
    """gunicorn with the production settings (gunicorn.conf.py) over HTTPS on 127.0.0.1:PORT against the
    database at `url`, until the block ends; its log in var/prod/load-server.log."""
    cert, key = _certificate()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "thrive.settings.prod",
        "THRIVE_SECRET_KEY": "load-test-" + "x" * 60,
        "THRIVE_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "THRIVE_TLS_CERT": cert,
        "THRIVE_TLS_KEY": key,
        "THRIVE_BIND": f"127.0.0.1:{PORT}",
        "THRIVE_LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    (ROOT / "var" / "prod").mkdir(parents=True, exist_ok=True)
    with open(ROOT / "var" / "prod" / "load-server.log", "w") as log:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "thrive.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_healthy(server)
            yield f"https://127.0.0.1:{PORT}"
        finally:
            server.terminate()
            server.wait(timeout=60)


def run(large_url: str, django_setup) -> tuple[dict, list[float]]:
    """Both phases: the figures (with `problems`: targets missed, writes lost) and the steady phase's page
    times."""
    postgres.start()
    postgres.drop("bench_load")
    with postgres._connect() as db:
        db.execute('CREATE DATABASE "bench_load" TEMPLATE "bench_large"')
    url = postgres.url("bench_load")
    django_setup(url)
    from django.conf import settings

    folder = Path(tempfile.mkdtemp(prefix="thrive-load-"))
    plan_file = folder / "plan.json"
    plan_file.write_text(json.dumps(plan(settings.DEMO_PASSWORD)))
    figures, samples = {}, {}
    with production_server(url):
        for phase, users, minutes, spawn_rate in PHASES:
            before = _write_counts()
            load_before = os.getloadavg()
            times_file = folder / f"{phase}-times.json"
            started = time.perf_counter()
            subprocess.run(
                [
                    str(Path(sys.executable).parent / "locust"),
                    "-f",
                    str(ROOT / "bench" / "load" / "locustfile.py"),
                    "--headless",
                    "--users",
                    str(users),
                    "--spawn-rate",
                    str(spawn_rate),
                    "--run-time",
                    f"{int(minutes * 60)}s",
                    "--host",
                    f"https://127.0.0.1:{PORT}",
                    "--only-summary",
                    "--stop-timeout",
                    "30",
                    "--loglevel",
                    "WARNING",
                ],
                cwd=ROOT,
                env={**os.environ, "THRIVE_LOAD_PLAN": str(plan_file), "THRIVE_LOAD_TIMES": str(times_file)},
                check=False,
            )
            after = _write_counts()
            times = json.loads(times_file.read_text())
            pages = [t / 1000 for name, t, ok in times if not name.startswith("sign in")]
            samples[phase] = pages
            failures = sum(1 for _, _, ok in times if not ok)
            written = {name: sum(1 for n, _, ok in times if n == name and ok) for name in WRITES}
            rows = {name: after[name] - before[name] for name in WRITES}
            figures[phase] = {
                "users": users,
                "minutes": minutes,
                "requests": len(times),
                "failures": failures,
                "pages": len(pages),
                "median_s": statistics.median(pages),
                "p95_s": percentile(pages, 0.95),
                "max_s": max(pages),
                "requests_per_s": round(len(times) / (time.perf_counter() - started), 1),
                "writes_seen_by_locust": written,
                "new_rows": rows,
                "lost_writes": sum(written.values()) - sum(rows.values()),
                "load_average_before": [round(n, 2) for n in load_before],
                "load_average_after": [round(n, 2) for n in os.getloadavg()],
                "per_page": {
                    name: {
                        "n": len(v),
                        "median_ms": round(statistics.median(v)),
                        "p95_ms": round(percentile(v, 0.95)),
                    }
                    for name in sorted({n for n, _, _ in times})
                    for v in [[t for n, t, _ in times if n == name]]
                },
            }
            print(json.dumps({phase: figures[phase]}, indent=1), flush=True)
    steady, peak = figures["steady"], figures["peak"]
    problems = []
    if steady["failures"] or peak["failures"]:
        problems.append(f"errors: {steady['failures']} steady, {peak['failures']} peak")
    if steady["p95_s"] >= 0.5 or steady["median_s"] >= 0.15:
        problems.append(
            f"steady p95 {steady['p95_s'] * 1000:.0f} ms / median {steady['median_s'] * 1000:.0f} ms"
        )
    # Lost: a save Locust saw acknowledged with no new row. More rows than acknowledgements are requests
    # still being served when Locust stopped waiting (its stop timeout): saved, only not seen.
    if any(
        figures[p]["new_rows"][n] < figures[p]["writes_seen_by_locust"][n] for p in figures for n in WRITES
    ):
        problems.append("writes lost")
    figures["problems"] = problems
    return figures, samples["steady"]
