"""Child protection pages: strategy discussion, s47 enquiry, conferences, the plan, visits.

Every page is about one child and goes through the gate in people.access_views (access check and audit);
the pages that record use its write gate (review conferences also by the child's IRO or conference chair).
Every POST is saved by people.casework.save_form in one transaction.
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from access.basis import Work
from access.parts import Part, current_plan
from frontdoor.models import Referral
from people import planning
from people.access_views import casework_read, casework_write, child_write
from people.casework import done_meanwhile, opened_before, posted, save_form
from people.planning import refuse_if_ended
from thrive.forms import DateForm

from . import services
from .codes import PLAIN_CATEGORY, AbuseCategory, ConferenceKind, StrategyOutcome
from .forms import (
    CoreGroupMeetingForm,
    CoreGroupMemberForm,
    InitialConferenceForm,
    ReviewConferenceForm,
    Section47OutcomeForm,
    StrategyForm,
    VisitForm,
)
from .models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    PlanAction,
    PlanObjective,
    Section47,
    StrategyDiscussion,
    Visit,
)

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

    return save_form(
        request,
        form,
        save,
        success="Strategy discussion recorded.",
        template=ATTENDEES_TEMPLATE,
        editing=[referral, referral.strategy_discussions.all()],
        person=child.person,
        title="Record a strategy discussion",
        back_url=reverse("frontdoor:referral", args=[referral.pk]),
        button="Record the discussion",
    )


@casework_read(StrategyDiscussion, part=Part.CHILD_PROTECTION)
def strategy_discussion(request, discussion, child):
    return render(
        request,
        "protection/strategy_discussion.html",
        {
            "person": child.person,
            "discussion": discussion,
            "attendees": discussion.attendees.order_by("pk"),
            "enquiries": discussion.section47s.order_by("start_date"),
            "may_record": child.may_record,
        },
    )


@casework_write(StrategyDiscussion)
def start_section47(request, discussion, child):
    form = DateForm(posted(request), label="Date the enquiry started", initial={"date": discussion.held_on})

    def save(form):
        return _url("section47", services.start_section47(discussion, start_date=form.cleaned_data["date"]))

    return save_form(
        request,
        form,
        save,
        success="Section 47 enquiry started.",
        person=child.person,
        editing=[discussion, discussion.section47s.all()],
        title="Start a section 47 enquiry",
        back_url=_url("strategy_discussion", discussion),
        button="Start the enquiry",
        intro=(
            "The initial child protection conference is due within 15 working days of the strategy "
            "discussion."
        ),
    )


@casework_read(Section47, part=Part.CHILD_PROTECTION)
def section47(request, enquiry, child):
    return render(
        request,
        "protection/section47.html",
        {
            "person": child.person,
            "enquiry": enquiry,
            "initial": enquiry.conferences.filter(kind=ConferenceKind.INITIAL).first(),
            "may_record": child.may_record,
        },
    )


@casework_write(Section47)
def section47_outcome(request, enquiry, child):
    form = Section47OutcomeForm(posted(request))

    def save(form):
        services.record_section47_outcome(enquiry, **form.cleaned_data)
        return _url("section47", enquiry)

    return save_form(
        request,
        form,
        save,
        success="Outcome of the enquiry recorded.",
        person=child.person,
        editing=enquiry,
        title="Outcome of the section 47 enquiry",
        back_url=_url("section47", enquiry),
        button="Save the outcome",
    )


@casework_write(Section47)
def initial_conference(request, enquiry, child):
    form = InitialConferenceForm(posted(request), initial={"lead_practitioner": request.user})

    def save(form):
        return _url("conference", services.initial_conference(enquiry, **form.values()))

    return save_form(
        request,
        form,
        save,
        success="Initial child protection conference recorded.",
        editing=[enquiry, enquiry.conferences.all()],
        template=ATTENDEES_TEMPLATE,
        person=child.person,
        title="Initial child protection conference",
        back_url=_url("section47", enquiry),
        button="Record the conference",
        facts=[("Due by", f"{enquiry.icpc_due:%-d %B %Y}")],
    )


@casework_read(ChildProtectionConference, part=Part.CHILD_PROTECTION)
def conference(request, conference, child):
    return render(
        request,
        "protection/conference.html",
        {
            "person": child.person,
            "conference": conference,
            "attendees": conference.attendees.order_by("pk"),
        },
    )


@casework_read(
    ChildProtectionPlan, part=lambda plan: current_plan(Part.CHILD_PROTECTION, plan.end_date is None)
)
def plan(request, plan, child):
    """The plan; a share's reader of current plans alone sees neither who leads it nor the visits."""
    shows = {"workers": child.show(Part.WORKERS), "child_protection": child.show(Part.CHILD_PROTECTION)}
    return render(
        request,
        "protection/plan.html",
        {
            "person": child.person,
            "plan": plan,
            "shows": shows,
            "conferences": plan.conferences.order_by("-date", "-pk"),
            "visits": Visit.objects.filter(person_id__in=child.ids, visited_on__gte=plan.start_date)
            .select_related("visited_by")
            .order_by("-visited_on")[:20],
            "objectives": plan.objectives.prefetch_related("actions").order_by("pk"),
            "other_actions": plan.actions.filter(objective__isnull=True).order_by("pk"),
            "members": plan.core_group.order_by("left_on", "agency", "name"),
            "meetings": plan.core_groups.prefetch_related("attendees").order_by("-held_on", "-pk"),
            "first_core_group_due": services.first_core_group_due(plan),
            "may_record": child.may_record,
            "may_review": child.may(Work.REVIEW),
        },
    )


def _open_plan(plan):
    refuse_if_ended(plan.end_date, "child protection plan")


@casework_write(ChildProtectionPlan)
def add_objective(request, plan, child):
    def create(**fields):
        _open_plan(plan)
        PlanObjective.objects.create(plan=plan, **fields)

    return planning.add_objective(
        request, child, create=create, back_url=_url("plan", plan), what="child protection plan"
    )


@casework_write(ChildProtectionPlan)
def add_action(request, plan, child):
    def create(**fields):
        _open_plan(plan)
        PlanAction.objects.create(plan=plan, **fields)

    return planning.add_action(
        request,
        child,
        create=create,
        back_url=_url("plan", plan),
        what="child protection plan",
        objectives=plan.objectives.order_by("pk"),
        start=plan.start_date,
    )


@casework_write(ChildProtectionPlan)
def actions_done(request, plan, child):
    return planning.mark_done(
        request,
        child,
        actions=plan.actions.order_by("pk"),
        back_url=_url("plan", plan),
        what="child protection plan",
    )


@casework_write(ChildProtectionPlan)
def add_core_group_member(request, plan, child):
    form = CoreGroupMemberForm(posted(request), initial={"joined_on": plan.start_date})

    def save(form):
        services.add_core_group_member(plan, **form.cleaned_data)
        return _url("plan", plan)

    return save_form(
        request,
        form,
        save,
        success="Core group member added.",
        person=child.person,
        title="Add a member of the core group",
        back_url=_url("plan", plan),
        button="Add",
    )


def _plan_sections(plan) -> list:
    category = AbuseCategory(plan.latest_category)
    sections = [("Why there is a plan", [PLAIN_CATEGORY.get(category, category.label)], [])]
    for n, objective in enumerate(plan.objectives.prefetch_related("actions").order_by("pk"), start=1):
        sections.append(
            (
                f"What needs to change ({n})",
                [objective.text],
                planning.action_rows(objective.actions.order_by("pk")),
            )
        )
    others = planning.action_rows(plan.actions.filter(objective__isnull=True).order_by("pk"))
    if others:
        sections.append(("Other things people will do", [], others))
    current = plan.core_group.filter(left_on__isnull=True).order_by("agency", "name")
    members = [f"{m.name}, {m.role}" for m in current]
    sections.append(
        ("Who is in the core group", members or ["The core group will be agreed at its first meeting."], [])
    )
    meeting = plan.core_groups.order_by("-held_on").first()
    when = (
        [f"The next core group meeting is on {meeting.next_meeting_on:%-d %B %Y}."]
        if meeting and meeting.next_meeting_on
        else []
    )
    if plan.next_review_due and not plan.end_date:
        when.append(f"The next review conference will be by {plan.next_review_due:%-d %B %Y}.")
    sections.append(("When we will meet", when or ["We will tell you the dates of the next meetings."], []))
    return sections


def _print(request, plan, child, pdf):
    return planning.print_plan(
        request,
        child,
        title="Child protection plan",
        sections=_plan_sections(plan),
        pdf=pdf,
        pdf_url=reverse("protection:plan_pdf", args=[plan.pk]),
        filename=f"child-protection-plan-{child.person.la_id}.pdf",
        intro=f"This plan started on {plan.start_date:%-d %B %Y}. It says what needs to change to keep "
        f"{child.person.forename or 'the child'} safe, and who will do what to help.",
    )


@casework_read(
    ChildProtectionPlan, part=lambda plan: current_plan(Part.CHILD_PROTECTION, plan.end_date is None)
)
def print_plan(request, plan, child):
    return _print(request, plan, child, pdf=False)


@casework_read(
    ChildProtectionPlan, part=lambda plan: current_plan(Part.CHILD_PROTECTION, plan.end_date is None)
)
def plan_pdf(request, plan, child):
    return _print(request, plan, child, pdf=True)


@casework_write(ChildProtectionPlan, Work.REVIEW)
def review_conference(request, plan, child):
    form = ReviewConferenceForm(posted(request))
    due = [("Review due by", f"{plan.next_review_due:%-d %B %Y}")] if plan.next_review_due else []

    def save(form):
        return _url("conference", services.review_conference(plan, **form.values()))

    return save_form(
        request,
        form,
        save,
        success="Review conference recorded.",
        template=ATTENDEES_TEMPLATE,
        editing=[plan, plan.conferences.all()],
        person=child.person,
        title="Review child protection conference",
        back_url=_url("plan", plan),
        button="Record the review",
        facts=due,
    )


@casework_write(ChildProtectionPlan)
def core_group(request, plan, child):
    """A core group meeting: who came (from the core group), progress against the plan, the next meeting.
    The first is due within 10 working days of the initial conference."""
    members = plan.core_group.filter(left_on__isnull=True).order_by("name")
    form = CoreGroupMeetingForm(posted(request), members=members)
    due = services.first_core_group_due(plan)

    def save(form):
        services.record_core_group_meeting(plan, **form.cleaned_data)
        return _url("plan", plan)

    return save_form(
        request,
        form,
        save,
        success="Core group meeting recorded.",
        person=child.person,
        title="Record a core group meeting",
        back_url=_url("plan", plan),
        button="Save the meeting",
        facts=[("First core group due by", f"{due:%-d %B %Y}")] if due else [],
    )


@casework_write(ChildProtectionPlan)
def end_plan(request, plan, child):
    if plan.end_date and not opened_before(request):
        return redirect(_url("plan", plan))
    form = DateForm(posted(request), label="Date the plan ended")

    def save(form):
        done_meanwhile(
            ChildProtectionPlan.objects.filter(pk=plan.pk, end_date__isnull=False).exists(), "ended the plan"
        )
        services.end_plan(plan, end_date=form.cleaned_data["date"])
        return _url("plan", plan)

    return save_form(
        request,
        form,
        save,
        success="Child protection plan ended.",
        person=child.person,
        editing=plan,
        title="End the child protection plan",
        back_url=_url("plan", plan),
        button="End the plan",
    )


@child_write()
def record_visit(request, child):
    person = child.person
    form = VisitForm(
        posted(request),
        instance=Visit(person=person, visited_by=request.user),
        initial={"visited_on": timezone.localdate()},
    )
    record_url = reverse("people:record", args=[person.pk])

    def save(form):
        form.save()
        return f"{record_url}#casework"

    return save_form(
        request,
        form,
        save,
        success="Visit recorded.",
        person=person,
        title="Record a visit",
        back_url=record_url,
        button="Save the visit",
    )
