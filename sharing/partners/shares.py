"""Which children a partner agency may be told about: those it has a share in force for, and only the parts
of the record those shares cover.
"""

from access.models import Share
from people.merging import merged_ids, survivor_of
from people.models import Person


def active_shares(agency, nhs_number: str) -> tuple[Person | None, list[Share]]:
    """The child with this NHS number (merges followed) and the agency's shares in force for them, or
    (None, []) when it has none: the agency is not told whether the council knows the child."""
    holder = Person.objects.filter(nhs_number=nhs_number).first()
    if holder is None:
        return None, []
    person = survivor_of(holder) if holder.merged_into_id else holder
    shares = list(
        Share.objects.active()
        .filter(agency=agency, person_id__in=merged_ids(person))
        .order_by("start_date", "pk")
    )
    return (person, shares) if shares else (None, [])


def shared_with(agency, person) -> bool:
    """Has the agency a share in force for this child (or a record merged into them)?"""
    return Share.objects.active().filter(agency=agency, person_id__in=merged_ids(person)).exists()
