"""Child protection pages: strategy discussion, s47 enquiry, conferences, the plan, visits.

Every page is about one child and goes through the gate in people.access_views (access check and audit);
the pages that record use its write gate (review conferences also by the child's IRO or conference chair).
Every POST is saved by people.casework.save_form in one transaction.
"""
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from frontdoor.models import Referral
from access.basis import Work
from people.access_views import casework_read, casework_write, child_write
from people.casework import done_meanwhile, opened_before, posted, save_form
from thrive.forms import DateForm
from timescales import registry

from . import services
from .codes import ConferenceKind, StrategyOutcome
from .forms import (CoreGroupForm, InitialConferenceForm, ReviewConferenceForm, Section47OutcomeForm, StrategyForm,
                    VisitForm)
from .models import ChildProtectionConference, ChildProtectionPlan, CoreGroupMeeting, Section47, StrategyDiscussion, Visit

ATTENDEES_TEMPLATE = "protection/attendees_form.html"


def _url(name, obj):
    return reverse(f"protection:{name}", args=[obj.pk])


@casework_write(Referral)
def strategy(request, referral, child):
    form = StrategyForm(posted(request), initial={"chaired_by": request.user})

    def save(form):
        discussion = services.record_strategy_discussion(referral, **form.values())
        if discussion.outcome == StrategyOutcome.SECTION_47:
            return _url("start_section47", discussion)
        return _url("strategy_discussion", discussion)

    return save_form(request, form, save, success="Strategy discussion recorded.", template=ATTENDEES_TEMPLATE,
                     editing=[referral, referral.strategy_discussions.all()],
                     person=child.person, title="Record a strategy discussion",
                     back_url=reverse("frontdoor:referral", args=[referral.pk]), button="Record the discussion")


@casework_read(StrategyDiscussion)
def strategy_discussion(request, discussion, child):
    return render(request, "protection/strategy_discussion.html", {
        "person": child.person, "discussion": discussion,
        "attendees": discussion.attendees.order_by("pk"), "enquiries": discussion.section47s.order_by("start_date"),
        "may_record": child.may_record,
    })


@casework_write(StrategyDiscussion)
def start_section47(request, discussion, child):
    form = DateForm(posted(request), label="Date the enquiry started", initial={"date": discussion.held_on})

    def save(form):
        return _url("section47", services.start_section47(discussion, start_date=form.cleaned_data["date"]))

    return save_form(request, form, save, success="Section 47 enquiry started.", person=child.person,
                     editing=[discussion, discussion.section47s.all()],
                     title="Start a section 47 enquiry", back_url=_url("strategy_discussion", discussion),
                     button="Start the enquiry",
                     intro="The initial child protection conference is due within 15 working days of the strategy discussion.")


@casework_read(Section47)
def section47(request, enquiry, child):
    return render(request, "protection/section47.html", {
        "person": child.person, "enquiry": enquiry,
        "initial": enquiry.conferences.filter(kind=ConferenceKind.INITIAL).first(),
        "may_record": child.may_record,
    })


@casework_write(Section47)
def section47_outcome(request, enquiry, child):
    form = Section47OutcomeForm(posted(request))

    def save(form):
        services.record_section47_outcome(enquiry, **form.cleaned_data)
        return _url("section47", enquiry)

    return save_form(request, form, save, success="Outcome of the enquiry recorded.", person=child.person,
                     editing=enquiry,
                     title="Outcome of the section 47 enquiry", back_url=_url("section47", enquiry),
                     button="Save the outcome")


@casework_write(Section47)
def initial_conference(request, enquiry, child):
    form = InitialConferenceForm(posted(request), initial={"lead_practitioner": request.user})

    def save(form):
        return _url("conference", services.initial_conference(enquiry, **form.values()))

    return save_form(request, form, save, success="Initial child protection conference recorded.",
                     editing=[enquiry, enquiry.conferences.all()],
                     template=ATTENDEES_TEMPLATE, person=child.person, title="Initial child protection conference",
                     back_url=_url("section47", enquiry), button="Record the conference",
                     facts=[("Due by", f"{enquiry.icpc_due:%-d %B %Y}")])


@casework_read(ChildProtectionConference)
def conference(request, conference, child):
    return render(request, "protection/conference.html", {
        "person": child.person, "conference": conference, "attendees": conference.attendees.order_by("pk"),
    })


@casework_read(ChildProtectionPlan)
def plan(request, plan, child):
    return render(request, "protection/plan.html", {
        "person": child.person, "plan": plan,
        "conferences": plan.conferences.order_by("-date", "-pk"),
        "core_groups": plan.core_groups.order_by("-held_on", "-pk"),
        "visits": Visit.objects.filter(person_id__in=child.ids, visited_on__gte=plan.start_date).select_related("visited_by")
        .order_by("-visited_on")[:20],
        "may_record": child.may_record, "may_review": child.may(Work.REVIEW),
    })


@casework_write(ChildProtectionPlan, Work.REVIEW)
def review_conference(request, plan, child):
    form = ReviewConferenceForm(posted(request))
    due = [("Review due by", f"{plan.next_review_due:%-d %B %Y}")] if plan.next_review_due else []

    def save(form):
        return _url("conference", services.review_conference(plan, **form.values()))

    return save_form(request, form, save, success="Review conference recorded.", template=ATTENDEES_TEMPLATE,
                     editing=[plan, plan.conferences.all()],
                     person=child.person, title="Review child protection conference", back_url=_url("plan", plan),
                     button="Record the review", facts=due)


@casework_write(ChildProtectionPlan)
def core_group(request, plan, child):
    """A core group meeting; the first is due within 10 working days of the initial conference."""
    form = CoreGroupForm(posted(request), instance=CoreGroupMeeting(plan=plan, person=plan.person))

    def save(form):
        services.record_core_group(form.instance, held_on=form.cleaned_data["held_on"])
        return _url("plan", plan)

    first = [] if plan.core_groups.exists() else [
        ("First core group due by", f"{registry.get('CP_CORE_GROUP_FIRST').due(plan.start_date):%-d %B %Y}")]
    return save_form(request, form, save, success="Core group meeting recorded.", person=child.person,
                     title="Record a core group meeting", back_url=_url("plan", plan), button="Save the meeting",
                     facts=first)


@casework_write(ChildProtectionPlan)
def end_plan(request, plan, child):
    if plan.end_date and not opened_before(request):
        return redirect(_url("plan", plan))
    form = DateForm(posted(request), label="Date the plan ended")

    def save(form):
        done_meanwhile(ChildProtectionPlan.objects.filter(pk=plan.pk, end_date__isnull=False).exists(),
                       "ended the plan")
        services.end_plan(plan, end_date=form.cleaned_data["date"])
        return _url("plan", plan)

    return save_form(request, form, save, success="Child protection plan ended.", person=child.person, editing=plan,
                     title="End the child protection plan", back_url=_url("plan", plan), button="End the plan")


@child_write()
def record_visit(request, child):
    person = child.person
    form = VisitForm(posted(request), instance=Visit(person=person, visited_by=request.user),
                     initial={"visited_on": timezone.localdate()})
    record_url = reverse("people:record", args=[person.pk])

    def save(form):
        form.save()
        return f"{record_url}#casework"

    return save_form(request, form, save, success="Visit recorded.", person=person, title="Record a visit",
                     back_url=record_url, button="Save the visit")
