"""Writing the log of disclosures to partner agencies (access.shares.PartnerDisclosure).

A disclosure under a share is logged once per share in force that covers what was disclosed, with the
parts it covered and its lawful basis; a disclosure a rule makes without a share (a notification to a
child's school and GP when a plan starts) names its lawful basis itself.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from .parts import ALWAYS_SHARED, Part, as_parts
from .shares import DisclosureChannel, PartnerDisclosure, Share

PATH_LENGTH = PartnerDisclosure._meta.get_field("path").max_length


def _rows(
    agency_id: int, person_id: int, shares: Iterable[Share], parts: frozenset[Part], **fields: Any
) -> list[PartnerDisclosure]:
    rows = []
    for share in shares:
        covered = parts & share.part_set
        if covered:
            rows.append(
                PartnerDisclosure(
                    agency_id=agency_id,
                    person_id=person_id,
                    share=share,
                    legal_basis=share.legal_basis,
                    parts=sorted(covered),
                    **fields,
                )
            )
    return rows


def under_shares(
    agency_id: int,
    disclosed: Mapping[int, Any],
    *,
    channel: str,
    what: str,
    user: Any = None,
    client: str = "",
    path: str = "",
    merged: Mapping[int, Iterable[int]] | None = None,
) -> list[PartnerDisclosure]:
    """Log what an agency was shown under its shares: `disclosed` maps each child's id to the parts shown.
    `merged` maps a child's id to the ids of records merged into it (a share on any of them counts)."""
    merged = merged or {}
    ids = {pk: list(merged.get(pk, [pk])) for pk in disclosed}
    holders = {record: pk for pk, records in ids.items() for record in records}
    shares = Share.objects.active().filter(agency_id=agency_id, person_id__in=list(holders))
    by_child: dict[int, list[Share]] = {}
    for share in shares.order_by("start_date", "pk"):
        by_child.setdefault(holders[share.person_id], []).append(share)
    fields = dict(
        channel=channel,
        what=what[:300],
        user=user,
        client=client[:200],
        path=path[:PATH_LENGTH],
        at=timezone.now(),
    )
    rows = [
        row
        for pk, parts in disclosed.items()
        for row in _rows(agency_id, pk, by_child.get(pk, []), as_parts(parts), **fields)
    ]
    return PartnerDisclosure.objects.bulk_create(rows)


def without_share(
    agency_id: int,
    person_id: int,
    parts: Iterable,
    *,
    legal_basis: str,
    channel: str,
    what: str,
    client: str = "",
) -> PartnerDisclosure:
    """Log a disclosure a rule makes whatever the shares (e.g. a notification to the child's school)."""
    return PartnerDisclosure.objects.create(
        agency_id=agency_id,
        person_id=person_id,
        legal_basis=legal_basis,
        parts=sorted(as_parts(parts)),
        channel=channel,
        what=what[:300],
        client=client[:200],
    )


def page_seen(request: HttpRequest, person_ids: list, parts: Iterable, what: str) -> list[PartnerDisclosure]:
    """A page a partner's member of staff was served about a child they see through their agency's shares;
    `person_ids` the kept record first, then any merged into it. Every page names the child: identity too."""
    shown = {person_ids[0]: as_parts(parts) | ALWAYS_SHARED}
    agency_id: int = request.user.agency_id  # type: ignore[union-attr,assignment]
    return under_shares(
        agency_id,
        shown,
        channel=DisclosureChannel.PAGE,
        what=what,
        user=request.user,
        path=request.get_full_path(),
        merged={person_ids[0]: person_ids},
    )
