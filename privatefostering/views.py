"""Private fostering pages: the child's arrangements and visits, through the same gate as casework
(people.access_views.record_page: access check and audit) and the same recording rule as care pages."""
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from care.views import form_page, may_record, recording
from people.access_views import record_page
from people.casework import posted
from people.duework import DueRow, describe_due

from . import forms
from .due import private_fostering_visits
from .models import PrivateFosteringArrangement, PrivateFosteringVisit


def record_url(person) -> str:
    return reverse("privatefostering:record", args=[person.pk])


def _open(person):
    return PrivateFosteringArrangement.objects.filter(person=person, ended_on__isnull=True).order_by(
        "-notified_on").first()


@record_page
def record(request, person, ids, basis):
    today = timezone.localdate()
    return render(request, "privatefostering/record.html", {
        "person": person, "may_record": may_record(request.user, basis), "current": _open(person),
        "arrangements": PrivateFosteringArrangement.objects.filter(person_id__in=ids).order_by("-notified_on"),
        "visits": PrivateFosteringVisit.objects.filter(person_id__in=ids).order_by("-visited_on")[:20],
        "due": [DueRow(item, person, record_url(person), *describe_due(item.due, today))
                for item in sorted(private_fostering_visits(ids, today), key=lambda item: item.due)],
    })


@recording
def arrangement(request, person):
    """Record a notified arrangement, or update the current one (it began, it ended)."""
    instance = _open(person) or PrivateFosteringArrangement(person=person)
    return form_page(request, person, forms.ArrangementForm(posted(request), instance=instance),
                     lambda form: form.save(), back=record_url(person), title="Private fostering arrangement",
                     success="Arrangement saved.",
                     intro="An officer visits within 7 working days of the council being notified, then every 6 weeks "
                           "in the arrangement's first year and every 12 weeks after.")


@recording
def visit(request, person):
    current = _open(person)
    if current is None:
        raise Http404("There is no current private fostering arrangement.")
    return form_page(request, person, forms.VisitForm(posted(request), instance=PrivateFosteringVisit(
        arrangement=current)), lambda form: form.save(), back=record_url(person), title="Record a visit",
        success="Visit recorded.", facts=[("Private foster carer", current.carer)])
