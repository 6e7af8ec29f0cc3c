"""Splink backends for a linkage run: DuckDB in memory for one council (Spark for a region is in `spark`)."""

import os


def duckdb_api(memory_limit: str | None = None):
    import duckdb
    from splink import DuckDBAPI

    connection = duckdb.connect(":memory:")
    connection.execute(f"SET threads = {os.cpu_count() or 1}")
    if memory_limit or os.environ.get("THRIVE_LINKAGE_MEMORY"):
        connection.execute(f"SET memory_limit = '{memory_limit or os.environ['THRIVE_LINKAGE_MEMORY']}'")
    return DuckDBAPI(connection=connection)
