"""Leaving care pages: the young person's leaving care record, its forms, and the leaving-care worklist.

Every page goes through the gate in people.access_views; the forms record leaving-care work, which the
write gate allows the young person's personal adviser (and their team) as well as social workers and
managers; allocating a personal adviser is casework, so no adviser allocates themselves.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from access.audit import disclose
from access.basis import Work
from access.classes import signed_in
from access.models import DisclosureKind, Involvement, InvolvementKind, TeamKind
from access.parts import Part
from access.relationships import visible_people
from care.services import team_of
from care.worklists import LEAVER_TIMESCALES, child_due_rows, record_url, worklist_items
from people.access_views import child_read, child_write
from people.casework import form_page, posted, recorder
from people.duework import WorkFilter, worklist_page

from . import forms
from .due import care_leavers
from .eligibility import status, stays_for
from .models import (
    Accommodation,
    BirthdaySnapshot,
    EducationEmployment,
    KeepingInTouch,
    LeavingCareNeedsAssessment,
    PathwayPlan,
    PathwayPlanReview,
    StayingCloseConsideration,
    StayingPut,
)
from .services import allocate_personal_adviser
from .snapshots import snapshots_due


def leavers_url(person) -> str:
    return reverse("leavers:record", args=[person.pk])


def _form(request, person, form, save, **context):
    return form_page(request, person, form, save, back=leavers_url(person), **context)


@child_read(part=Part.LEAVING_CARE)
def record(request, child):
    person, ids = child.person, child.ids
    today = timezone.localdate()
    leaver_status = status(person.birth_date, stays_for(ids), today)
    return render(
        request,
        "leavers/record.html",
        {
            "person": person,
            "status": leaver_status,
            "may_record": child.may(Work.LEAVING_CARE),
            "may_allocate": child.may_record,
            "advisers": Involvement.objects.filter(
                person_id__in=ids, kind=InvolvementKind.PERSONAL_ADVISER, end_date__isnull=True
            ).select_related("user", "team"),
            "due": child_due_rows(ids, today, LEAVER_TIMESCALES, "leavers"),
            "assessments": LeavingCareNeedsAssessment.objects.filter(person_id__in=ids).order_by(
                "-completed_on"
            ),
            "plans": PathwayPlan.objects.filter(person_id__in=ids)
            .prefetch_related("reviews")
            .order_by("-started_on"),
            "contacts": KeepingInTouch.objects.filter(person_id__in=ids).order_by("-contacted_on")[:10],
            "homes": Accommodation.objects.filter(person_id__in=ids).order_by("-from_date"),
            "activities": EducationEmployment.objects.filter(person_id__in=ids).order_by("-from_date"),
            "staying_put": StayingPut.objects.filter(person_id__in=ids).order_by("-started_on"),
            "staying_close": StayingCloseConsideration.objects.filter(person_id__in=ids)
            .select_related("considered_by")
            .order_by("-considered_on"),
            "snapshots": BirthdaySnapshot.objects.filter(person_id__in=ids).order_by("-age"),
        },
    )


@child_write()
def adviser(request, child):
    person = child.person
    form = forms.AdviserForm(posted(request), initial={"on": timezone.localdate()})

    def save(form):
        chosen = form.cleaned_data["adviser"]
        allocate_personal_adviser(
            person, chosen, team_of(chosen, TeamKind.LEAVING_CARE), form.cleaned_data["on"]
        )

    return _form(
        request,
        person,
        form,
        save,
        title="Allocate a personal adviser",
        success="Personal adviser allocated.",
    )


def _recorder(form_class, model, title, success, made_by=None):
    return recorder(
        form_class,
        model,
        title=title,
        success=success,
        made_by=made_by,
        back=leavers_url,
        within=lambda person: {"person": person},
        work=Work.LEAVING_CARE,
    )


needs_assessment = _recorder(
    forms.NeedsAssessmentForm,
    LeavingCareNeedsAssessment,
    "Record the needs assessment",
    "Needs assessment recorded. Prepare the pathway plan from it.",
)
pathway_plan = _recorder(
    forms.PathwayPlanForm,
    PathwayPlan,
    "Start a pathway plan",
    "Pathway plan started. Review it within 6 months.",
)
in_touch = _recorder(
    forms.KeepingInTouchForm, KeepingInTouch, "Record contact", "Contact recorded.", made_by="recorded_by"
)
accommodation = _recorder(
    forms.AccommodationForm, Accommodation, "Record accommodation", "Accommodation recorded."
)
activity = _recorder(
    forms.EducationEmploymentForm,
    EducationEmployment,
    "Record education, employment or training",
    "Recorded.",
)
staying_put = _recorder(
    forms.StayingPutForm, StayingPut, "Record a Staying Put arrangement", "Staying Put recorded."
)
staying_close = _recorder(
    forms.StayingCloseForm,
    StayingCloseConsideration,
    "Record the Staying Close consideration",
    "Staying Close decision recorded.",
    made_by="considered_by",
)


@child_write(Work.LEAVING_CARE)
def pathway_review(request, child):
    person = child.person
    plan = PathwayPlan.objects.filter(person=person, ended_on__isnull=True).order_by("-started_on").first()
    if plan is None:
        raise Http404("There is no current pathway plan.")
    form = forms.PathwayPlanReviewForm(posted(request), instance=PathwayPlanReview(plan=plan))
    return _form(
        request,
        person,
        form,
        lambda form: form.save(),
        title="Review the pathway plan",
        editing=[plan, plan.reviews.all()],
        success="Pathway plan review recorded.",
        facts=[
            ("Plan started", f"{plan.started_on:%-d %B %Y}"),
            ("Review due", f"{plan.next_review_due:%-d %B %Y}"),
        ],
    )


@child_write(Work.LEAVING_CARE)
def birthday(request, child):
    person = child.person
    due = snapshots_due(timezone.localdate(), [person.pk])
    initial = {"age": due[0].age} if due else {}
    form = forms.BirthdaySnapshotForm(
        posted(request), instance=BirthdaySnapshot(person=person, recorded_by=request.user), initial=initial
    )
    return _form(
        request,
        person,
        form,
        lambda form: form.save(),
        title="Care leaver information at a birthday",
        success="Birthday information recorded.",
        intro="What the DfE asks about care leavers around their 17th "
        "to 21st birthdays: from 3 months before "
        "the birthday to 1 month after it.",
    )


@signed_in
def worklist(request):
    today = timezone.localdate()
    leavers = care_leavers(visible_people(request.user, today, Part.LEAVING_CARE), today)
    items = worklist_items(leavers, today, LEAVER_TIMESCALES, "leavers")
    listed = worklist_page(
        items, today, WorkFilter.from_query(request.GET), request.GET.get("page"), record_url("leavers")
    )
    rows = listed.page.object_list
    if rows:
        disclose(
            request,
            DisclosureKind.LIST,
            [row.person.pk for row in rows],
            what=f"Care leavers: due work, page {listed.page.number}",
        )
    return render(
        request,
        "leavers/worklist.html",
        {
            "listed": listed,
            "page": listed.page,
            "rows": rows,
            "total": listed.total,
            "count": len(leavers),
            "show_workers": True,
            "paging": listed.chosen.query(),
        },
    )
