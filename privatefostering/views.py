"""Private fostering pages: the child's arrangements and visits.

Every page goes through the gate in people.access_views (access check and audit). Private fostering is
casework: the child's social worker, their team and its managers record the notified arrangement and the
visits (Children (Private Arrangements for Fostering) Regulations 2005, regs 7 and 8 give the duty to the
council's officers); a share, a break glass or a partner's seat never records, and reading never implies it.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from access.basis import Work
from access.parts import Part
from people.access_views import child_read, child_write
from people.casework import form_page, posted
from people.duework import DueRow, describe_due

from . import forms
from .due import private_fostering_visits
from .models import PrivateFosteringArrangement, PrivateFosteringVisit

WORK = Work.CASEWORK  # who records private fostering: see the module docstring


def record_url(person) -> str:
    return reverse("privatefostering:record", args=[person.pk])


def _open(person):
    return (
        PrivateFosteringArrangement.objects.filter(person=person, ended_on__isnull=True)
        .order_by("-notified_on")
        .first()
    )


@child_read(part=Part.PRIVATE_FOSTERING)
def record(request, child):
    person, ids = child.person, child.ids
    today = timezone.localdate()
    return render(
        request,
        "privatefostering/record.html",
        {
            "person": person,
            "may_record": child.may(WORK),
            "current": _open(person),
            "arrangements": PrivateFosteringArrangement.objects.filter(person_id__in=ids).order_by(
                "-notified_on"
            ),
            "visits": PrivateFosteringVisit.objects.filter(person_id__in=ids).order_by("-visited_on")[:20],
            "due": [
                DueRow(item, person, record_url(person), *describe_due(item.due, today))
                for item in sorted(private_fostering_visits(ids, today), key=lambda item: item.due)
            ],
        },
    )


@child_write(WORK)
def arrangement(request, child):
    """Record a notified arrangement, or update the current one (it began, it ended)."""
    person = child.person
    instance = _open(person) or PrivateFosteringArrangement(person=person)
    return form_page(
        request,
        person,
        forms.ArrangementForm(posted(request), instance=instance),
        lambda form: form.save(),
        back=record_url(person),
        title="Private fostering arrangement",
        success="Arrangement saved.",
        intro="An officer visits within 7 working days of the council being notified, then "
        "every 6 weeks in the arrangement's first year and every 12 weeks after.",
    )


@child_write(WORK)
def visit(request, child):
    person = child.person
    current = _open(person)
    if current is None:
        raise Http404("There is no current private fostering arrangement.")
    return form_page(
        request,
        person,
        forms.VisitForm(posted(request), instance=PrivateFosteringVisit(arrangement=current)),
        lambda form: form.save(),
        back=record_url(person),
        title="Record a visit",
        success="Visit recorded.",
        facts=[("Private foster carer", current.carer)],
    )
