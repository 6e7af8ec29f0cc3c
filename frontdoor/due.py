"""Front-door deadlines: decisions on contacts (1 working day)."""
from timescales.due import DueItem, due_source

from .models import Contact


@due_source
def contact_decisions(person_ids, on):
    undecided = Contact.objects.filter(person_id__in=person_ids, decision__isnull=True)
    for contact in undecided.only("person_id", "decision_due"):
        yield DueItem(contact.person_id, "Decide the response to a contact", contact.decision_due, "CONTACT_DECISION")
