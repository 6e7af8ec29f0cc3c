"""Allocating a personal adviser: the involvement that lets them open the young person's record."""

from access.models import InvolvementKind
from care.services import replace_involvement


def allocate_personal_adviser(person, adviser, team, on):
    """The young person's personal adviser from `on`; the previous adviser's involvement ends that day."""
    return replace_involvement(person, InvolvementKind.PERSONAL_ADVISER, on, adviser, team)
