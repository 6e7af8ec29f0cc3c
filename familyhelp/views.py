"""Family Help pages: the episode and its whole-family plan, step-up and step-down, assessments, CIN plans.

Every page is about one child and goes through the gate in people.access_views (access check and audit);
the pages that record use its write gate. Every POST is saved by people.casework.save_form in one transaction.
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from access.audit import disclose
from access.basis import Work
from access.classes import manager_page
from access.models import DisclosureKind
from access.parts import Part, current_plan
from frontdoor.models import Referral
from people import planning
from people.access_views import casework_read, casework_write
from people.casework import Link, done_meanwhile, opened_before, posted, save_form
from people.planning import refuse_if_ended
from thrive.forms import DateForm

from . import services
from .forms import (
    AssessmentContentForm,
    AssessmentOutcomeForm,
    AuthoriseForm,
    CommentForm,
    EndEpisodeForm,
    FactorsForm,
    FamilyPlanForm,
    StartAssessmentForm,
    StepDownForm,
    StepForm,
)
from .framework import CHILD_VIEWS, DOMAINS, FAMILY_VIEWS
from .models import Assessment, AssessmentOutcome, CINPlan, CINPlanAction, CINPlanObjective, FamilyHelpEpisode
from .queue import awaiting_authorisation


def _url(name, obj):
    return reverse(f"familyhelp:{name}", args=[obj.pk])


def _referral_url(referral):
    return reverse("frontdoor:referral", args=[referral.pk])


@casework_read(FamilyHelpEpisode, part=Part.FAMILY_HELP)
def episode(request, episode, child):
    return render(
        request,
        "familyhelp/episode.html",
        {
            "person": child.person,
            "episode": episode,
            "plans": episode.plans.order_by("-agreed_on", "-pk"),
            "steps": episode.step_decisions.select_related("decided_by", "referral").order_by(
                "-decided_on", "-pk"
            ),
            "may_record": child.may_record,
        },
    )


@casework_write(FamilyHelpEpisode)
def family_plan(request, episode, child):
    form = FamilyPlanForm(posted(request))

    def save(form):
        services.add_family_plan(episode, **form.cleaned_data)
        return _url("episode", episode)

    return save_form(
        request,
        form,
        save,
        success="Family plan recorded.",
        person=child.person,
        editing=[episode, episode.plans.all()],
        title="Record the whole-family plan",
        back_url=_url("episode", episode),
        button="Save the plan",
    )


@casework_write(FamilyHelpEpisode)
def step_up(request, episode, child):
    form = StepForm(posted(request), initial={"worker": request.user})

    def save(form):
        decision = services.step_up(episode, request.user, **form.cleaned_data)
        return _referral_url(decision.referral)

    return save_form(
        request,
        form,
        save,
        success="Step-up recorded: a referral to children's social care is open.",
        editing=episode,
        person=child.person,
        title="Step up to children's social care",
        back_url=_url("episode", episode),
        button="Record the step-up",
    )


@casework_write(FamilyHelpEpisode)
def end_episode(request, episode, child):
    if episode.end_date and not opened_before(request):
        return redirect(_url("episode", episode))
    form = EndEpisodeForm(posted(request), instance=episode)

    def save(form):
        done_meanwhile(
            FamilyHelpEpisode.objects.filter(pk=episode.pk, end_date__isnull=False).exists(),
            "ended Family Help",
        )
        services.end_episode(episode, **form.cleaned_data)
        return _url("episode", episode)

    return save_form(
        request,
        form,
        save,
        success="Family Help ended.",
        person=child.person,
        title="End Family Help",
        back_url=_url("episode", episode),
        button="End Family Help",
    )


@casework_write(Referral)
def step_down(request, referral, child):
    form = StepDownForm(posted(request))

    def save(form):
        decision = services.step_down(referral, request.user, **form.cleaned_data)
        return _url("episode", decision.family_help_episode)

    return save_form(
        request,
        form,
        save,
        success="Step-down recorded: Family Help is open.",
        person=child.person,
        editing=[referral, referral.step_decisions.all()],
        title="Step down to Family Help",
        back_url=_referral_url(referral),
        button="Record the step-down",
    )


@casework_write(Referral)
def start_assessment(request, referral, child):
    form = StartAssessmentForm(posted(request), initial={"worker": request.user})

    def save(form):
        return _url("assessment", services.start_assessment(referral, **form.cleaned_data))

    return save_form(
        request,
        form,
        save,
        success="Assessment started.",
        person=child.person,
        editing=[referral, referral.assessments.all()],
        title="Start a child and family assessment",
        back_url=_referral_url(referral),
        button="Start the assessment",
        intro="The assessment is due 45 working days after the referral date.",
    )


@casework_read(Assessment, part=Part.FAMILY_HELP)
def assessment(request, assessment, child):
    texts = services.section_texts(assessment)
    return render(
        request,
        "familyhelp/assessment.html",
        {
            "person": child.person,
            "assessment": assessment,
            "factors": [f.get_code_display() for f in assessment.factors.order_by("pk")],
            "views": [(heading, texts.get(key, "")) for key, heading in (CHILD_VIEWS, FAMILY_VIEWS)],
            "domains": [
                (domain.title, [(heading, texts.get(key, "")) for key, heading in domain.dimensions])
                for domain in DOMAINS
            ],
            "decisions": assessment.decisions.select_related("by").order_by("-at", "-pk"),
            "missing": services.missing_before_sending(assessment),
            "next_step": next_step(assessment)
            if assessment.authorisation_date and child.may_record
            else None,
            "may_record": child.may_record,
            "can_authorise": child.may(Work.OVERSIGHT),
        },
    )


def next_step(assessment) -> Link | None:
    """The step the authorised outcome chose, while the referral is open to take it."""
    referral = assessment.referral
    if not referral.is_open:
        return None
    steps = {
        AssessmentOutcome.CIN_PLAN: (
            "Start the child in need plan",
            "familyhelp:start_cin_plan",
            referral.pk,
        ),
        AssessmentOutcome.STRATEGY: ("Record the strategy discussion", "protection:strategy", referral.pk),
        AssessmentOutcome.FAMILY_HELP: ("Step down to Family Help", "familyhelp:step_down", referral.pk),
        AssessmentOutcome.LOOKED_AFTER: ("Start a period of care", "care:start", assessment.person_id),
        AssessmentOutcome.NO_FURTHER_ACTION: ("Close the referral", "frontdoor:close_referral", referral.pk),
    }
    step = steps.get(assessment.outcome)
    return Link(step[0], reverse(step[1], args=[step[2]])) if step else None


@casework_write(Assessment)
def assessment_content(request, assessment, child):
    if assessment.authorisation_date:
        return redirect(_url("assessment", assessment))
    initial = {"child_seen_on": assessment.child_seen_on, **services.section_texts(assessment)}
    form = AssessmentContentForm(posted(request), initial=initial)

    def save(form):
        services.record_content(
            assessment, child_seen_on=form.cleaned_data["child_seen_on"], sections=form.sections()
        )
        return _url("assessment", assessment)

    return save_form(
        request,
        form,
        save,
        success="Assessment saved.",
        template="familyhelp/assessment_form.html",
        person=child.person,
        title="Write the assessment",
        back_url=_url("assessment", assessment),
        button="Save the assessment",
        intro="Write under each heading of the assessment framework. You can leave headings "
        "and come "
        "back to them; what you type is kept as a draft until you save.",
    )


@casework_write(Assessment)
def assessment_factors(request, assessment, child):
    form = FactorsForm(
        posted(request), initial={"factors": list(assessment.factors.values_list("code", flat=True))}
    )

    def save(form):
        services.record_factors(assessment, form.cleaned_data["factors"])
        return _url("assessment", assessment)

    return save_form(
        request,
        form,
        save,
        success="Factors recorded.",
        person=child.person,
        editing=[assessment, assessment.factors.all()],
        title="Factors identified at assessment",
        back_url=_url("assessment", assessment),
        button="Save the factors",
    )


@casework_write(Assessment)
def assessment_outcome(request, assessment, child):
    form = AssessmentOutcomeForm(
        posted(request), instance=assessment, initial={"primary_need": assessment.referral.primary_need}
    )

    def save(form):
        services.record_outcome(assessment, **form.cleaned_data)
        return _url("assessment", assessment)

    return save_form(
        request,
        form,
        save,
        success="Outcome recorded.",
        person=child.person,
        title="Outcome of the assessment",
        back_url=_url("assessment", assessment),
        button="Save the outcome",
    )


def _facts(assessment):
    return [
        ("Outcome", assessment.get_outcome_display() or "Not recorded"),
        ("Due", f"{assessment.due_date:%-d %B %Y}"),
        ("Assessing worker", str(assessment.worker or "")),
    ]


@casework_write(Assessment)
def send_assessment(request, assessment, child):
    form = CommentForm(posted(request), label="Anything the manager should know (optional)")

    def save(form):
        services.send_for_authorisation(assessment, request.user, comment=form.cleaned_data["comment"])
        return _url("assessment", assessment)

    return save_form(
        request,
        form,
        save,
        success="Assessment sent to your manager for authorisation.",
        person=child.person,
        editing=assessment,
        title="Send the assessment for authorisation",
        back_url=_url("assessment", assessment),
        button="Send for authorisation",
        facts=_facts(assessment),
    )


@casework_write(Assessment, Work.OVERSIGHT)
def return_assessment(request, assessment, child):
    form = CommentForm(
        posted(request),
        label="What needs to change",
        required=True,
        help_text="The worker sees this on the assessment, revises it and sends it again.",
    )

    def save(form):
        services.return_assessment(assessment, request.user, comment=form.cleaned_data["comment"])
        return _url("assessment", assessment)

    return save_form(
        request,
        form,
        save,
        success="Assessment returned to the worker with your comments.",
        person=child.person,
        editing=assessment,
        title="Return the assessment with comments",
        back_url=_url("assessment", assessment),
        button="Return to the worker",
        facts=_facts(assessment),
    )


@casework_write(Assessment, Work.OVERSIGHT)
def authorise_assessment(request, assessment, child):
    form = AuthoriseForm(posted(request), initial={"date": timezone.localdate()})

    def save(form):
        services.authorise(
            assessment,
            authorisation_date=form.cleaned_data["date"],
            manager=request.user,
            comment=form.cleaned_data["comment"],
        )
        step = next_step(assessment)
        return step.url if step else _url("assessment", assessment)

    step = next_step(assessment) if assessment.outcome else None
    return save_form(
        request,
        form,
        save,
        success="Assessment authorised.",
        person=child.person,
        editing=assessment,
        title="Authorise the assessment",
        back_url=_url("assessment", assessment),
        button="Authorise",
        facts=_facts(assessment),
        intro=f"Once authorised, you go straight to the next step: {step.text.lower()}." if step else "",
    )


@manager_page(refusal="Only managers authorise assessments.")
def authorisations(request):
    """Assessments waiting for this manager: sent by workers in the teams they manage."""
    waiting = awaiting_authorisation(request.user)
    if waiting:
        disclose(
            request, DisclosureKind.LIST, [a.person_id for a in waiting], what="Awaiting my authorisation"
        )
    return render(request, "familyhelp/authorisations.html", {"waiting": waiting})


@casework_write(Referral)
def start_cin_plan(request, referral, child):
    form = DateForm(posted(request), label="Date the plan started")

    def save(form):
        return _url("cin_plan", services.start_cin_plan(referral, start_date=form.cleaned_data["date"]))

    return save_form(
        request,
        form,
        save,
        success="Child in need plan started.",
        person=child.person,
        editing=[referral, referral.cin_plans.all()],
        title="Start a child in need plan",
        back_url=_referral_url(referral),
        button="Start the plan",
    )


@casework_read(CINPlan, part=lambda plan: current_plan(Part.FAMILY_HELP, plan.end_date is None))
def cin_plan(request, plan, child):
    return render(
        request,
        "familyhelp/cin_plan.html",
        {
            "person": child.person,
            "plan": plan,
            "reviews": plan.reviews.order_by("-review_date"),
            "shows_referral": child.show(Part.CONTACTS),
            "objectives": plan.objectives.prefetch_related("actions").order_by("pk"),
            "other_actions": plan.actions.filter(objective__isnull=True).order_by("pk"),
            "may_record": child.may_record,
        },
    )


@casework_write(CINPlan)
def cin_plan_objective(request, plan, child):
    def create(**fields):
        refuse_if_ended(plan.end_date, "child in need plan")
        CINPlanObjective.objects.create(plan=plan, **fields)

    return planning.add_objective(
        request, child, create=create, back_url=_url("cin_plan", plan), what="child in need plan"
    )


@casework_write(CINPlan)
def cin_plan_action(request, plan, child):
    def create(**fields):
        refuse_if_ended(plan.end_date, "child in need plan")
        CINPlanAction.objects.create(plan=plan, **fields)

    return planning.add_action(
        request,
        child,
        create=create,
        back_url=_url("cin_plan", plan),
        what="child in need plan",
        objectives=plan.objectives.order_by("pk"),
        start=plan.start_date,
    )


@casework_write(CINPlan)
def cin_plan_actions_done(request, plan, child):
    return planning.mark_done(
        request,
        child,
        actions=plan.actions.order_by("pk"),
        back_url=_url("cin_plan", plan),
        what="child in need plan",
    )


def _cin_sections(plan) -> list:
    sections = [
        (
            "Why there is a plan",
            [
                "We agreed with you that the child needs extra help to be safe, healthy and to do well "
                "(a child in need plan, Children Act 1989 section 17)."
            ],
            [],
        )
    ]
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
    if plan.next_review_due and not plan.end_date:
        sections.append(
            (
                "When we will meet",
                [f"We will review the plan together by {plan.next_review_due:%-d %B %Y}."],
                [],
            )
        )
    return sections


def _print_cin(request, plan, child, pdf):
    return planning.print_plan(
        request,
        child,
        title="Child in need plan",
        sections=_cin_sections(plan),
        pdf=pdf,
        pdf_url=reverse("familyhelp:cin_plan_pdf", args=[plan.pk]),
        filename=f"child-in-need-plan-{child.person.la_id}.pdf",
        intro=f"This plan started on {plan.start_date:%-d %B %Y}.",
    )


@casework_read(CINPlan, part=lambda plan: current_plan(Part.FAMILY_HELP, plan.end_date is None))
def print_cin_plan(request, plan, child):
    return _print_cin(request, plan, child, pdf=False)


@casework_read(CINPlan, part=lambda plan: current_plan(Part.FAMILY_HELP, plan.end_date is None))
def cin_plan_pdf(request, plan, child):
    return _print_cin(request, plan, child, pdf=True)


def _cin_plan_step(request, plan, child, step, label, title, success):
    form = DateForm(posted(request), label=label)

    def save(form):
        step(plan, form.cleaned_data["date"])
        return _url("cin_plan", plan)

    return save_form(
        request,
        form,
        save,
        success=success,
        person=child.person,
        title=title,
        back_url=_url("cin_plan", plan),
        button="Save",
        editing=[plan, plan.reviews.all()],
    )


@casework_write(CINPlan)
def review_cin_plan(request, plan, child):
    return _cin_plan_step(
        request,
        plan,
        child,
        lambda p, d: services.review_cin_plan(p, review_date=d),
        "Date of the review",
        "Review the child in need plan",
        "Review recorded.",
    )


@casework_write(CINPlan)
def end_cin_plan(request, plan, child):
    return _cin_plan_step(
        request,
        plan,
        child,
        lambda p, d: services.end_cin_plan(p, end_date=d),
        "Date the plan ended",
        "End the child in need plan",
        "Child in need plan ended.",
    )
