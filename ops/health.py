"""GET /healthz: is this instance able to serve? For load balancers, container probes and monitoring.

Public (no sign-in: probes have no account) and free of personal data: it says only whether the
database answered and every migration is applied. It answers over plain HTTP too (prod settings
exempt it from the HTTPS redirect), because probes call the container directly.
"""

import time

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from access.classes import public

_all_applied = False  # once seen applied, this process's code and the database agree until it restarts


def _migrations_pending() -> bool:
    """Reading the migration graph takes a few hundred milliseconds, so it is done until all are applied."""
    global _all_applied
    if _all_applied:
        return False
    executor = MigrationExecutor(connection)
    pending = bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    _all_applied = not pending
    return pending


@public
@never_cache
@require_GET
def healthz(request):
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        pending = _migrations_pending()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    body = {
        "status": "unavailable" if pending else "ok",
        "database": "ok",
        "migrations": "pending" if pending else "applied",
        "database_ms": round((time.perf_counter() - started) * 1000, 1),
    }
    return JsonResponse(body, status=503 if pending else 200)
