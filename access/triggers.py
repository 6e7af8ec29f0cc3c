"""Database triggers that keep the audit log append-only whatever the SQL, not only through the models.

PostgreSQL (production): UPDATE and DELETE on every audit table are refused, and the chain's head only
moves forward. TRUNCATE is left to the database owner (Django's test flush and `generate_la --replace`
empty the database with it); emptying the log leaves the head, or an anchor, ahead of the rows, which
`verify_audit` reports.

SQLite (development and tests): UPDATE is refused, and the head only moves forward. DELETE is left
alone, because Django empties SQLite tables with DELETE (the test flush, `generate_la --replace`);
the models still refuse it, and `verify_audit` finds a deleted row. SQLite drops a table's triggers when
a migration rebuilds the table, so they are put back after every migrate (access.apps).
"""

from collections.abc import Iterable

from django.db.backends.base.base import BaseDatabaseWrapper

AUDIT_TABLES = (
    "access_recordview",
    "access_disclosure",
    "access_disclosedchild",
    "access_breakglass",
    "access_breakglassreview",
    "access_partnerdisclosure",
)
HEAD_TABLE = "access_auditchainhead"
REFUSED = "The audit log is append-only"
HEAD_BACKWARDS = "The head of the audit chain only moves forward"

POSTGRES_FUNCTIONS = [
    f"""CREATE OR REPLACE FUNCTION access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{REFUSED}: % on % is refused.', TG_OP, TG_TABLE_NAME;
END $$""",
    f"""CREATE OR REPLACE FUNCTION access_audit_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.seq < OLD.seq OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash) THEN
        RAISE EXCEPTION '{HEAD_BACKWARDS}.';
    END IF;
    RETURN NEW;
END $$""",
]


def postgres_sql(tables: Iterable[str] = AUDIT_TABLES) -> list[str]:
    statements = list(POSTGRES_FUNCTIONS)
    for table in tables:
        statements.append(
            f"CREATE OR REPLACE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION access_audit_append_only()"
        )
    statements.append(
        f"CREATE OR REPLACE TRIGGER {HEAD_TABLE}_forward_only BEFORE UPDATE OR DELETE "
        f"ON {HEAD_TABLE} FOR EACH ROW EXECUTE FUNCTION access_audit_head_forward()"
    )
    return statements


def sqlite_sql(tables: Iterable[str] = AUDIT_TABLES) -> list[str]:
    statements = [
        f"CREATE TRIGGER IF NOT EXISTS {table}_append_only BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{REFUSED}: UPDATE on {table} is refused.'); END"
        for table in tables
    ]
    statements.append(
        f"CREATE TRIGGER IF NOT EXISTS {HEAD_TABLE}_forward_only BEFORE UPDATE ON {HEAD_TABLE} "
        "WHEN NEW.seq < OLD.seq OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash) "
        f"BEGIN SELECT RAISE(ABORT, '{HEAD_BACKWARDS}.'); END"
    )
    return statements


def install(connection: BaseDatabaseWrapper) -> None:
    """On the audit tables present: one made by a later migration (access.PartnerDisclosure, 0009) gets its
    trigger when that migration installs them again."""
    statements = {"postgresql": postgres_sql, "sqlite": sqlite_sql}.get(connection.vendor)
    if statements is None:
        return
    present = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for sql in statements(tuple(table for table in AUDIT_TABLES if table in present)):
            cursor.execute(sql)


def remove(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for table in (*AUDIT_TABLES, HEAD_TABLE):
            name = f"{table}_{'forward_only' if table == HEAD_TABLE else 'append_only'}"
            on = f" ON {table}" if connection.vendor == "postgresql" else ""
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}{on}")
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS access_audit_append_only()")
            cursor.execute("DROP FUNCTION IF EXISTS access_audit_head_forward()")


def installed(connection: BaseDatabaseWrapper) -> set[str]:
    """The names of the audit triggers present (for tests and checks)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'access_%%'")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'access_%'")
        return {name for (name,) in cursor.fetchall()}
