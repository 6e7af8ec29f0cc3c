"""Searching for people as a user may: forgiving matching (people.matching), limited to what the user may see,
and logged as a disclosure of every child listed. Find a child, the header's box and the front door's "new
child" flow all search through here.

Search shows identity only (name, date of birth, age, council ID), enough to pick the right child and break
glass; who works with a child is shown only for records the user may open. Partners and analysts find only
the records they can open.
"""

from django.conf import settings
from django.utils import timezone

from access.audit import disclose
from access.disclosures import under_shares
from access.models import DisclosureKind, Role
from access.parts import Part
from access.relationships import is_partner, openable, openable_people
from access.requests import SignedInRequest
from access.shares import DisclosureChannel

from .matching import Criteria, Found, find
from .worklist import working_with

# Partners and analysts find only the records they can open; everyone else finds identities to choose from.
SEARCH_OPEN_RECORDS_ONLY = {Role.PARTNER, Role.ANALYST}

SEARCH_TERMS = (
    ("forename", "first name"),
    ("surname", "last name"),
    ("name", "name"),
    ("nhs_number", "NHS number"),
    ("la_id", "council ID"),
    ("postcode", "postcode"),
)


def search_terms(data: dict) -> str:
    """What was searched for, as the audit log keeps it."""
    parts = [f"{label} {data[name]}" for name, label in SEARCH_TERMS if data.get(name)]
    if data.get("dob"):
        parts.append(f"date of birth {data['dob']:%Y-%m-%d}")
    return "; ".join(parts)


def find_people(
    request: SignedInRequest, criteria: Criteria, what: str, terms: str, limit: int | None = None
) -> Found:
    """Forgiving search as `request.user` may do it, logged as a disclosure of every child it lists.

    Partners and analysts find only the records they can open; everyone else finds identities to choose
    from, each marked with whether they can open it (`p.openable`) and, if so, who works with them.
    """
    within = openable_people(request.user) if request.user.role in SEARCH_OPEN_RECORDS_ONLY else None
    found = find(criteria, limit or settings.SEARCH_RESULTS_LIMIT, within)
    ids = [p.pk for p in found.people]
    may_open = openable(request.user, ids)
    working = working_with(request.user, may_open)
    today = timezone.localdate()
    partner = is_partner(request.user)
    for person in found.people:
        person.openable = person.pk in may_open
        person.working = (
            [] if partner else working.get(person.pk, [])
        )  # a share may not cover who works there
        person.age = person.age_on(today)
    disclose(request, DisclosureKind.SEARCH, ids, what=what, terms=terms, count=found.total)
    if ids and partner and request.user.agency_id:  # identities disclosed through the agency's shares
        under_shares(
            request.user.agency_id,
            dict.fromkeys(ids, Part.IDENTITY),
            channel=DisclosureChannel.PAGE,
            what=f"{what}: search results",
            user=request.user,
            path=request.get_full_path(),
        )
    return found
