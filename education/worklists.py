"""Education's worklists: the due-work registry's items for the children the user may list, kept to
education's timescales, and the lists the inclusion service and the Virtual School work from."""

import datetime

from django.urls import reverse

from people.duework import DueRow, describe_due
from people.models import Person
from timescales.due import PersonIds, due_items

EDUCATION_CODES = {
    "HOME_EDUCATION_CONSENT",
    "SAO_NOTICE_TO_SATISFY",
    "SAO_SCHOOL_CHOICE",
    "EHE_FIRST_ENQUIRY",
    "CME_FIRST_VISIT",
    "CME_ENQUIRIES",
    "PME_TRIAGE",
    "PME_ALLOCATION",
    "EXCLUDED_PUPIL_EDUCATION",
    "EHC_DECISION_TO_ASSESS",
    "EHC_FINAL_PLAN",
    "EHC_ANNUAL_REVIEW",
    "EHC_REVIEW_DECISION",
}
SEND_CODES = {"EHC_DECISION_TO_ASSESS", "EHC_FINAL_PLAN", "EHC_ANNUAL_REVIEW", "EHC_REVIEW_DECISION"}
INCLUSION_CODES = EDUCATION_CODES - SEND_CODES
VIRTUAL_SCHOOL_CODES = {"EXCLUDED_PUPIL_EDUCATION"}
LIMIT = 200  # soonest first; a team's list can run to thousands


def record_urls():
    """Person id to education record URL, reversing once rather than once a row."""
    start, end = reverse("education:record", args=[0]).rsplit("/0/", 1)
    return lambda pk: f"{start}/{pk}/{end}"


def people_by_id(ids) -> dict[int, Person]:
    people = (
        Person.objects.filter(pk__in=ids)
        .select_related("merged_into")
        .only(
            "forename",
            "surname",
            "la_id",
            "birth_date",
            "merged_into__forename",
            "merged_into__surname",
            "merged_into__la_id",
            "merged_into__birth_date",
        )
    )
    return {p.pk: p.merged_into or p for p in people}


def _items(children, on, codes):
    """Education's due items for these children (ids, or a subquery of person ids), soonest first.

    The same functions as the due-work registry's education source, run straight on a subquery so a team's
    tens of thousands of children never travel as a list; only the parts with these codes run."""
    from . import due

    scope = due.held_by(children) if hasattr(children, "query") else due.in_list(PersonIds(children))
    parts = [part for part in due.PARTS if part.codes & codes]
    items = [item for item in due.items_for(scope, on, parts) if item.timescale in codes]
    return sorted(items, key=lambda item: (item.due, item.person_id, item.what))


def due_rows(
    person_ids, on: datetime.date, codes=EDUCATION_CODES, limit=LIMIT, apps=None
) -> tuple[list[DueRow], int]:
    if apps:  # other apps' timescales too (the Virtual School's PEPs): through the registry
        items = [item for item in due_items(person_ids, on, apps=apps) if item.timescale in codes]
    else:
        items = _items(person_ids, on, codes)
    shown = items[:limit]
    kept, url_of = people_by_id({item.person_id for item in shown}), record_urls()
    rows = [
        DueRow(item, kept[item.person_id], url_of(kept[item.person_id].pk), *describe_due(item.due, on))
        for item in shown
    ]
    return rows, len(items)


def child_due(ids, on) -> list[DueRow]:
    return due_rows(ids, on)[0]
