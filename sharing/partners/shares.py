"""Which children a partner agency may be told about: those it has an active share for.

The one place the API reads shares, so phase 2 (share scope, the disclosure log) and the move of
`Share` into `access` change one import.
"""

from django.db.models import Q
from django.utils import timezone

from people.merging import survivor_of
from people.models import Person

from ..models import Share


def active_share_person(agency, nhs_number: str) -> Person | None:
    """The child with this NHS number, if the agency has a share for them active today (merges followed)."""
    holder = Person.objects.filter(nhs_number=nhs_number).first()
    if holder is None:
        return None
    person = survivor_of(holder) if holder.merged_into_id else holder
    today = timezone.localdate()
    from people.merging import merged_ids

    shares = Share.objects.filter(agency=agency, person_id__in=merged_ids(person), start_date__lte=today)
    return person if shares.filter(Q(end_date__isnull=True) | Q(end_date__gte=today)).exists() else None
