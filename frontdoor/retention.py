"""The front door's part in anonymising a record: the referrer's name is a short text, not a TextField,
so the generic sweep (retention.anonymise) leaves it; this blanks it."""

from retention.facts import anonymiser

from .models import Contact


@anonymiser
def referrers(person_id: int) -> int:
    blanked = Contact.objects.filter(person_id=person_id).exclude(referrer="").update(referrer="")
    Contact.history.filter(person_id=person_id).delete()
    return blanked
