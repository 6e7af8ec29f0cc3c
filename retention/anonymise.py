"""Anonymising a record whose retention has ended, once a manager has confirmed it.

The person row stays (audit rows, returns already made and figures already reported point at it), but
nothing in it or around it identifies the child any more:
- names, NHS number, UPNs and gender identity are removed; dates of birth, expected birth and death
  keep only their year; addresses are deleted;
- every free-text field (TextField) of every Thrive row keyed by the child is blanked: summaries,
  reasons, notes, in people and in every journey app; access's audit log is left as it is;
- the history rows (django-simple-history) of those rows are deleted, as they hold the old values;
- anonymisers registered by journey apps (retention.facts.anonymiser) do what the sweep cannot reach.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from people.models import Address, Person

from . import facts
from .models import Disposal, RetentionReview, ReviewStatus

LEFT_AS_IS = {"access", "retention"}  # the audit trail, and this app's own log


def _year_only(day: datetime.date | None) -> datetime.date | None:
    return day.replace(month=1, day=1) if day else None


def _keyed_by_person(person_id: int):
    """(model, filter) for every Thrive model with a foreign key to Person, apart from those left as is."""
    for model in apps.get_models():
        label = model._meta.app_label
        if label in LEFT_AS_IS or label not in settings.THRIVE_APPS or model is Person:
            continue
        if model.__name__.startswith("Historical"):
            continue
        for field in model._meta.fields:
            if isinstance(field, models.ForeignKey) and field.related_model is Person:
                yield model, {field.attname: person_id}


def _history_of(model):
    manager = getattr(model, "history", None)
    return getattr(manager, "model", None)


@transaction.atomic
def anonymise(review: RetentionReview, by, note: str) -> Disposal:
    person = Person.objects.select_for_update().get(pk=review.person_id)
    removed = {"identity_fields": 0, "addresses": 0, "free_text_fields": 0, "history_rows": 0, "by_apps": 0}
    identity = dict(
        forename="",
        middle_names="",
        surname="Anonymised",
        preferred_name="",
        search_forename="",
        search_surname="anonymised",
        nhs_number=None,
        upn=None,
        former_upn="",
        gender_identity="",
        birth_date=_year_only(person.birth_date),
        expected_birth_date=_year_only(person.expected_birth_date),
        death_date=_year_only(person.death_date),
    )
    removed["identity_fields"] = sum(1 for name, value in identity.items() if getattr(person, name) != value)
    Person.objects.filter(pk=person.pk).update(**identity)  # update(): no new history row with the old values
    removed["addresses"] = Address.objects.filter(person_id=person.pk).delete()[0]
    # After the deletes above, whose history rows (kind "-") would otherwise keep the old values.
    removed["history_rows"] += Person.history.filter(id=person.pk).delete()[0]

    for model, keyed in _keyed_by_person(person.pk):
        texts = [f.name for f in model._meta.fields if isinstance(f, models.TextField)]
        rows = model._default_manager.filter(**keyed)
        if texts:
            for name in texts:
                removed["free_text_fields"] += rows.exclude(**{name: ""}).update(**{name: ""})
        history = _history_of(model)
        if history is not None:
            removed["history_rows"] += history._default_manager.filter(**keyed).delete()[0]
    for extra in facts.anonymisers():
        removed["by_apps"] += extra(person.pk)  # nosec B610: each app's own anonymiser, no user input

    review.status = ReviewStatus.ANONYMISED
    review.decided_by, review.decided_at, review.note = by, timezone.now(), note
    review.save()
    return Disposal.objects.create(
        person=person,
        review=review,
        done_by=by,
        rules=review.rules,
        keep_until=review.keep_until,
        note=note,
        removed=removed,
    )
