"""Alerts on a care leaver's record: living in accommodation that is not suitable."""

from django.urls import reverse

from people.alerts import raises

from .models import Accommodation


@raises("unsuitable_accommodation")
def unsuitable_accommodation(person_ids, on):
    latest = (
        Accommodation.objects.filter(person_id__in=person_ids, from_date__lte=on)
        .order_by("-from_date", "-pk")
        .first()
    )
    if latest is None or latest.suitable:
        return []
    return [
        (
            f"{latest.get_kind_display()}, since {latest.from_date:%-d %B %Y}",
            reverse("leavers:record", args=[latest.person_id]),
        )
    ]
