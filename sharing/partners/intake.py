"""A partner's notification or referral arriving at the front door: stored as sent, linked, made a contact.

The contact keeps the time the record reached the council, so the front door's 1 working day runs from
receipt, not from whenever the record was matched. The front-door team holds the child (a contact
hold, `InvolvementKind.CONTACT`) until the contact is decided, as for a contact a worker records.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from access.allocation import allocate
from access.models import AgencyKind, Involvement, InvolvementKind, Team, TeamKind
from frontdoor.codes import ReferralSource
from frontdoor.models import Contact

from .models import LinkMethod, LinkStatus, PartnerRecord

SOURCE_FOR_AGENCY = {
    AgencyKind.POLICE: ReferralSource.POLICE,
    AgencyKind.HEALTH: ReferralSource.OTHER_PRIMARY_HEALTH,
    AgencyKind.EDUCATION: ReferralSource.SCHOOLS,
    AgencyKind.PROBATION: ReferralSource.OTHER_LEGAL,
    AgencyKind.LOCAL_AUTHORITY: ReferralSource.LA_EXTERNAL,
    AgencyKind.OTHER: ReferralSource.OTHER,
}


def front_door_team(person) -> Team | None:
    """The front-door team the child is already open to, else the council's first front-door team."""
    open_to = Involvement.objects.filter(person=person, end_date__isnull=True, team__kind=TeamKind.FRONT_DOOR)
    current = open_to.select_related("team").order_by("pk").first()
    return (
        current.team
        if current
        else Team.objects.filter(kind=TeamKind.FRONT_DOOR).order_by("name", "pk").first()
    )


def summary_for(record: PartnerRecord) -> str:
    heading = record.get_kind_display()
    if record.details.get("operation_encompass"):
        heading += " (Operation Encompass: the child's school was told)"
    reference = record.reference or "not given"
    return f"{heading} from {record.agency.name}, reference {reference}.\n\n{record.summary}".strip()


def make_contact(record: PartnerRecord) -> Contact:
    """The linked record becomes a contact about its child, received when the record was."""
    person = record.person
    contact = Contact.objects.create(
        person=person,
        source=SOURCE_FOR_AGENCY.get(record.agency.kind, ReferralSource.OTHER),
        referrer=f"{record.agency.name} (partner API)"[:200],
        received_at=record.received_at,
        summary=summary_for(record),
    )
    team = front_door_team(person)
    if team:
        allocate(person, InvolvementKind.CONTACT, timezone.localdate(), team=team)
    record.contact = contact
    record.save(update_fields=["contact"])
    return contact


class AlreadyLinked(ValidationError):
    pass


def link(record: PartnerRecord, person, method: str, user=None, weight: float | None = None) -> PartnerRecord:
    """Link the record to the child (a worker's decision, or the NHS number), making its contact if it is one.

    The record is locked first: two workers deciding the same record at once cannot both link it.
    """
    with transaction.atomic():
        current = PartnerRecord.objects.select_for_update().get(pk=record.pk)
        if current.status in (LinkStatus.LINKED, LinkStatus.NOT_KNOWN):
            raise AlreadyLinked(
                f"This record was dealt with meanwhile: {current.get_status_display().lower()}."
            )
        record.person, record.status, record.link_method = person, LinkStatus.LINKED, method
        record.link_weight, record.linked_at, record.linked_by = weight, timezone.now(), user
        record._history_user = user
        record.save()
        record.candidates.all().delete()
        if record.makes_contact and not record.contact_id:
            make_contact(record)
    return record


def not_known(record: PartnerRecord, user) -> PartnerRecord:
    """A worker found the record is about no child the council knows (only records that are not contacts)."""
    with transaction.atomic():
        current = PartnerRecord.objects.select_for_update().get(pk=record.pk)
        if current.status in (LinkStatus.LINKED, LinkStatus.NOT_KNOWN):
            raise AlreadyLinked(
                f"This record was dealt with meanwhile: {current.get_status_display().lower()}."
            )
        record.person, record.status, record.link_method, record.linked_by = (
            None,
            LinkStatus.NOT_KNOWN,
            "",
            user,
        )
        record._history_user = user
        record.save()
        record.candidates.all().delete()
    return record


def new_child_from(record: PartnerRecord, user):
    """Record the child as new to the council, from the identity the partner sent, and link the record."""
    from frontdoor.services import new_child
    from people.models import Person

    from ..linkage.linking import valid_nhs_number

    number = valid_nhs_number(record.nhs_number)
    if number and Person.objects.filter(nhs_number=number).exists():
        number = None  # held by another record: a worker will see it on the review page
    with transaction.atomic():
        person = new_child(
            forename=record.forename.strip(),
            surname=record.surname.strip() or "(not given)",
            birth_date=record.birth_date,
            sex=record.sex,
            nhs_number=number,
        )
        return link(record, person, LinkMethod.NEW_CHILD, user=user)
