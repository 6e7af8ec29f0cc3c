"""Corrections analysts have asked for, in the worker's due work (timescale RETURN_FIX)."""

from timescales.due import DueItem, due_source

from .models import FixRequest, ReturnKind

SHORT = {ReturnKind.CIN_CENSUS: "CIN census", ReturnKind.SSDA903: "SSDA903"}


@due_source
def corrections(person_ids, on):
    for fix in FixRequest.objects.filter(person_id__in=person_ids, closed_at__isnull=True).only(
        "person_id", "return_kind", "year", "rule_code", "message", "due_on"
    ):
        yield DueItem(
            fix.person_id,
            f"Correct the record for the {SHORT.get(fix.return_kind, fix.return_kind)} "
            f"{fix.year - 1}-{fix.year % 100:02d} ({fix.rule_code}): {fix.message}",
            fix.due_on,
            "RETURN_FIX",
        )
