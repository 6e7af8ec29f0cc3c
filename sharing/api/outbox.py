"""What goes into partner agencies' outboxes: a child's school and GP are told when a child protection plan
starts or ends, and the school when the police send an Operation Encompass notice.

An outbox the agency polls, not a webhook Thrive calls: schools and GP practices seldom can run an
HTTPS endpoint, Thrive makes no outbound calls (nothing to retry, no firewall holes), and each read is
authenticated and audited like any other call. The child's school and GP are the agencies of the
latest school roll and GP registration records linked to the child.
"""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from access.models import Agency
from protection.models import ChildProtectionPlan

from ..partners.models import LinkStatus, PartnerRecord, RecordKind
from .models import Event, Notification


def _latest(person, kind) -> int | None:
    latest = PartnerRecord.objects.filter(person=person, kind=kind, status=LinkStatus.LINKED)
    return latest.order_by("-received_at", "-pk").values_list("agency_id", flat=True).first()


def school_and_gp(person) -> list[int]:
    """The agencies of the child's latest linked school roll and GP registration records."""
    found = [_latest(person, RecordKind.SCHOOL_ROLL), _latest(person, RecordKind.GP_REGISTRATION)]
    return list(dict.fromkeys(a for a in found if a))


def _plan_message(plan, event) -> str:
    lead = plan.lead_practitioner
    who = f" The lead practitioner is {lead} ({plan.team.name})." if lead and plan.team else ""
    if event == Event.CP_PLAN_STARTED:
        return f"A child protection plan started on {plan.start_date:%-d %B %Y}.{who}"
    return f"The child's child protection plan ended on {plan.end_date:%-d %B %Y}.{who}"


def notify_plan(plan, event) -> list[Notification]:
    occurred = plan.start_date if event == Event.CP_PLAN_STARTED else plan.end_date
    return [
        Notification.objects.create(
            agency_id=agency,
            person=plan.person,
            event=event,
            occurred_on=occurred,
            message=_plan_message(plan, event),
        )
        for agency in school_and_gp(plan.person)
    ]


def encompass(record, school=None) -> Notification | None:
    """Tell the child's school (the one the force named, else the latest school roll) before the next
    school day."""
    agency = Agency.objects.filter(name=school.name).first() if school else None
    agency_id = agency.pk if agency else _latest(record.person, RecordKind.SCHOOL_ROLL)
    if agency_id is None:
        return None
    return Notification.objects.create(
        agency_id=agency_id,
        person=record.person,
        event=Event.OPERATION_ENCOMPASS,
        occurred_on=record.received_at.date(),
        message=f"Operation Encompass: {record.agency.name} attended a domestic abuse incident the child "
        f"was part "
        f"of (reference {record.reference}). Please make sure the child is supported at school today.",
    )


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
