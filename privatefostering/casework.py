"""The Private fostering card on a child's record, shown once an arrangement is notified."""

from django.urls import reverse

from access.parts import Part
from people.casework import Card, Link, Row, card

from .models import PrivateFosteringArrangement


@card(65, Part.PRIVATE_FOSTERING)
def private_fostering(child, user):
    current = (
        PrivateFosteringArrangement.objects.filter(person_id__in=child.ids).order_by("-notified_on").first()
    )
    if current is None:
        return None
    url = reverse("privatefostering:record", args=[child.person.pk])
    return Card(
        "Private fostering",
        [Row("Arrangement", str(current), url)],
        [Link("Open the private fostering record", url)],
    )
