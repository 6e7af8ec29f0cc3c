"""Due and overdue work for children in care and care leavers, drawn from the due-work registry.

The care and leaving-care worklists are the registry's items for the children the user can open,
kept to these apps' timescales, so a team sees its statutory deadlines without the rest of the journey.
"""

from django.urls import reverse

from access.parts import Part
from access.relationships import visible_people
from council.models import LocalAuthority
from people.duework import DueRow, describe_due
from people.models import Person
from timescales.due import due_items

from .models import Episode, PeriodOfCare
from .timing import FAR_FROM_HOME_MILES

CARE_TIMESCALES = {
    "CLA_REVIEW_FIRST",
    "CLA_REVIEW_SECOND",
    "CLA_REVIEW_SUBSEQUENT",
    "CLA_VISIT_FIRST",
    "CLA_VISIT",
    "CLA_VISIT_LONG_TERM",
    "CLA_VISIT_LONG_TERM_AGREED",
    "CLA_VISIT_WEEKLY",
    "CLA_VISIT_FOUR_WEEKS",
    "CLA_VISIT_CARE_ORDER_AT_HOME",
    "CLA_HEALTH_INITIAL",
    "CLA_HEALTH_REVIEW",
    "CLA_HEALTH_REVIEW_UNDER_5",
    "CLA_DENTAL",
    "PEP_INITIAL",
    "PEP_REVIEW",
    "UASC_AGE_ASSESSMENT",
    "NTS_TRANSFER",
    "CARE_PLAN",
    "PLACEMENT_PLAN",
    "PLACEMENT_NOTICE",
    "CONNECTED_PERSON_APPROVAL",
    "CONNECTED_PERSON_EXTENSION",
    "ADOPTION_AUTHORITY_REVIEW",
    "ADOPTION_REVIEW_FIRST",
    "ADOPTION_REVIEW_SECOND",
    "ADOPTION_REVIEW_SUBSEQUENT",
    "ADOPTION_VISIT_FIRST",
    "ADOPTION_VISIT_WEEKLY",
    "ADOPTION_VISIT",
}
LEAVER_TIMESCALES = {
    "PERSONAL_ADVISER_FROM_16",
    "LEAVING_CARE_NEEDS_ASSESSMENT",
    "PATHWAY_PLAN",
    "PATHWAY_PLAN_REVIEW",
    "PERSONAL_ADVISER_VISIT_AFTER_MOVE",
    "PERSONAL_ADVISER_VISIT",
    "STAYING_CLOSE_ASSESSMENT",
    "CARE_LEAVER_BIRTHDAY_INFORMATION",
}
LIMIT = (
    200  # the soonest first; a team can have a thousand items, and a long page is slow to read and to render
)


def own_council() -> str:
    """The council's ONS code, which placements are in or out of."""
    council = LocalAuthority.objects.only("ons_code").first()
    return council.ons_code if council else ""


def placed_far_from_home(person_ids) -> list[Episode]:
    """Current placements more than 20 miles from home (as Ofsted reads the 903's distance), farthest
    first."""
    return list(
        Episode.objects.filter(
            person_id__in=list(person_ids), end_date__isnull=True, distance_miles__gt=FAR_FROM_HOME_MILES
        )
        .select_related("person")
        .order_by("-distance_miles", "person__la_id")[:LIMIT]
    )


def children_in_care(user, on) -> set[int]:
    """The children looked after today whom this user can open."""
    looked_after = PeriodOfCare.objects.filter(end_date__isnull=True, start_date__lte=on).values_list(
        "person_id", flat=True
    )
    return visible_people(user, on, Part.CARE) & set(looked_after)


def _rows(items, on, app) -> list[DueRow]:
    people = Person.objects.filter(pk__in={item.person_id for item in items}).select_related("merged_into")
    kept = {person.pk: person.merged_into or person for person in people}
    return [
        DueRow(
            item,
            kept[item.person_id],
            reverse(f"{app}:record", args=[kept[item.person_id].pk]),
            *describe_due(item.due, on),
        )
        for item in items
    ]


def worklist_items(person_ids, on, codes, app="care") -> list:
    """Every item with these timescales for these children, soonest first: the worklist pages and filters them
    (people.duework.worklist_page)."""
    return [item for item in due_items(person_ids, on, apps={app}) if item.timescale in codes]


def record_url(app: str):
    """A function from a child's id to their record in `app` (care or leavers), reversing the URL once."""
    start, end = reverse(f"{app}:record", args=[0]).rsplit("/0/", 1)
    return lambda pk: f"{start}/{pk}/{end}"


def due_rows(person_ids, on, codes, app="care", limit=LIMIT) -> tuple[list[DueRow], int]:
    """The first `limit` items with these timescales, soonest first, and how many there are in all.

    The timescales are the app's own (care's or leavers'), so only that app's due sources run, and
    each row links to the child's record in that app.
    """
    items = [item for item in due_items(person_ids, on, apps={app}) if item.timescale in codes]
    return _rows(items[:limit], on, app), len(items)


def child_due_rows(ids, on, codes, app="care") -> list[DueRow]:
    return due_rows(ids, on, codes, app)[0]
