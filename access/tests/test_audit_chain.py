"""The audit log is append-only and a hash chain: whoever deletes, alters or inserts a row, even with the
database's own rights and the triggers out of the way, is found by `manage.py verify_audit`."""

import contextlib
import datetime
import io
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, IntegrityError, connection, connections, transaction
from django.urls import reverse
from django.utils import timezone

from access import triggers
from access.chain import GENESIS, AppendOnlyError, link_hash
from access.models import (
    Action,
    AuditChainHead,
    BasisKind,
    BreakGlass,
    BreakGlassReview,
    DisclosedChild,
    Disclosure,
    DisclosureKind,
    RecordView,
    Role,
)
from access.verify import verify
from tests.factories import allocated_child, make_person, make_team, make_user

POSTGRES = connection.vendor == "postgresql"


def viewed(user, person, at=None) -> RecordView:
    return RecordView.objects.create(
        user=user,
        person=person,
        allowed=True,
        action=Action.READ,
        basis_kind=BasisKind.TEAM,
        basis="Member of Team 1",
        path=f"/people/{person.pk}/",
        **({"at": at} if at else {}),
    )


def listed(user, people) -> Disclosure:
    return Disclosure.objects.create(
        user=user, kind=DisclosureKind.LIST, what="My work", path="/work/", count=len(people), named=people
    )


def broke_glass(user, person) -> BreakGlass:
    return BreakGlass.objects.create(
        user=user,
        person=person,
        reason="Police at the door",
        expires_at=timezone.now() + datetime.timedelta(hours=8),
    )


@pytest.fixture
def log(db):
    """A little of everything the audit holds: looks, a list naming children, a break glass and its review."""
    worker, manager = make_user(), make_user(role=Role.TEAM_MANAGER)
    children = [make_person() for _ in range(3)]
    rows = {"first": viewed(worker, children[0]), "list": listed(worker, children)}
    rows["glass"] = broke_glass(worker, children[1])
    rows["middle"] = viewed(worker, children[1])
    rows["review"] = BreakGlassReview.objects.create(
        break_glass=rows["glass"], reviewed_by=manager, outcome="appropriate"
    )
    rows["last"] = viewed(worker, children[2])
    return rows


def verify_audit(*args) -> str:
    """The command's output; a broken chain raises CommandError (exit code 1 from the shell)."""
    out = io.StringIO()
    call_command("verify_audit", *args, stdout=out, stderr=out)
    return out.getvalue()


def broken(*args) -> str:
    out = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("verify_audit", *args, stdout=out, stderr=out)
    assert failure.value.returncode == 1
    return str(failure.value)


@contextlib.contextmanager
def as_attacker(*tables):
    """Raw SQL with the tables' triggers out of the way, as anyone with the database owner's rights could."""
    with connection.cursor() as cursor:
        if POSTGRES:  # the test's own inserts have foreign key checks pending, which ALTER TABLE refuses
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in tables:
            if POSTGRES:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only")
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_forward_only")
        yield cursor
        for table in tables:
            if POSTGRES:
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        triggers.install(connection)


ALTER_BASIS = "UPDATE access_recordview SET basis = %s WHERE id = %s"


def when(row) -> str:
    return f"{row.at.astimezone(datetime.UTC):%Y-%m-%d %H:%M:%S} UTC"


# Written in a chain


def test_each_row_carries_the_hash_of_the_one_before(log):
    ordered = sorted(log.values(), key=lambda row: row.chain_seq)
    assert [row.chain_seq for row in ordered] == [1, 2, 3, 4, 5, 6]
    first = log["first"]
    assert first.chain_hash == link_hash(GENESIS, "recordview", 1, first.chained_values())
    expected = link_hash(first.chain_hash, "disclosure", 2, log["list"].chained_values(), log["list"].named)
    assert log["list"].chain_hash == expected
    head = AuditChainHead.objects.get()
    assert (head.seq, head.hash) == (6, log["last"].chain_hash)
    output = verify_audit()
    assert "6 rows" in output and "Every audit row is as written" in output and "rows/s" in output


def test_pages_write_their_audit_rows_into_the_chain(client, db):
    child, worker, manager, _ = allocated_child()
    client.force_login(worker)
    assert client.get(reverse("people:record", args=[child.pk])).status_code == 200
    client.force_login(make_user())
    assert client.get(reverse("people:record", args=[child.pk])).status_code == 403
    client.force_login(manager)
    assert client.get(reverse("people:audit", args=[child.pk])).status_code == 200
    assert client.get(reverse("home")).status_code == 200
    report = verify()
    assert report.ok and report.rows == RecordView.objects.count() + Disclosure.objects.count() >= 3


def test_a_disclosures_hash_covers_the_children_it_named(log):
    assert sorted(log["list"].children.values_list("person_id", flat=True)) == sorted(log["list"].named)
    assert "3 children" in verify_audit().replace("naming 3 children", "3 children")


def test_times_read_back_as_written_whatever_the_time_zone(db):
    worker, child = make_user(), make_person()
    british_summer_time = datetime.timezone(datetime.timedelta(hours=1))
    summer = datetime.datetime(2025, 7, 1, 9, 30, 15, 123456, tzinfo=british_summer_time)
    viewed(worker, child, at=summer)
    with pytest.warns(RuntimeWarning):  # naive, as Django warns: taken in the council's time zone, as stored
        viewed(worker, child, at=datetime.datetime(2025, 1, 1, 0, 0))
    assert verify().ok


# Append-only to the application


@pytest.mark.parametrize("name", ["first", "list", "glass", "review"])
def test_the_models_refuse_to_change_or_delete_a_row(log, name):
    row = log[name]
    model = type(row)
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    with pytest.raises(AppendOnlyError):
        model.objects.filter(pk=row.pk).update(at=timezone.now())
    with pytest.raises(AppendOnlyError):
        model.objects.filter(pk=row.pk).delete()
    with pytest.raises(AppendOnlyError):
        model.objects.bulk_update([row], ["at"])
    assert verify().ok


def test_a_disclosures_children_are_written_only_with_it(log):
    child = make_person()
    with pytest.raises(AppendOnlyError):
        log["list"].children.create(person=child)
    with pytest.raises(AppendOnlyError):
        DisclosedChild.objects.bulk_create([DisclosedChild(disclosure=log["list"], person=child)])
    with pytest.raises(AppendOnlyError):
        log["list"].children.first().delete()
    with pytest.raises(AppendOnlyError):
        DisclosedChild.objects.filter(disclosure=log["list"]).delete()


TABLES = [
    "access_recordview",
    "access_disclosure",
    "access_disclosedchild",
    "access_breakglass",
    "access_breakglassreview",
]


@pytest.mark.parametrize("table", TABLES)
def test_the_database_refuses_an_update_whatever_the_sql(log, table):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET id = id")


@pytest.mark.skipif(
    not POSTGRES,
    reason="SQLite empties tables with DELETE (Django's flush), so only the models refuse a delete there",
)
@pytest.mark.parametrize("table", TABLES)
def test_postgresql_refuses_a_delete_whatever_the_sql(log, table):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table}")


def test_the_head_of_the_chain_only_moves_forward(log):
    with pytest.raises(DatabaseError, match="only moves forward"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE access_auditchainhead SET seq = seq - 1")
    with pytest.raises(DatabaseError, match="only moves forward"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE access_auditchainhead SET hash = %s", [GENESIS])


def test_without_a_head_the_next_write_makes_one_at_the_last_row(log):
    with as_attacker("access_auditchainhead") as cursor:
        cursor.execute("DELETE FROM access_auditchainhead")
    later = viewed(log["first"].user, log["first"].person)
    assert later.chain_seq == 7 and AuditChainHead.objects.get().seq == 7
    assert verify().ok


def test_the_triggers_are_in_place_after_migrating(db):
    wanted = {f"{table}_append_only" for table in triggers.AUDIT_TABLES}
    assert wanted | {"access_auditchainhead_forward_only"} <= triggers.installed(connection)


def test_a_break_glass_review_is_a_row_of_its_own_given_once(log):
    again = BreakGlassReview(
        break_glass=log["glass"],
        reviewed_by=make_user(role=Role.TEAM_MANAGER),
        outcome="inappropriate",
        note="Changed my mind",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        again.save()
    assert BreakGlassReview.objects.get(break_glass=log["glass"]).outcome == "appropriate"
    assert verify().ok


def test_reviewing_a_break_glass_writes_the_review_into_the_chain(client, db):
    team = make_team()
    manager = make_user(role=Role.TEAM_MANAGER, manages=[team])
    access = broke_glass(make_user(teams=[team]), make_person())
    client.force_login(manager)
    response = client.post(reverse("access:break_glass_review", args=[access.pk]), {"outcome": "appropriate"})
    assert response.status_code == 302
    review = BreakGlassReview.objects.get(break_glass=access)
    assert review.reviewed_by == manager and review.chain_seq > access.chain_seq
    assert verify().ok


# Tampering found


def test_an_altered_row_is_found(log):
    altered = log["middle"]
    with as_attacker("access_recordview") as cursor:
        cursor.execute(ALTER_BASIS, ["Allocated worker", altered.pk])
    message = broken()
    assert f"place {altered.chain_seq}: RecordView id {altered.pk} at {when(altered)}: altered" in message


def test_an_altered_time_is_found(log):
    altered = log["glass"]
    with as_attacker("access_breakglass") as cursor:
        cursor.execute(
            "UPDATE access_breakglass SET at = %s WHERE id = %s",
            [altered.at - datetime.timedelta(hours=3), altered.pk],
        )
    assert f"BreakGlass id {altered.pk}" in broken() and "altered" in broken()


def test_a_deleted_row_is_found_at_the_row_after_it(log):
    deleted, after = log["glass"], log["middle"]
    with as_attacker("access_breakglass", "access_breakglassreview") as cursor:
        cursor.execute("DELETE FROM access_breakglassreview WHERE break_glass_id = %s", [deleted.pk])
        cursor.execute("DELETE FROM access_breakglass WHERE id = %s", [deleted.pk])
    message = broken()
    assert f"place {after.chain_seq}: RecordView id {after.pk} at {when(after)}" in message
    assert f"at place {deleted.chain_seq}, are missing: deleted" in message
    report = verify()
    assert report.broken == 2  # the review, at the place after the review's, is missing too


def test_a_row_deleted_from_the_end_is_found(log):
    last = log["last"]
    with as_attacker("access_recordview") as cursor:
        cursor.execute("DELETE FROM access_recordview WHERE id = %s", [last.pk])
    assert f"rows from place {last.chain_seq} to the head's {last.chain_seq} are missing" in broken()


def test_a_child_removed_from_a_list_is_found(log):
    disclosure = log["list"]
    with as_attacker("access_disclosedchild") as cursor:
        cursor.execute("DELETE FROM access_disclosedchild WHERE id = %s", [disclosure.children.first().pk])
    message = broken()
    where = f"Disclosure id {disclosure.pk} at {when(disclosure)}"
    assert f"{where}: altered: its fields, the children it named" in message


def test_an_inserted_row_is_found(log):
    worker, child, at = log["first"].user, log["first"].person, timezone.now()
    with connection.cursor() as cursor:  # no trigger needed: inserting is what the application does too
        cursor.execute(
            "INSERT INTO access_recordview (user_id, person_id, at, allowed, action, basis_kind, basis, "
            "path, chain_seq, chain_hash) VALUES (%s, %s, %s, %s, 'read', 'own', 'Allocated worker', "
            "'/people/1/', %s, %s)",
            [worker.pk, child.pk, at, True, 99, GENESIS],
        )
        inserted = cursor.lastrowid if not POSTGRES else None
    assert "beyond the chain's head: not written by the application" in broken()
    assert inserted is None or f"RecordView id {inserted}" in broken()


def test_a_row_inserted_at_a_place_already_taken_is_found(log):
    taken = log["middle"]
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO access_breakglass (user_id, person_id, reason, at, expires_at, chain_seq, "
            "chain_hash) VALUES (%s, %s, 'Checking', %s, %s, %s, %s)",
            [taken.user_id, taken.person_id, taken.at, taken.at, taken.chain_seq, taken.chain_hash],
        )
    assert f"a second row at place {taken.chain_seq}" in broken()


def test_an_anchor_finds_a_chain_rewritten_from_the_changed_row_to_its_head(log, tmp_path):
    """Someone recomputing every hash after their change, and the head, defeats the chain alone: the head
    anchored off the database server by an earlier run does not."""
    anchor = tmp_path / "audit-anchor.jsonl"
    assert "Anchored the head" in verify_audit("--anchor", str(anchor))
    viewed(log["first"].user, log["first"].person)
    altered = log["middle"]
    with as_attacker(
        "access_recordview",
        "access_disclosure",
        "access_breakglass",
        "access_breakglassreview",
        "access_auditchainhead",
    ) as cursor:
        cursor.execute(ALTER_BASIS, ["Allocated worker", altered.pk])
        _rechain(cursor)
    assert verify().ok  # consistent again without the anchor
    message = broken("--anchor", str(anchor))
    assert "anchored at this place" in message and "the chain was rewritten" in message


def test_an_anchor_finds_rows_deleted_from_the_end_with_the_head_moved_back(log, tmp_path):
    anchor = tmp_path / "audit-anchor.jsonl"
    verify_audit("--anchor", str(anchor))
    last = log["last"]
    with as_attacker("access_recordview", "access_auditchainhead") as cursor:
        cursor.execute("DELETE FROM access_recordview WHERE id = %s", [last.pk])
        cursor.execute(
            "UPDATE access_auditchainhead SET seq = %s, hash = %s",
            [log["review"].chain_seq, log["review"].chain_hash],
        )
    assert verify().ok
    assert f"place {last.chain_seq}: the row anchored at this place" in broken("--anchor", str(anchor))


def test_verify_audit_is_a_nightly_job():
    from ops.schedule import JOBS

    assert any(job.command == ("verify_audit",) for job in JOBS)


def _rechain(cursor) -> None:
    """What a careful attacker would do: recompute every hash in order and move the head to match."""
    import heapq

    from access.chain import LINKS, rows

    previous = GENESIS
    for row in heapq.merge(*(rows(link) for link in LINKS.values()), key=lambda r: r.seq):
        previous = link_hash(previous, row.link.tag, row.seq, row.values, row.named)
        cursor.execute(f"UPDATE access_{row.link.tag} SET chain_hash = %s WHERE id = %s", [previous, row.id])
    cursor.execute("UPDATE access_auditchainhead SET hash = %s", [previous])


# Concurrent writers


@pytest.mark.skipif(
    not POSTGRES, reason="SQLite's test database is in memory, shared by threads without waiting"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_on_separate_connections_keep_one_chain():
    worker, child = make_user(), make_person()
    start, errors, per_writer = threading.Barrier(2), [], 60

    def write(kind):
        try:
            start.wait()
            for n in range(per_writer):
                if kind == "views":
                    RecordView.objects.bulk_create(
                        [
                            RecordView(user=worker, person=child, allowed=True, basis=f"view {n}", path="/")
                            for _ in range(2)
                        ]
                    )
                else:
                    listed(worker, [child])
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    writers = [threading.Thread(target=write, args=(kind,)) for kind in ("views", "lists")]
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    assert not errors
    places = sorted(
        [
            *RecordView.objects.values_list("chain_seq", flat=True),
            *Disclosure.objects.values_list("chain_seq", flat=True),
        ]
    )
    assert places == list(range(1, 3 * per_writer + 1))
    # the writers took turns, not one after the other
    views = set(RecordView.objects.values_list("chain_seq", flat=True))
    turns = [place in views for place in places]
    assert sum(a != b for a, b in zip(turns, turns[1:])) > 1
    assert verify().ok


# Rows written before the chain


@pytest.mark.django_db(transaction=True)
def test_migrating_chains_the_rows_written_before_and_moves_reviews_to_rows_of_their_own():
    from django.db.migrations.executor import MigrationExecutor

    before = ("access", "0004_audit_of_access_and_disclosures")
    executor = MigrationExecutor(connection)
    after = executor.loader.graph.leaf_nodes()  # through 0005 and 0006, and back to the latest of every app
    # Apps that do not depend on access's later migrations stay at their latest (people's search columns,
    # say),
    # as a real upgrade would have them; sharing goes back with access, since Share moved between them.
    others = [leaf for leaf in after if leaf[0] not in ("access", "sharing")]
    executor.migrate([before, *others])
    old = executor.loader.project_state([before, *others]).apps
    User, Person = old.get_model("access", "User"), old.get_model("people", "Person")
    worker = User.objects.create(username="old.worker", role=Role.SOCIAL_WORKER)
    manager = User.objects.create(username="old.manager", role=Role.TEAM_MANAGER)
    child = Person.objects.create(la_id="LA0000001", forename="Alex", surname="Smith")
    at = timezone.now() - datetime.timedelta(days=3)
    old.get_model("access", "RecordView").objects.create(
        user=worker, person=child, allowed=True, basis="Team", path="/people/1/", at=at
    )
    glass = old.get_model("access", "BreakGlass").objects.create(
        user=worker,
        person=child,
        reason="Urgent",
        at=at - datetime.timedelta(days=1),
        expires_at=at,
        reviewed_by=manager,
        reviewed_at=at + datetime.timedelta(hours=1),
        review_outcome="inappropriate",
        review_note="Raised with their manager",
    )
    disclosure = old.get_model("access", "Disclosure").objects.create(
        user=worker, kind="list", what="My work", path="/work/", count=1, at=at + datetime.timedelta(hours=2)
    )
    old.get_model("access", "DisclosedChild").objects.create(disclosure=disclosure, person=child)

    executor = MigrationExecutor(connection)
    executor.migrate(after)

    review = BreakGlassReview.objects.get(break_glass_id=glass.pk)
    assert (review.reviewed_by_id, review.outcome, review.note) == (
        manager.pk,
        "inappropriate",
        "Raised with their manager",
    )
    in_order = [
        BreakGlass.objects.get().chain_seq,
        RecordView.objects.get().chain_seq,
        review.chain_seq,
        Disclosure.objects.get().chain_seq,
    ]
    assert in_order == [1, 2, 3, 4]  # in time order
    report = verify()
    assert report.ok and report.rows == 4 and report.children == 1
    assert "access_recordview_append_only" in triggers.installed(connection)
    from access.models import User as CurrentUser
    from people.models import Person as CurrentPerson

    viewed(CurrentUser.objects.get(pk=worker.pk), CurrentPerson.objects.get(pk=child.pk))  # the chain goes on
    assert verify().ok and AuditChainHead.objects.get().seq == 5
