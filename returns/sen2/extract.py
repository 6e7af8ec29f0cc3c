"""Building the SEN2 message for a collection year from the education records.

The collection is named by its census year: SEN2 2026 has its reference date on the third Thursday of
January 2026 and covers requests received in 2025, work still open at the reference date, plans active
on it (their requests marked historical, H, when decided before 2025) and plans that ceased in 2025.
"""

import datetime
import xml.etree.ElementTree as ET  # nosec B405: XML that Thrive itself wrote
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from education.models import EhcRequest, TribunalAppeal
from people.models import Address, Person

SOFTWARE = "Thrive"
NEEDS_FIRST = 1


def reference_date(year: int) -> datetime.date:
    """The third Thursday of January of the census year."""
    first = datetime.date(year, 1, 1)
    return first + datetime.timedelta(days=(3 - first.weekday()) % 7 + 14)


@dataclass
class Built:
    year: int
    xml: bytes
    # person index in the message -> (council ID, name, person id)
    children: dict = field(default_factory=dict)


def _yes(value: bool) -> str:
    return "true" if value else "false"


def _add(parent, tag, value=None):
    element = ET.SubElement(parent, tag)
    if value is not None:
        element.text = value.isoformat() if isinstance(value, datetime.date) else str(value)
    return element


def _request_outcome(request, period_start) -> str:
    if request.decided_on is None:
        return "A"
    if request.decided_on < period_start:
        return "H"
    return "Y" if request.assess else "N"


def _assessment_outcome(request, plan, period_start) -> str:
    if plan is not None and plan.issued_on < period_start:
        return "H"
    if request.assessment_decided_on is None:
        return "A"
    return "Y" if request.issue else "N"


def _setting(parent, tag, plan):
    detail = _add(parent, tag)
    if plan.school_id:
        _add(detail, "URN", plan.school.urn)
    else:
        _add(detail, "SENSetting", "EHE" if plan.home_educated else "OTH")
    _add(detail, "PlacementRank", 1)
    _add(detail, "SENunitIndicator", "false")
    _add(detail, "ResourcedProvisionIndicator", "false")
    return detail


def build(year: int, la_code: str) -> Built:
    ref = reference_date(year)
    start, end = datetime.date(year - 1, 1, 1), datetime.date(year - 1, 12, 31)
    requests = (
        EhcRequest.objects.filter(
            Q(received_on__range=(start, end))
            | Q(received_on__lte=ref, decided_on__isnull=True)
            | Q(received_on__lte=ref, assess=True, assessment_decided_on__isnull=True)
            | Q(plan__issued_on__lte=ref, plan__ceased_on__isnull=True)
            | Q(plan__ceased_on__range=(start, end))
        )
        .select_related("person", "plan", "plan__school")
        .prefetch_related("plan__reviews")
        .order_by("person_id", "pk")
    )
    appeals = set(TribunalAppeal.objects.values_list("person_id", "kind"))
    people = {}
    for request in requests:
        people.setdefault(request.person_id, []).append(request)
    postcodes = dict(
        Address.objects.filter(person_id__in=people, end_date__isnull=True)
        .order_by("start_date")
        .values_list("person_id", "postcode")
    )
    message = ET.Element("Message")
    header = _add(message, "Header")
    details = _add(header, "CollectionDetails")
    _add(details, "Collection", "SEN2")
    _add(details, "Year", year)
    _add(details, "ReferenceDate", ref)
    source = _add(header, "Source")
    _add(source, "SourceLevel", "L")
    _add(source, "LEA", la_code)
    _add(source, "SoftwareCode", SOFTWARE)
    _add(source, "Release", "1")
    _add(source, "SerialNo", "001")
    _add(source, "DateTime", timezone.now().replace(microsecond=0, tzinfo=None).isoformat())
    persons = _add(message, "Persons")
    built = Built(year, b"")
    for n, (person_id, their_requests) in enumerate(people.items(), start=1):
        person: Person = their_requests[0].person
        built.children[n] = (person.la_id, person.full_name, person.pk)
        element = _add(persons, "Person")
        _add(element, "Surname", person.surname)
        _add(element, "Forename", person.forename or person.surname)
        _add(element, "PersonBirthDate", person.birth_date)
        _add(element, "Sex", person.sex)
        _add(element, "Ethnicity", person.ethnicity)
        _add(element, "PostCode", postcodes.get(person_id, ""))
        if person.upn:
            _add(element, "UPN", person.upn)
        else:
            _add(element, "UPNunknown", person.upn_unknown or "UN2")
        for request in their_requests:
            plan = getattr(request, "plan", None)
            _request_element(element, request, plan, start, ref, appeals)
    built.xml = ET.tostring(message, encoding="utf-8", xml_declaration=True)
    return built


def _request_element(element, request, plan, start, ref, appeals):
    node = _add(element, "Requests")
    _add(node, "ReceivedDate", request.received_on)
    _add(node, "RYA", _yes(request.requested_by == "young_person"))
    if request.decided_on and request.decided_on <= ref:
        _add(node, "RequestOutcomeDate", request.decided_on)
    _add(node, "RequestOutcome", _request_outcome(request, start))
    _add(node, "RequestMediation", "false")
    _add(node, "RequestTribunal", _yes((request.person_id, "refusal_assess") in appeals))
    if not request.assess:
        return
    assessment = _add(node, "Assessment")
    _add(assessment, "AssessmentOutcome", _assessment_outcome(request, plan, start))
    if request.assessment_decided_on:
        _add(assessment, "AssessmentOutcomeDate", request.assessment_decided_on)
    _add(assessment, "AssessmentMediation", "false")
    _add(assessment, "AssessmentTribunal", _yes((request.person_id, "refusal_issue") in appeals))
    if plan is None or plan.issued_on > ref:
        return
    _add(assessment, "Week20", _yes(plan.issued_on <= request.plan_due or bool(request.exception)))
    named = _add(assessment, "NamedPlan")
    _add(named, "StartDate", plan.issued_on)
    _setting(named, "PlanDetail", plan)
    if plan.ceased_on and plan.ceased_on <= ref:
        _add(named, "CeaseDate", plan.ceased_on)
        _add(named, "CeaseReason", 9)
        return
    active = _add(node, "ActivePlans")
    detail = _setting(active, "PlacementDetail", plan)
    _add(detail, "EntryDate", plan.issued_on)
    need = _add(active, "SENneed")
    _add(need, "SENtype", plan.primary_need)
    _add(need, "SENtypeRank", NEEDS_FIRST)
    reviews = [r for r in plan.reviews.all() if r.held_on <= ref]
    if reviews:
        last = max(reviews, key=lambda r: r.held_on)
        _add(active, "ReviewMeeting", last.held_on)
        _add(active, "ReviewOutcome", {"maintain": "M", "amend": "A", "cease": "C"}[last.outcome])
