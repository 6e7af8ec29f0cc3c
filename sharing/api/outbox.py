"""What goes into partner agencies' outboxes: a child's school and GP are told when a child protection plan
starts or ends, and the school when the police send an Operation Encompass notice.

An outbox the agency polls, not a webhook Thrive calls: schools and GP practices seldom can run an
HTTPS endpoint, Thrive makes no outbound calls (nothing to retry, no firewall holes), and each read is
authenticated and audited like any other call. The child's school and GP are the agencies of the
latest school roll and GP registration records linked to the child.

A notification is a disclosure to the agency whether or not it has a share for the child: each is logged
when it is put in the outbox and again whenever the agency's system reads it, with the lawful basis and
the parts of the record it tells, declared once here.
"""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from access.disclosures import without_share
from access.models import Agency
from access.parts import Part
from access.shares import DisclosureChannel, LawfulBasis
from protection.models import ChildProtectionPlan

from ..partners.models import LinkStatus, PartnerRecord, RecordKind
from .models import Event, Notification

# What each notification tells the agency, and the lawful basis it is sent on.
NOTICES = {
    Event.CP_PLAN_STARTED: (LawfulBasis.CA2004_S11, (Part.IDENTITY, Part.PLANS)),
    Event.CP_PLAN_ENDED: (LawfulBasis.CA2004_S11, (Part.IDENTITY, Part.PLANS)),
    Event.OPERATION_ENCOMPASS: (LawfulBasis.CA2004_S11, (Part.IDENTITY, Part.CONTACTS)),
}


LEAD = " The lead practitioner is "


def _parts(event: str, message_names_lead: bool) -> tuple:
    return NOTICES[event][1] + ((Part.WORKERS,) if message_names_lead else ())


def _queue(
    agency_id: int, person, event: str, occurred, message: str, names_lead: bool = False
) -> Notification:
    """Put a notification in the agency's outbox, and log it as disclosed."""
    note = Notification.objects.create(
        agency_id=agency_id, person=person, event=event, occurred_on=occurred, message=message
    )
    without_share(
        agency_id,
        person.pk,
        _parts(event, names_lead),
        legal_basis=NOTICES[event][0],
        channel=DisclosureChannel.NOTIFICATION,
        what=f"{Event(event).label} (notification {note.pk}) put in the outbox",
    )
    return note


def delivered(notes, client) -> None:
    """Log each notification the agency's system has just read (it reads one again until acknowledged)."""
    for note in notes:
        names_lead = LEAD in note.message
        without_share(
            note.agency_id,
            note.person_id,
            _parts(note.event, names_lead),
            legal_basis=NOTICES[note.event][0],
            channel=DisclosureChannel.API,
            what=f"{Event(note.event).label} (notification {note.pk}) read from the outbox",
            client=f"{client.name} (key {client.key_prefix})",
        )


def _latest(person, kind) -> int | None:
    latest = PartnerRecord.objects.filter(person=person, kind=kind, status=LinkStatus.LINKED)
    return latest.order_by("-received_at", "-pk").values_list("agency_id", flat=True).first()


def school_and_gp(person) -> list[int]:
    """The agencies of the child's latest linked school roll and GP registration records."""
    found = [_latest(person, RecordKind.SCHOOL_ROLL), _latest(person, RecordKind.GP_REGISTRATION)]
    return list(dict.fromkeys(a for a in found if a))


def _plan_message(plan, event) -> str:
    lead = plan.lead_practitioner
    who = f"{LEAD}{lead} ({plan.team.name})." if lead and plan.team else ""
    if event == Event.CP_PLAN_STARTED:
        return f"A child protection plan started on {plan.start_date:%-d %B %Y}.{who}"
    return f"The child's child protection plan ended on {plan.end_date:%-d %B %Y}.{who}"


def notify_plan(plan, event) -> list[Notification]:
    occurred = plan.start_date if event == Event.CP_PLAN_STARTED else plan.end_date
    names_lead = bool(plan.lead_practitioner and plan.team)
    return [
        _queue(agency, plan.person, event, occurred, _plan_message(plan, event), names_lead)
        for agency in school_and_gp(plan.person)
    ]


def encompass(record, school=None) -> Notification | None:
    """Tell the child's school (the one the force named, else the latest school roll) before the next
    school day."""
    agency = Agency.objects.filter(name=school.name).first() if school else None
    agency_id = agency.pk if agency else _latest(record.person, RecordKind.SCHOOL_ROLL)
    if agency_id is None:
        return None
    message = (
        f"Operation Encompass: {record.agency.name} attended a domestic abuse incident the child was "
        f"part of (reference {record.reference}). Please make sure the child is supported at school "
        "today."
    )
    return _queue(agency_id, record.person, Event.OPERATION_ENCOMPASS, record.received_at.date(), message)


@receiver(pre_save, sender=ChildProtectionPlan, dispatch_uid="sharing.plan_before")
def _remember_end(sender, instance, **kwargs):
    old = (
        ChildProtectionPlan.objects.filter(pk=instance.pk).values_list("end_date", flat=True).first()
        if instance.pk
        else None
    )
    instance._sharing_end_before = old


@receiver(post_save, sender=ChildProtectionPlan, dispatch_uid="sharing.plan_after")
def _plan_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        notify_plan(instance, Event.CP_PLAN_STARTED)
    if instance.end_date and getattr(instance, "_sharing_end_before", None) is None:
        notify_plan(instance, Event.CP_PLAN_ENDED)
