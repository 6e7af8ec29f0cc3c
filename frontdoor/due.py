"""Front-door deadlines: decisions on contacts (1 working day); management oversight's follow-ups."""

from django.db.models import Exists, OuterRef

from timescales.due import DueItem, due_source

from .models import Contact, ManagementOversight


@due_source
def contact_decisions(person_ids, on):
    undecided = Contact.objects.filter(person_id__in=person_ids, decision__isnull=True)
    for contact in undecided.only("person_id", "decision_due"):
        yield DueItem(
            contact.person_id, "Decide the response to a contact", contact.decision_due, "CONTACT_DECISION"
        )


@due_source
def oversight_follow_ups(person_ids, on):
    """A manager's follow-up date is due work until a later oversight on the child is recorded."""
    later = ManagementOversight.objects.filter(
        person_id=OuterRef("person_id"), recorded_at__gt=OuterRef("recorded_at")
    )
    waiting = ManagementOversight.objects.filter(person_id__in=person_ids, follow_up_by__isnull=False).filter(
        ~Exists(later)
    )
    for oversight in waiting.only("person_id", "follow_up_by"):
        yield DueItem(
            oversight.person_id,
            "Follow up management oversight",
            oversight.follow_up_by,
            "OVERSIGHT_FOLLOW_UP",
        )
