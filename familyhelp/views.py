"""Family Help pages: the episode and its whole-family plan, step-up and step-down, assessments, CIN plans.

Every page is about one child and goes through the gate in people.access_views (access check and audit);
the pages that record use its write gate. Every POST is saved by people.casework.save_form in one transaction.
"""
from django.shortcuts import redirect, render
from django.urls import reverse

from frontdoor.models import Referral
from access.basis import Work
from people.access_views import casework_read, casework_write
from people.casework import done_meanwhile, opened_before, posted, save_form
from thrive.forms import DateForm

from . import services
from .forms import (
    AssessmentOutcomeForm,
    EndEpisodeForm,
    FactorsForm,
    FamilyPlanForm,
    StartAssessmentForm,
    StepDownForm,
    StepForm,
)
from .models import Assessment, CINPlan, FamilyHelpEpisode


def _url(name, obj):
    return reverse(f"familyhelp:{name}", args=[obj.pk])


def _referral_url(referral):
    return reverse("frontdoor:referral", args=[referral.pk])


@casework_read(FamilyHelpEpisode)
def episode(request, episode, child):
    return render(request, "familyhelp/episode.html", {
        "person": child.person, "episode": episode,
        "plans": episode.plans.order_by("-agreed_on", "-pk"),
        "steps": episode.step_decisions.select_related("decided_by", "referral").order_by("-decided_on", "-pk"),
        "may_record": child.may_record,
    })


@casework_write(FamilyHelpEpisode)
def family_plan(request, episode, child):
    form = FamilyPlanForm(posted(request))

    def save(form):
        services.add_family_plan(episode, **form.cleaned_data)
        return _url("episode", episode)

    return save_form(request, form, save, success="Family plan recorded.", person=child.person,
                     editing=[episode, episode.plans.all()],
                     title="Record the whole-family plan", back_url=_url("episode", episode), button="Save the plan")


@casework_write(FamilyHelpEpisode)
def step_up(request, episode, child):
    form = StepForm(posted(request), initial={"worker": request.user})

    def save(form):
        decision = services.step_up(episode, request.user, **form.cleaned_data)
        return _referral_url(decision.referral)

    return save_form(request, form, save, success="Step-up recorded: a referral to children's social care is open.",
                     editing=episode,
                     person=child.person, title="Step up to children's social care", back_url=_url("episode", episode),
                     button="Record the step-up")


@casework_write(FamilyHelpEpisode)
def end_episode(request, episode, child):
    if episode.end_date and not opened_before(request):
        return redirect(_url("episode", episode))
    form = EndEpisodeForm(posted(request), instance=episode)

    def save(form):
        done_meanwhile(FamilyHelpEpisode.objects.filter(pk=episode.pk, end_date__isnull=False).exists(),
                       "ended Family Help")
        services.end_episode(episode, **form.cleaned_data)
        return _url("episode", episode)

    return save_form(request, form, save, success="Family Help ended.", person=child.person,
                     title="End Family Help", back_url=_url("episode", episode), button="End Family Help")


@casework_write(Referral)
def step_down(request, referral, child):
    form = StepDownForm(posted(request))

    def save(form):
        decision = services.step_down(referral, request.user, **form.cleaned_data)
        return _url("episode", decision.family_help_episode)

    return save_form(request, form, save, success="Step-down recorded: Family Help is open.", person=child.person,
                     editing=[referral, referral.step_decisions.all()],
                     title="Step down to Family Help", back_url=_referral_url(referral), button="Record the step-down")


@casework_write(Referral)
def start_assessment(request, referral, child):
    form = StartAssessmentForm(posted(request), initial={"worker": request.user})

    def save(form):
        return _url("assessment", services.start_assessment(referral, **form.cleaned_data))

    return save_form(request, form, save, success="Assessment started.", person=child.person,
                     editing=[referral, referral.assessments.all()],
                     title="Start a child and family assessment", back_url=_referral_url(referral),
                     button="Start the assessment",
                     intro="The assessment is due 45 working days after the referral date.")


@casework_read(Assessment)
def assessment(request, assessment, child):
    return render(request, "familyhelp/assessment.html", {
        "person": child.person, "assessment": assessment,
        "factors": [f.get_code_display() for f in assessment.factors.order_by("pk")],
        "may_record": child.may_record, "can_authorise": child.may(Work.OVERSIGHT),
    })


@casework_write(Assessment)
def assessment_factors(request, assessment, child):
    form = FactorsForm(posted(request), initial={"factors": list(assessment.factors.values_list("code", flat=True))})

    def save(form):
        services.record_factors(assessment, form.cleaned_data["factors"])
        return _url("assessment", assessment)

    return save_form(request, form, save, success="Factors recorded.", person=child.person,
                     editing=[assessment, assessment.factors.all()],
                     title="Factors identified at assessment", back_url=_url("assessment", assessment),
                     button="Save the factors")


@casework_write(Assessment)
def assessment_outcome(request, assessment, child):
    form = AssessmentOutcomeForm(posted(request), instance=assessment,
                                 initial={"primary_need": assessment.referral.primary_need})

    def save(form):
        services.record_outcome(assessment, **form.cleaned_data)
        return _url("assessment", assessment)

    return save_form(request, form, save, success="Outcome recorded.", person=child.person,
                     title="Outcome of the assessment", back_url=_url("assessment", assessment),
                     button="Save the outcome")


@casework_write(Assessment, Work.OVERSIGHT)
def authorise_assessment(request, assessment, child):
    form = DateForm(posted(request), label="Date authorised")

    def save(form):
        services.authorise(assessment, authorisation_date=form.cleaned_data["date"])
        return _url("assessment", assessment)

    return save_form(request, form, save, success="Assessment authorised.", person=child.person, editing=assessment,
                     title="Authorise the assessment", back_url=_url("assessment", assessment),
                     button="Authorise", facts=[("Outcome", assessment.get_outcome_display() or "Not recorded"),
                                                ("Due", f"{assessment.due_date:%-d %B %Y}")])


@casework_write(Referral)
def start_cin_plan(request, referral, child):
    form = DateForm(posted(request), label="Date the plan started")

    def save(form):
        return _url("cin_plan", services.start_cin_plan(referral, start_date=form.cleaned_data["date"]))

    return save_form(request, form, save, success="Child in need plan started.", person=child.person,
                     editing=[referral, referral.cin_plans.all()],
                     title="Start a child in need plan", back_url=_referral_url(referral), button="Start the plan")


@casework_read(CINPlan)
def cin_plan(request, plan, child):
    return render(request, "familyhelp/cin_plan.html", {
        "person": child.person, "plan": plan, "reviews": plan.reviews.order_by("-review_date"),
        "may_record": child.may_record,
    })


def _cin_plan_step(request, plan, child, step, label, title, success):
    form = DateForm(posted(request), label=label)

    def save(form):
        step(plan, form.cleaned_data["date"])
        return _url("cin_plan", plan)

    return save_form(request, form, save, success=success, person=child.person, title=title,
                     back_url=_url("cin_plan", plan), button="Save", editing=[plan, plan.reviews.all()])


@casework_write(CINPlan)
def review_cin_plan(request, plan, child):
    return _cin_plan_step(request, plan, child, lambda p, d: services.review_cin_plan(p, review_date=d),
                          "Date of the review", "Review the child in need plan", "Review recorded.")


@casework_write(CINPlan)
def end_cin_plan(request, plan, child):
    return _cin_plan_step(request, plan, child, lambda p, d: services.end_cin_plan(p, end_date=d),
                          "Date the plan ended", "End the child in need plan", "Child in need plan ended.")
