#!/usr/bin/env python
"""Benchmarks: `python bench/run.py [names...] [--runs N]` (`make bench BENCH=name`).

Prints a table (runs, median, p95, peak memory) under a note of the machine, and writes the
results to bench/results/latest.json. With no names it runs every benchmark except the long
ones, which run only when named (generate_national also with BENCH_NATIONAL=1).

To add a benchmark, register a function that takes the number of runs and returns a `Result`:

    @benchmark("search_large")
    def search_large(runs):
        database = ensure_large_db()          # the cached large council, generated once
        ...time each search against it...
        return Result(samples=[...seconds...], peak_rss=peak_rss_self())

Work that needs Django can run in a subprocess with `manage(...)`, or in-process after
`django_setup(database)`.
"""

import argparse
import contextlib
import datetime
import json
import math
import os
import resource
import sqlite3
import statistics

# bandit B404: runs manage.py only.
import subprocess  # nosec B404
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pgcluster as postgres

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
# THRIVE_BENCH_LARGE_DB lets two developers on one machine each keep their own copy.
LARGE_DB = Path(os.environ.get("THRIVE_BENCH_LARGE_DB") or ROOT / "var" / "bench-large.sqlite3")
NATIONAL_DB = Path(os.environ.get("THRIVE_BENCH_NATIONAL_DB") or ROOT / "var" / "bench-national.sqlite3")
BENCH_SEED, BENCH_AS_AT = 1, "2025-03-31"  # fixed, so every machine benchmarks the same council
GENERATOR_SOURCES = ("council/scales.py", "council/synthetic/*.py", "*/synthetic*.py")


@dataclass
class Result:
    samples: list[float]  # seconds, one per timed run or operation
    peak_rss: int | None = None  # bytes
    notes: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Benchmark:
    name: str
    run: Callable[[int], Result]
    runs: int
    explicit: bool  # long: runs only when named
    doc: str
    backend: str  # "" for SQLite, "_pg" for PostgreSQL: a key of BACKENDS


BENCHMARKS: dict[str, Benchmark] = {}


def benchmark(name: str, runs: int = 1, explicit: bool = False, backends: tuple = ("", "_pg")):
    """Register a benchmark once per database: `name` on SQLite, `name_pg` on PostgreSQL (the `large`
    council in the benchmark cluster). A benchmark for one database only keeps its plain name."""

    def register(fn):
        for suffix in backends:
            full = name + suffix if len(backends) > 1 else name
            BENCHMARKS[full] = Benchmark(full, fn, runs, explicit, (fn.__doc__ or "").strip(), suffix)
        return fn

    return register


# Helpers for benchmarks


def sqlite_url(database: Path) -> str:
    return f"sqlite:///{Path(database).resolve()}"


def database_url(database: "Path | str") -> str:
    """A SQLite file's URL, or a PostgreSQL URL as given."""
    return database if isinstance(database, str) else sqlite_url(database)


def manage(*args: str, database: "Path | str") -> tuple[float, int]:
    """Run manage.py against a SQLite file or a PostgreSQL URL in a subprocess: (seconds, peak RSS in bytes).

    os.wait4 gives that one child's resource usage, so each measurement is its own peak.
    """
    env = {
        **os.environ,
        "DATABASE_URL": database_url(database),
        "DJANGO_SETTINGS_MODULE": "thrive.settings.dev",
    }
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        # bandit B603: a fixed argv.
        process = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,  # nosec B603
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            output.seek(0)
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{output.read().decode()}")
    return elapsed, usage.ru_maxrss * 1024


def remove_sqlite(database: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def generated_council(database: Path) -> tuple | None:
    """(seed, scale, as-at) of the council in a SQLite file, or None."""
    if not database.exists():
        return None
    try:
        with sqlite3.connect(database) as db:
            return db.execute(
                "SELECT synthetic_seed, synthetic_scale, synthetic_as_at FROM council_localauthority"
            ).fetchone()
    except sqlite3.Error:
        return None


def _generator_changed_since(built_file: Path) -> bool:
    built = built_file.stat().st_mtime
    return any(p.stat().st_mtime > built for pattern in GENERATOR_SOURCES for p in ROOT.glob(pattern))


def _generate_into(scale: str, database: "Path | str") -> None:
    manage("migrate", "--verbosity", "0", database=database)
    manage(
        "generate_la", "--seed", str(BENCH_SEED), "--scale", scale, "--as-at", BENCH_AS_AT, database=database
    )


def ensure_db(scale: str, database: Path) -> Path:
    """The `scale` council in a SQLite file, generated with a fixed seed and as-at date.

    Reused while it matches; rebuilt when missing, different, or older than the generator's code.
    Generated into a ".partial" file first, so an interrupted run never leaves a half-built council
    that looks reusable. Migrations are applied either way, so it follows the schema.
    """
    wanted = (BENCH_SEED, scale, BENCH_AS_AT)
    if generated_council(database) != wanted or _generator_changed_since(database):
        partial = database.with_name(database.name + ".partial")
        remove_sqlite(partial)
        database.parent.mkdir(parents=True, exist_ok=True)
        _generate_into(scale, partial)
        remove_sqlite(database)
        partial.rename(database)
    else:
        manage("migrate", "--verbosity", "0", database=database)
    return database


def ensure_pg_db(scale: str) -> str:
    """The `scale` council in the benchmark cluster's database `bench_<scale>`, as ensure_db does for SQLite;
    ANALYZEd after generating (the planner's statistics, as autovacuum would gather them)."""
    name = f"bench_{scale}"
    postgres.start()
    marker = postgres.built_marker(name)
    wanted = (BENCH_SEED, scale, BENCH_AS_AT)
    if postgres.generated_council(name) != wanted or not marker.exists() or _generator_changed_since(marker):
        partial = f"{name}_partial"
        postgres.create(partial)
        _generate_into(scale, postgres.url(partial))
        postgres.analyze(partial)
        postgres.rename(partial, name)
        marker.touch()
    else:
        manage("migrate", "--verbosity", "0", database=postgres.url(name))
    return postgres.url(name)


class SQLiteBackend:
    """Benchmarks on SQLite: councils cached in files under var/."""

    name, suffix = "SQLite", ""

    def large(self) -> Path:
        return ensure_db("large", LARGE_DB)

    def national(self) -> Path:
        return ensure_db("national", NATIONAL_DB)

    @contextlib.contextmanager
    def fresh(self, label: str):
        """An empty database, removed afterwards."""
        with tempfile.TemporaryDirectory(prefix="thrive-bench-") as folder:
            yield Path(folder) / f"{label}.sqlite3"

    def size_mb(self, database: Path) -> int:
        return round(Path(database).stat().st_size / 2**20)

    @contextlib.contextmanager
    def copy(self, database: Path, label: str):
        """A copy of a cached council that a benchmark may write to, removed afterwards."""
        import shutil

        with tempfile.TemporaryDirectory(prefix="thrive-bench-") as folder:
            copied = Path(folder) / f"{label}.sqlite3"
            shutil.copy(database, copied)
            yield sqlite_url(copied)


class PostgresBackend:
    """Benchmarks on PostgreSQL: councils cached in the benchmark cluster (bench/pgcluster.py)."""

    name, suffix = "PostgreSQL", "_pg"

    def large(self) -> str:
        return ensure_pg_db("large")

    def national(self) -> str:
        return ensure_pg_db("national")

    @contextlib.contextmanager
    def fresh(self, label: str):
        postgres.start()
        name = f"bench_fresh_{label}"
        postgres.create(name)
        try:
            yield postgres.url(name)
        finally:
            postgres.drop(name)

    def size_mb(self, database: str) -> int:
        return postgres.size_mb(database.rsplit("/", 1)[1])

    @contextlib.contextmanager
    def copy(self, database: str, label: str):
        name = f"bench_copy_{label}"
        postgres.drop(name)
        with postgres._connect() as db:
            db.execute(f'CREATE DATABASE "{name}" TEMPLATE "{database.rsplit("/", 1)[1]}"')
        try:
            yield postgres.url(name)
        finally:
            postgres.drop(name)


BACKENDS = {"": SQLiteBackend(), "_pg": PostgresBackend()}
DB = BACKENDS[""]  # the backend of the benchmark running in this process


def ensure_large_db() -> "Path | str":
    """The `large` council: var/bench-large.sqlite3 (or THRIVE_BENCH_LARGE_DB), or database bench_large."""
    return DB.large()


def ensure_national_db() -> "Path | str":
    """The `national` council (var/bench-national.sqlite3 or THRIVE_BENCH_NATIONAL_DB): hours to build."""
    return DB.national()


def django_setup(database: "Path | str") -> None:
    """Use Django in this process against the benchmark's database (for benchmarks timed in-process)."""
    os.environ["DATABASE_URL"] = database_url(database)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thrive.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def peak_rss_self() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@dataclass
class _Timing:
    wall: float = 0.0


class CpuTimes:
    """CPU time of this process per timed request, beside its wall time: on a machine shared with other
    work, wall time moves with the load while CPU time (Python's side; on PostgreSQL the server's is not
    counted) moves far less, so a before-and-after comparison of a page's own cost reads it."""

    def __init__(self):
        self.samples: list[float] = []

    def clear(self) -> None:
        self.samples.clear()

    @contextlib.contextmanager
    def timed(self):
        timing = _Timing()
        cpu_started, started = time.process_time(), time.perf_counter()
        yield timing
        timing.wall = time.perf_counter() - started
        self.samples.append(time.process_time() - cpu_started)

    def notes(self) -> dict:
        if not self.samples:
            return {}
        return {
            "cpu_median_s": statistics.median(self.samples),
            "cpu_p95_s": p95(self.samples),
            "cpu_samples_s": list(self.samples),
        }


# Benchmarks


def _generate(scale: str, runs: int) -> Result:
    samples, peak, size = [], 0, 0
    for _ in range(runs):
        with DB.fresh(scale) as database:
            manage("migrate", "--verbosity", "0", database=database)
            seconds, rss = manage(
                "generate_la",
                "--seed",
                str(BENCH_SEED),
                "--scale",
                scale,
                "--as-at",
                BENCH_AS_AT,
                database=database,
            )
            samples.append(seconds)
            peak = max(peak, rss)
            size = DB.size_mb(database)
    return Result(samples, peak, {"database_mb": size})


@benchmark("generate_demo")
def generate_demo(runs):
    """generate_la --scale demo into a fresh database."""
    return _generate("demo", runs)


@benchmark("generate_large")
def generate_large(runs):
    """generate_la --scale large into a fresh database (target: under 5 minutes)."""
    return _generate("large", runs)


@benchmark("generate_national", explicit=True)
def generate_national(runs):
    """generate_la --scale national into a fresh database: long, so only when named."""
    return _generate("national", runs)


def _returns_from(database: "Path | str", folder: Path) -> dict:
    """Both returns for 2024-25 from a council's database, written without the validators: seconds for
    each."""
    override = ("--without-validators", "--quiet")  # building only: validate_large times the validators
    cin_seconds, _ = manage(
        "export_cin_census", "--year", "2025", "--out", str(folder / "cin.xml"), *override, database=database
    )
    ssda903_seconds, _ = manage(
        "export_ssda903", "--year", "2025", "--out", str(folder / "ssda903"), *override, database=database
    )
    return {"cin": cin_seconds, "ssda903": ssda903_seconds}


@benchmark("export_large")
def export_large(runs):
    """The CIN census and the SSDA903 for 2024-25 built from the large council (target: under 30 s);
    validate_large
    times the validators."""
    database = ensure_large_db()
    samples, notes = [], {}
    with tempfile.TemporaryDirectory(prefix="thrive-bench-") as folder:
        for _ in range(runs):
            seconds = _returns_from(database, Path(folder))
            samples.append(sum(seconds.values()))
            notes = {f"{name}_s": round(value, 1) for name, value in seconds.items()}
        notes["cin_mb"] = round((Path(folder) / "cin.xml").stat().st_size / 2**20, 1)
    return Result(samples, None, notes)


def _validator(*args: str) -> tuple[float, int, float]:
    """Run the DfE-aligned validators' runner (returns/dfe/runner.py) in their environment: (seconds, peak
    RSS,
    CPU seconds: on a busy machine the wall time is mostly waiting for a core)."""
    python = ROOT / ".venv-validators" / "bin" / "python"
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(python), str(ROOT / "returns" / "dfe" / "runner.py"), *args],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": "0"},
            stdout=output,
            stderr=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status):
            raise RuntimeError(f"the validator failed on {args}")
    return elapsed, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime


@benchmark("validate_large")
def validate_large(runs):
    """The large council's 2024-25 CIN census and SSDA903 checked with the DfE-aligned validators, the files
    written once beforehand (target: under 60 s for both; peak memory is the larger validator process)."""
    database = ensure_large_db()
    samples, notes, peak = [], {}, 0
    with tempfile.TemporaryDirectory(prefix="thrive-bench-") as folder:
        folder = Path(folder)
        _returns_from(database, folder)
        for _ in range(runs):
            cin_seconds, cin_rss, cin_cpu = _validator("cin", str(folder / "cin.xml"), "--year", "2025")
            lac_seconds, lac_rss, lac_cpu = _validator(
                "903", str(folder / "ssda903"), "--year", "2025", "--la", "E10000018"
            )
            samples.append(cin_seconds + lac_seconds)
            peak = max(peak, cin_rss, lac_rss)
            notes = {
                "cin_s": round(cin_seconds, 1),
                "ssda903_s": round(lac_seconds, 1),
                "cin_cpu_s": round(cin_cpu, 1),
                "ssda903_cpu_s": round(lac_cpu, 1),
                "load_average": round(os.getloadavg()[0], 1),
                "cin_peak_mb": round(cin_rss / 2**20),
                "ssda903_peak_mb": round(lac_rss / 2**20),
            }
    return Result(samples, peak, notes)


@benchmark("import_large")
def import_large(runs):
    """The large council's 2024-25 returns imported into an empty Thrive (target: under 60 s)."""
    database = ensure_large_db()
    samples = []
    with tempfile.TemporaryDirectory(prefix="thrive-bench-") as folder:
        folder = Path(folder)
        _returns_from(database, folder)
        for _ in range(runs):
            with DB.fresh("import") as target:
                manage("migrate", "--verbosity", "0", database=target)
                cin_seconds, _ = manage("import_cin_census", str(folder / "cin.xml"), database=target)
                ssda903_seconds, _ = manage(
                    "import_ssda903", str(folder / "ssda903"), "--year", "2025", database=target
                )
                samples.append(cin_seconds + ssda903_seconds)
    return Result(samples)


DASHBOARD_QUARTER = "Q4 2024/25"


_COMPUTE_ALL_TIMED = """
import json, time
from performance import computed, periods
quarter, samples = periods.parse({quarter!r}), []
for _ in range({runs}):
    started = time.perf_counter()
    computed.compute_all(quarter)
    samples.append(time.perf_counter() - started)
open({out!r}, "w").write(json.dumps(samples))
"""


def _dashboard(database: "Path | str", runs: int) -> Result:
    """Every computable indicator for the quarter computed and filed (`computed.compute_all`), `runs` times
    in one process: seconds each (the first with cold caches) and that process's peak memory; plus the
    whole `compute_indicators` command once, Django's start included, as an analyst running it sees it."""
    command_seconds, _ = manage("compute_indicators", DASHBOARD_QUARTER, database=database)
    with tempfile.TemporaryDirectory(prefix="thrive-bench-") as folder:
        out = Path(folder) / "samples.json"
        code = _COMPUTE_ALL_TIMED.format(quarter=DASHBOARD_QUARTER, runs=runs, out=str(out))
        _, peak = manage("shell", "-c", code, database=database)
        samples = json.loads(out.read_text())
    return Result(
        samples, peak, {"database_mb": DB.size_mb(database), "command_s": round(command_seconds, 1)}
    )


@benchmark("dashboard_large", runs=3)
def dashboard_large(runs):
    """Every registered indicator for Q4 2024/25 from the large council's case records, filed."""
    return _dashboard(ensure_large_db(), runs)


@benchmark("dashboard_national", runs=3, explicit=True)
def dashboard_national(runs):
    """Every registered indicator for Q4 2024/25 from an England-sized council (target: under 60 s); the
    council is generated once into var/bench-national.sqlite3, which takes over an hour: only when named."""
    return _dashboard(ensure_national_db(), runs)


def _page_timings(pages) -> Result:
    """GET each (user id, url) through Django's test client, signed in as that user: seconds each.

    One untimed request first (templates compile, caches fill); everything the pages write (sessions,
    the record-view audit) is rolled back, so the cached database stays as generated.
    """
    from django.db import transaction
    from django.test import Client

    from access.models import User

    clients, cpu = {}, CpuTimes()

    def get(user_id, url):
        if user_id not in clients:
            clients[user_id] = Client(SERVER_NAME="localhost")
            clients[user_id].force_login(User.objects.get(pk=user_id))
        with cpu.timed() as timing:
            response = clients[user_id].get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} gave {response.status_code}")
        return timing.wall

    with transaction.atomic():
        get(*pages[0])
        cpu.clear()
        samples = [get(user_id, url) for user_id, url in pages]
        transaction.set_rollback(True)
    return Result(samples, peak_rss_self(), {"users": len(clients), **cpu.notes()})


@benchmark("worklist_large", runs=30)
def worklist_large(runs):
    """Team managers' Due work page (/work/, the teams they manage) on the large council (target: p95 under
    300 ms)."""
    django_setup(ensure_large_db())
    from access.models import TeamKind, TeamMembership

    casework = [TeamKind.FRONT_DOOR, TeamKind.FAMILY_HELP, TeamKind.ASSESSMENT, TeamKind.MULTI_AGENCY_CP]
    managers = list(
        TeamMembership.objects.filter(manages=True, team__kind__in=casework)
        .order_by("team_id")
        .values_list("user_id", flat=True)
    )
    return _page_timings([(managers[n % len(managers)], "/work/") for n in range(runs)])


@benchmark("worklist_lac_large", runs=30)
def worklist_lac_large(runs):
    """Children in care and leaving care worklists on the large council: a Children in Care team manager's and
    social worker's My work and /care/ pages, and a personal adviser's My work and /leaving-care/ pages
    (target: p95 under 300 ms)."""
    django_setup(ensure_large_db())
    from access.models import Involvement, InvolvementKind, TeamKind, TeamMembership

    managers = list(
        TeamMembership.objects.filter(manages=True, team__kind=TeamKind.CHILDREN_IN_CARE)
        .order_by("team_id")
        .values_list("user_id", flat=True)
    )
    open_now = Involvement.objects.filter(end_date=None, user__isnull=False).order_by("user_id")
    workers = list(
        open_now.filter(kind=InvolvementKind.ALLOCATED_WORKER, team__kind=TeamKind.CHILDREN_IN_CARE)
        .values_list("user_id", flat=True)
        .distinct()
    )
    advisers = list(
        open_now.filter(kind=InvolvementKind.PERSONAL_ADVISER).values_list("user_id", flat=True).distinct()
    )
    rounds = [
        (managers, "/work/"),
        (managers, "/care/"),
        (workers, "/work/"),
        (workers, "/care/"),
        (advisers, "/work/"),
        (advisers, "/leaving-care/"),
    ]
    pages = []
    for n in range(runs):
        users, url = rounds[n % len(rounds)]
        pages.append((users[(n // len(rounds)) % len(users)], url))
    return _page_timings(pages)


@benchmark("inclusion_large", runs=36)
def inclusion_large(runs):
    """Education's worklists and registers on the large council: education officers' due work, Children Not in
    School register, missing education, waiting list and sixth-day provision pages, and Virtual School
    officers'
    worklist (target: p95 under 300 ms)."""
    django_setup(ensure_large_db())
    from access.models import Role, TeamKind, TeamMembership

    officers = list(
        TeamMembership.objects.filter(team__kind=TeamKind.EDUCATION, user__role=Role.EDUCATION_OFFICER)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    virtual = list(
        TeamMembership.objects.filter(team__kind=TeamKind.VIRTUAL_SCHOOL, user__role=Role.VIRTUAL_SCHOOL)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    rounds = [
        (officers, "/education/"),
        (officers, "/education/register/"),
        (officers, "/education/register/?page=5"),
        (officers, "/education/missing-education/"),
        (officers, "/education/waiting-list/"),
        (officers, "/education/exclusions/"),
        (virtual, "/education/virtual-school/"),
    ]
    pages = []
    for n in range(runs):
        users, url = rounds[n % len(rounds)]
        pages.append((users[(n // len(rounds)) % len(users)], url))
    return _page_timings(pages)


@benchmark("timeline_large", runs=30)
def timeline_large(runs):
    """The record page with its timeline for the large council's children with the longest histories, opened
    by
    a worker who holds them (target: p95 under 300 ms)."""
    django_setup(ensure_large_db())
    from django.db.models import Count
    from django.urls import reverse

    from access.models import Involvement
    from frontdoor.models import Contact

    held = Involvement.objects.filter(end_date=None, user__isnull=False)
    longest = list(
        Contact.objects.filter(person__in=held.values("person_id"))
        .values("person_id")
        .annotate(contacts=Count("id"))
        .order_by("-contacts", "person_id")[:runs]
    )
    pages = []
    for row in longest:
        holder = held.filter(person_id=row["person_id"]).order_by("pk").values_list("user_id", flat=True)[0]
        pages.append((holder, reverse("people:record", args=[row["person_id"]])))
    result = _page_timings(pages)
    result.notes["most_contacts"] = longest[0]["contacts"]
    return result


def _slip(rng, name: str) -> str:
    """A typing slip: a letter dropped, doubled or two swapped (what the forgiving search must forgive)."""
    if len(name) < 5:
        return name
    at = rng.randrange(1, len(name) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return name[:at] + name[at + 1 :]
    if kind == 1:
        return name[:at] + name[at] + name[at:]
    return name[:at] + name[at + 1] + name[at] + name[at + 2 :]


@benchmark("search_large", runs=60)
def search_large(runs):
    """Child search on the large council with the forgiving matching: names, misspelt names, surname prefixes,
    dates of birth (exact, day and month swapped, a year out), NHS numbers, council IDs, postcodes and the
    header's one box (target: p95 under 150 ms)."""
    database = ensure_large_db()
    django_setup(database)
    import random

    from django.test import Client

    from access.models import User
    from people.models import Address, Person

    children = list(
        Person.objects.filter(birth_date__isnull=False)
        .order_by("id")
        .values_list("pk", "forename", "surname", "birth_date", "nhs_number", "la_id")[::97]
    )
    postcodes = dict(
        Address.objects.filter(person_id__in=[c[0] for c in children]).values_list("person_id", "postcode")
    )
    rng = random.Random(BENCH_SEED)
    queries = []
    for pk, forename, surname, born, nhs, la_id in rng.sample(children, k=min(runs, len(children))):
        swapped = (
            {"dob_day": born.month, "dob_month": born.day, "dob_year": born.year}
            if born.day <= 12
            else {"dob_day": born.day, "dob_month": born.month, "dob_year": born.year - 1}
        )
        queries.append(
            rng.choice(
                [
                    {"forename": forename, "surname": surname},
                    {"surname": _slip(rng, surname)},
                    {"forename": forename, "surname": _slip(rng, surname)},
                    {"surname": surname[:3]},
                    {"dob_day": born.day, "dob_month": born.month, "dob_year": born.year},
                    {"surname": surname, **swapped},
                    {"nhs_number": nhs or "", "surname": surname},
                    {"la_id": la_id},
                    {"postcode": postcodes.get(pk, "LE1 1AA")},
                    {"q": f"{forename} {_slip(rng, surname)}"},
                    {"q": f"{surname} {born:%d/%m/%Y}"},
                ]
            )
        )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username="social.worker"))
    client.get("/people/", queries[0])  # warm the connection and templates
    samples, cpu = [], CpuTimes()
    for query in queries:
        with cpu.timed() as timing:
            response = client.get("/people/", query)
        samples.append(timing.wall)
        assert response.status_code == 200, response.status_code
    return Result(samples, peak_rss_self(), {"people": Person.objects.count(), **cpu.notes()})


def _audit_request(user, path="/people/"):
    from django.test import RequestFactory

    request = RequestFactory().get(path)
    request.user = user
    return request


@benchmark("audit_write", runs=300)
def audit_write(runs):
    """The audit rows a page writes, on the large council: one record view (every record page), and a list
    naming 50 and 1,500 children (a search, a manager's My work); samples are the record view's, CPU time
    per write in the notes (no target: the record page's and search's targets include it)."""
    django_setup(ensure_large_db())
    from django.db import transaction

    from access.audit import disclose, log_access
    from access.models import DisclosureKind, TeamMembership, User
    from people.models import Person

    user = User.objects.get(
        pk=TeamMembership.objects.filter(manages=True).order_by("pk").values("user_id")[:1]
    )
    people = list(Person.objects.order_by("pk").values_list("pk", flat=True)[:1500])
    request = _audit_request(user)
    views, lists, big = CpuTimes(), CpuTimes(), CpuTimes()
    samples = []
    with transaction.atomic():  # rolled back: the cached council stays as generated
        log_access(request, [people[0]], allowed=True, text="Member of a team working with the child")
        for n in range(runs):
            with views.timed() as timing:
                log_access(
                    request,
                    [people[n % len(people)]],
                    allowed=True,
                    text="Member of a team working with the child",
                    kind="team",
                )
            samples.append(timing.wall)
            if n % 10 == 0:
                with lists.timed():
                    disclose(
                        request,
                        DisclosureKind.SEARCH,
                        people[n % 1000 : n % 1000 + 50],
                        what="Find a child",
                        terms="smith",
                    )
            if n % 30 == 0:
                with big.timed():
                    disclose(request, DisclosureKind.LIST, people, what="My work")
        transaction.set_rollback(True)
    return Result(
        samples,
        peak_rss_self(),
        {
            **views.notes(),
            "list_50_cpu_median_s": lists.notes()["cpu_median_s"],
            "list_1500_cpu_median_s": big.notes()["cpu_median_s"],
        },
    )


@benchmark("verify_audit", runs=3)
def verify_audit(runs):
    """manage.py verify_audit over 200,000 audit rows (and 2,000 lists naming 100,000 children) written
    through
    the chain into a fresh database: seconds per walk; rows a second of wall and of CPU time in the notes."""
    with DB.fresh("audit") as database:
        manage("migrate", "--verbosity", "0", database=database)
        django_setup(database)
        from django.utils import timezone

        from access.models import Disclosure, DisclosureKind, RecordView, User
        from access.verify import verify
        from people.models import Person

        user = User.objects.create(username="audit.filler")
        people = [
            Person.objects.create(la_id=f"A{n:07d}", forename="Alex", surname="Smith").pk for n in range(200)
        ]
        now = timezone.now()
        for start in range(0, 200_000, 10_000):
            RecordView.objects.bulk_create(
                RecordView(
                    user=user,
                    person_id=people[n % 200],
                    allowed=True,
                    basis_kind="team",
                    basis="Member of a team working with the child",
                    path=f"/people/{n}/",
                    at=now,
                )
                for n in range(start, start + 10_000)
            )
        for n in range(2_000):
            Disclosure.objects.create(
                user=user,
                kind=DisclosureKind.LIST,
                what="My work",
                path="/work/",
                count=50,
                named=people[(n % 4) * 50 : (n % 4 + 1) * 50],
            )
        samples, cpu = [], CpuTimes()
        for _ in range(runs):
            with cpu.timed() as timing:
                report = verify()
            assert report.ok and report.rows == 202_000, report.breaks
            samples.append(timing.wall)
        rows = report.rows
        return Result(
            samples,
            peak_rss_self(),
            {
                "rows": rows,
                "rows_per_s": rows / statistics.median(samples),
                "rows_per_cpu_s": rows / statistics.median(cpu.samples),
                **cpu.notes(),
            },
        )


# Record linkage and the partner-agency API

PARTNER_BATCHES = ROOT / "var" / "bench-partner-records"

_LINK_DUCKDB = """
import json, resource, time
from collections import defaultdict
from pathlib import Path
import pyarrow.parquet as pq
from sharing.linkage import batches, engine, features, linking, thresholds
from sharing.linkage.backends import duckdb_api
folder = Path({folder!r})
if not (folder / "done").exists():
    made = time.perf_counter()
    batches.write_batch({total}, folder)
    (folder / "done").write_text(str(time.perf_counter() - made))
started = time.perf_counter()
people = features.as_arrow(linking.people_rows())
training = features.as_arrow([linking.record_row(r) for r in linking.training_records()])
model = engine.train(duckdb_api(), people, training)
trained = time.perf_counter()
records = pq.read_table(sorted(str(p) for p in folder.glob("records-*.parquet")))
limits = thresholds.get()
predictions = engine.score(duckdb_api({memory!r}), model, people, records, min_weight=limits.review,
                           chunks={chunks})
scored = predictions.as_duckdbpyrelation().select("unique_id_r, unique_id_l, match_weight").fetchall()
by_record = defaultdict(list)
for record, person, weight in scored:
    by_record[record].append(engine.Pair(person, record, weight, 0.0, []))
class R:
    makes_contact = False
    def __init__(self, pk): self.pk = pk
truth = {{}}
for path in folder.glob("truth-*.parquet"):
    table = pq.read_table(path)
    truth.update(zip(table.column("record").to_pylist(), table.column("person").to_pylist()))
right = wrong = review = 0
for record, pairs in by_record.items():
    d = linking.decide(R(record), sorted(pairs, key=lambda p: (-p.match_weight, p.left)), limits)
    if d.status == "linked":
        right += d.person_id == truth[record]
        wrong += d.person_id != truth[record]
    review += d.status == "review"
done = time.perf_counter()
known = sum(1 for p in truth.values() if p is not None)
Path({out!r}).write_text(json.dumps({{"train_s": trained - started, "link_s": done - trained,
    "records": records.num_rows, "people": people.num_rows, "pairs": len(scored),
    "precision": right / max(1, right + wrong),
    "recall": right / max(1, known), "review": review}}))
"""


def _loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


@benchmark("link_1m_large")
def link_1m_large(runs):
    """1,000,000 synthetic partner records linked against the large council's people with Splink on DuckDB
    (training on the council first, timed apart); precision and recall against the truth."""
    database = ensure_large_db()
    folder = PARTNER_BATCHES / "large-1000000"
    samples, peak, notes = [], 0, {}
    with tempfile.TemporaryDirectory(prefix="thrive-bench-") as tmp:
        out = Path(tmp) / "out.json"
        for _ in range(runs):
            before = _loadavg()
            code = _LINK_DUCKDB.format(
                folder=str(folder), total=1_000_000, out=str(out), chunks=4, memory="8GB"
            )
            _, rss = manage("shell", "-c", code, database=database)
            figures = json.loads(out.read_text())
            samples.append(figures["link_s"])
            peak = max(peak, rss)
            notes = {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}
            notes["load_before"], notes["load_after"] = before, _loadavg()
    return Result(samples, peak, notes)


_LINK_SPARK = """
import json, time
from pathlib import Path
from sharing.linkage import batches, engine, features, linking, spark, thresholds
from sharing.linkage.backends import duckdb_api
folder = Path({folder!r})
if not (folder / "done").exists():
    batches.write_batch({total}, folder)
    (folder / "done").write_text("1")
people_path = folder / "people.parquet"
if not people_path.exists():
    spark.export_council(0, linking.people_rows(), [], folder / "council")
    (folder / "council" / "people-000.parquet").rename(people_path)
model = engine.train(duckdb_api(), features.as_arrow(linking.people_rows()),
                     features.as_arrow([linking.record_row(r) for r in linking.training_records()]))
session = spark.session(master="local[*]", memory={memory!r}, checkpoints=str(folder / "checkpoints"))
import threading, psutil
peak, running = [0], [True]
def watch():  # the JVM is a child process: sample its resident memory with Python's own
    me = psutil.Process()
    while running[0]:
        rss = me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True))
        peak[0] = max(peak[0], rss)
        time.sleep(1)
threading.Thread(target=watch, daemon=True).start()
started = time.perf_counter()
record_paths = [str(p) for p in sorted(folder.glob("records-*.parquet"))]
ranked = spark.link_region(session, [str(people_path)], record_paths,
                           model, min_weight=thresholds.get().review, out=str(folder / "pairs"))
pairs = ranked.count()
done = time.perf_counter()
running[0] = False
session.stop()
Path({out!r}).write_text(json.dumps({{"link_s": done - started, "pairs": pairs, "peak_rss": peak[0]}}))
"""


@benchmark("link_10m_spark", explicit=True)
def link_10m_spark(runs):
    """10,000,000 synthetic partner records linked against the large council on Spark in local mode (peak
    memory: Python and the JVM together, sampled each second): long, so only when named."""
    database = ensure_large_db()
    total = int(os.environ.get("THRIVE_BENCH_SPARK_RECORDS", 10_000_000))  # fewer to try it out
    folder = PARTNER_BATCHES / f"large-{total}"
    samples, notes, peak = [], {}, 0
    with tempfile.TemporaryDirectory(prefix="thrive-bench-") as tmp:
        out = Path(tmp) / "out.json"
        for _ in range(runs):
            before = _loadavg()
            memory = os.environ.get("THRIVE_BENCH_SPARK_MEMORY", "12g")
            code = _LINK_SPARK.format(folder=str(folder), total=total, out=str(out), memory=memory)
            _, rss = manage("shell", "-c", code, database=database)
            figures = json.loads(out.read_text())
            samples.append(figures["link_s"])
            peak = max(figures["peak_rss"], rss)
            notes = {
                "records": total,
                "pairs": figures["pairs"],
                "driver_memory": memory,
                "load_before": before,
                "load_after": _loadavg(),
            }
    return Result(samples, peak, notes)


WARM_UP = 5  # untimed lookups per client first: each server thread opens its database connection once


@benchmark("api_lookup_large", runs=2000)
def api_lookup_large(runs):
    """The partner API's 'is this child known?' lookup under 20 concurrent clients against the production
    server (gunicorn, production settings, HTTPS) on a copy of the large council (target: p95 under 200
    ms)."""
    import http.client
    import ssl
    import threading

    import loadtest

    with (
        DB.copy(ensure_large_db(), "api") as database,
        tempfile.TemporaryDirectory(prefix="thrive-bench-") as tmp,
    ):
        setup = (
            "import json; from sharing.api import keys; from access.models import Share; "
            "from django.utils import timezone; "
            "today = timezone.localdate(); active = Share.objects.active(today).filter("
            "person__nhs_number__isnull=False).select_related('agency', 'person'); out = []\n"
            "for agency in {s.agency for s in active}:\n"
            "    _, key = keys.issue(agency, 'bench', ['children:lookup'], rate_limit=10**6)\n"
            "    out += [(key, s.person.nhs_number) for s in active if s.agency == agency]\n"
            f"open({str(Path(tmp) / 'keys.json')!r}, 'w').write(json.dumps(out))"
        )
        manage("shell", "-c", setup, database=database)
        lookups = json.loads((Path(tmp) / "keys.json").read_text())
        clients = int(os.environ.get("THRIVE_BENCH_API_CLIENTS", 20))
        context = ssl._create_unverified_context()  # nosec B323: the server's own self-signed certificate
        samples, lock, statuses = [], threading.Lock(), []
        with loadtest.production_server(database) as server:
            host, port = server.removeprefix("https://").split(":")

            def client(n):
                # One connection per client, kept open as a partner's system would keep its connection pool.
                connection = http.client.HTTPSConnection(host, int(port), timeout=30, context=context)
                for i in range(
                    n - WARM_UP * clients, runs, clients
                ):  # the first few warm the server, untimed
                    key, number = lookups[i % len(lookups)]
                    started = time.perf_counter()
                    connection.request(
                        "GET", f"/api/v1/children/{number}", headers={"Authorization": f"Bearer {key}"}
                    )
                    answer = connection.getresponse()
                    answer.read()
                    if i < 0:
                        continue
                    with lock:
                        samples.append(time.perf_counter() - started)
                        statuses.append(answer.status)
                connection.close()

            before = _loadavg()
            threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    return Result(
        samples,
        None,
        {
            "clients": clients,
            "children": len(lookups),
            "all_200": set(statuses) == {200},
            "load_before": before,
            "load_after": _loadavg(),
        },
    )


@benchmark("load_large", explicit=True, backends=("_pg",))
def load_large(runs):
    """Locust against gunicorn (production settings) on PostgreSQL with the large council: 50 practitioners
    for
    10 minutes (target: no error, page p95 under 500 ms, median under 150 ms), then 200 for 2 minutes (no
    error,
    no lost write). Samples: every page's time in the steady phase. Long: only when named."""
    import loadtest

    figures, steady_pages = loadtest.run(ensure_large_db(), django_setup)
    return Result(steady_pages, None, figures)


# The harness


def machine() -> dict:
    cpu = "unknown"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        ram_kb = next(int(line.split()[1]) for line in info if line.startswith("MemTotal"))
    load = " ".join(f"{n:.2f}" for n in os.getloadavg())
    return {
        "cores": os.cpu_count(),
        "ram_gb": round(ram_kb / 2**20, 1),
        "cpu": cpu,
        "python": sys.version.split()[0],
        "load": load,
    }


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.1f} s"


def run_child(name: str, runs: int, out: Path) -> None:
    """Run one benchmark in this process (a child of the harness) and write its Result as JSON."""
    global DB
    bench = BENCHMARKS[name]
    DB = BACKENDS[bench.backend]
    result = bench.run(runs)
    out.write_text(
        json.dumps({"samples": result.samples, "peak_rss": result.peak_rss, "notes": result.notes})
    )


def run_in_child(name: str, runs: int) -> Result:
    """Each benchmark runs in its own process: Django is set up once per process, against one database,
    and one benchmark's memory does not count towards the next one's peak."""
    with tempfile.TemporaryDirectory(prefix="thrive-bench-") as folder:
        out = Path(folder) / "result.json"
        subprocess.run(
            [sys.executable, __file__, "--child", name, "--runs", str(runs), "--out", str(out)],
            cwd=ROOT,
            check=True,
        )
        data = json.loads(out.read_text())
    return Result(data["samples"], data["peak_rss"], data["notes"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Thrive benchmarks")
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (from: {', '.join(BENCHMARKS)})")
    parser.add_argument("--runs", type=int, help="timed runs for each benchmark (default: its own)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.child, args.runs, args.out)
        return 0
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    national = os.environ.get("BENCH_NATIONAL") == "1"
    names = args.names or [
        b.name
        for b in BENCHMARKS.values()
        if not b.explicit or (national and b.name.startswith("generate_national"))
    ]

    host = machine()
    print(
        f"Machine: {host['cores']} cores, {host['ram_gb']} GB RAM, {host['cpu']}, Python {host['python']}, "
        f"load average {host['load']} at the start"
    )
    print(f"{'benchmark':<22} {'runs':>5} {'median':>10} {'p95':>10} {'peak memory':>12}")
    results = {}
    for name in names:
        bench = BENCHMARKS[name]
        result = run_in_child(name, args.runs or bench.runs)
        peak = f"{result.peak_rss / 2**20:.0f} MB" if result.peak_rss else "-"
        median = statistics.median(result.samples)
        high = p95(result.samples)
        print(f"{name:<22} {len(result.samples):>5} {_seconds(median):>10} {_seconds(high):>10} {peak:>12}")
        if "cpu_median_s" in result.notes:
            print(
                f"{'  CPU time per request':<28} {_seconds(result.notes['cpu_median_s']):>10} "
                f"{_seconds(result.notes['cpu_p95_s']):>10}"
            )
        results[name] = {
            "runs": len(result.samples),
            "median_s": median,
            "p95_s": high,
            "peak_rss_mb": result.peak_rss and round(result.peak_rss / 2**20, 1),
            "samples_s": result.samples,
            "at": datetime.datetime.now().isoformat(timespec="seconds"),
            "database": BACKENDS[bench.backend].name,
            "load_average": " ".join(f"{n:.2f}" for n in os.getloadavg()),
            **result.notes,
        }
    RESULTS.mkdir(parents=True, exist_ok=True)
    latest = RESULTS / "latest.json"
    previous = json.loads(latest.read_text()).get("results", {}) if latest.exists() else {}
    latest.write_text(json.dumps({"machine": host, "results": {**previous, **results}}, indent=2) + "\n")
    print(f"Written to {latest.relative_to(ROOT)}")
    failed = {name: r["problems"] for name, r in results.items() if r.get("problems")}
    for name, problems in failed.items():
        print(f"{name} FAILED: {'; '.join(problems)}")
    if any(BENCHMARKS[name].backend == "_pg" for name in names) and not os.environ.get(
        "THRIVE_BENCH_PG_KEEP"
    ):
        postgres.stop()  # THRIVE_BENCH_PG_KEEP=1 leaves the benchmark cluster running
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
