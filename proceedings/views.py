"""FGDM and proceedings pages: one page for the child's FGDM offers, exceptions, pre-proceedings and
proceedings, and a form for each step.

Issuing care proceedings without an FGDM offer or a complete exception is refused by the model;
save_form shows the refusal in the error summary, saves nothing and answers 200.
"""

from django.shortcuts import render
from django.urls import reverse

from access.parts import Part
from people.access_views import casework_write, child_read, child_write
from people.casework import posted, save_form
from people.family import family_network
from thrive.forms import DateForm

from . import services
from .forms import (
    ExceptionForm,
    ExplainedForm,
    IssueForm,
    MeetingForm,
    OfferForm,
    PLOMeetingForm,
    PreProceedingsOutcomeForm,
    ProceedingsOutcomeForm,
)
from .models import CareProceedings, FGDMException, FGDMMeeting, FGDMOffer, PreProceedings


def _overview_url(person):
    return reverse("proceedings:overview", args=[person.pk])


def _step(request, person, form, save, title, success, button="Save", editing=()):
    """A step recorded from the overview page, which it returns to; `editing` as for save_form."""
    url = _overview_url(person)

    def saved(form):
        save(form)
        return url

    return save_form(
        request,
        form,
        saved,
        success=success,
        person=person,
        title=title,
        back_url=url,
        button=button,
        editing=editing,
    )


@child_read(part=Part.PROCEEDINGS)
def overview(request, child):
    person, ids = child.person, child.ids
    meetings = FGDMMeeting.objects.filter(offer__person_id__in=ids).prefetch_related("participants__person")
    return render(
        request,
        "proceedings/overview.html",
        {
            "person": person,
            "offers": FGDMOffer.objects.filter(person_id__in=ids)
            .select_related("offered_by")
            .order_by("-offered_on"),
            "meetings": meetings.order_by("-held_on"),
            "exceptions": FGDMException.objects.filter(person_id__in=ids)
            .select_related("decided_by")
            .order_by("-decided_on"),
            "stages": PreProceedings.objects.filter(person_id__in=ids)
            .prefetch_related("meetings")
            .order_by("-start_date"),
            "cases": CareProceedings.objects.filter(person_id__in=ids).order_by("-issued_on"),
            "may_record": child.may_record,
        },
    )


@child_write()
def record_offer(request, child):
    person = child.person
    form = OfferForm(posted(request))
    return _step(
        request,
        person,
        form,
        lambda f: services.record_offer(person, request.user, **f.cleaned_data),
        "Record an FGDM offer",
        "Family group decision making offer recorded.",
    )


@casework_write(FGDMOffer)
def record_meeting(request, offer, child):
    network = [(child.person, "the child")] + [(m["person"], m["kind"]) for m in family_network(child.ids)]
    form = MeetingForm(posted(request), network=network)
    return _step(
        request,
        child.person,
        form,
        lambda f: services.record_meeting(offer, **f.cleaned_data),
        "Record the FGDM meeting",
        "Family group decision making meeting recorded.",
        editing=[offer, offer.meetings.all()],
    )


@child_write()
def record_exception(request, child):
    person = child.person
    form = ExceptionForm(posted(request))
    return _step(
        request,
        person,
        form,
        lambda f: services.record_exception(person, request.user, **f.cleaned_data),
        "Record why FGDM is not offered",
        "The reason for not offering FGDM is recorded.",
    )


@casework_write(FGDMException)
def record_explained(request, exception, child):
    form = ExplainedForm(posted(request), instance=exception)
    return _step(
        request,
        child.person,
        form,
        lambda f: services.record_explained(exception, **f.cleaned_data),
        "When the decision was explained",
        "Dates recorded.",
    )


@child_write()
def start_pre_proceedings(request, child):
    person = child.person
    form = DateForm(posted(request), label="Date of the decision to enter pre-proceedings")
    return _step(
        request,
        person,
        form,
        lambda f: services.start_pre_proceedings(person, start_date=f.cleaned_data["date"]),
        "Start pre-proceedings",
        "Pre-proceedings started.",
    )


@casework_write(PreProceedings)
def record_letter(request, stage, child):
    form = DateForm(posted(request), label="Date the letter before proceedings was sent")
    return _step(
        request,
        child.person,
        form,
        lambda f: services.record_letter(stage, sent_on=f.cleaned_data["date"]),
        "Letter before proceedings",
        "Letter before proceedings recorded.",
        editing=stage,
    )


@casework_write(PreProceedings)
def record_plo_meeting(request, stage, child):
    form = PLOMeetingForm(posted(request))
    return _step(
        request,
        child.person,
        form,
        lambda f: services.record_plo_meeting(stage, **f.cleaned_data),
        "Record a pre-proceedings meeting",
        "Meeting recorded.",
    )


@casework_write(PreProceedings)
def end_pre_proceedings(request, stage, child):
    form = PreProceedingsOutcomeForm(posted(request))
    return _step(
        request,
        child.person,
        form,
        lambda f: services.end_pre_proceedings(stage, **f.cleaned_data),
        "Outcome of pre-proceedings",
        "Outcome of pre-proceedings recorded.",
        editing=stage,
    )


@child_write()
def issue_proceedings(request, child):
    person = child.person
    form = IssueForm(posted(request))
    return _step(
        request,
        person,
        form,
        lambda f: services.issue_proceedings(person, **f.cleaned_data),
        "Issue care proceedings",
        "Care proceedings issued.",
        button="Issue care proceedings",
    )


@casework_write(CareProceedings)
def proceedings_outcome(request, case, child):
    form = ProceedingsOutcomeForm(posted(request))
    return _step(
        request,
        child.person,
        form,
        lambda f: services.record_proceedings_outcome(case, **f.cleaned_data),
        "Outcome of care proceedings",
        "Outcome of care proceedings recorded.",
        editing=case,
    )
