"""A child's family network, read from both sides of each relationship.

Shared by the record page and by casework that draws on the network (the people at a family
group decision making meeting).
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from .codes import INVERSE_KIND, RelationshipKind
from .models import Relationship


def family_network(ids: Iterable[int]) -> list[dict[str, Any]]:
    """The family network read from both sides: "relative is the person's <kind>" and its inverse."""
    family, seen = [], set()
    wanted = set(ids)
    relationships = (
        Relationship.objects.filter(Q(person_id__in=ids) | Q(relative_id__in=ids))
        .select_related("person", "relative")
        .order_by("start_date", "pk")
    )
    for rel in relationships:
        if rel.person_id in wanted:
            other, kind = rel.relative, rel.get_kind_display()
        else:
            other, kind = rel.person, RelationshipKind(INVERSE_KIND[rel.kind]).label  # type: ignore[index]
        if other.pk in wanted or (other.pk, kind) in seen:
            continue
        seen.add((other.pk, kind))
        family.append({"person": other, "kind": kind, "relationship": rel})
    return family
