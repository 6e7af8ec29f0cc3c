"""The child's education record (a `reading` page), and the forms that add to it (each `recording`)."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from access.basis import Work
from care.models import PersonalEducationPlan
from people.casework import posted, save_form
from people.duework import describe_due

from .. import forms, services
from ..access import education_team, open_to_team
from ..codes import FIRST_STEP, SECOND_STEP, TriageOutcome
from ..models import (
    ActivityRecord,
    Attendance,
    AttendanceOrderStep,
    CmeReferral,
    EhcPlan,
    EhcRequest,
    Enquiry,
    Exclusion,
    HomeEducationNotice,
    PepQualityAssurance,
    PepSectionRating,
    PepTarget,
    PmeReferral,
    RegisterEntry,
    SeptemberGuarantee,
    TribunalAppeal,
)
from ..worklists import child_due
from .gate import reading, recording, recording_on


def education_url(person) -> str:
    return reverse("education:record", args=[person.pk])


@reading
def record(request, child):
    ids, today = child.ids, timezone.localdate()
    notices = (
        HomeEducationNotice.objects.filter(person_id__in=ids)
        .select_related("school", "entry")
        .prefetch_related("decisions__decided_by", "enquiries")
        .order_by("-received_on")
    )
    held = [n for n in notices if n.held_for_consent and not n.decisions.all()]
    return render(
        request,
        "education/record.html",
        {
            "person": child.person,
            "today": today,
            "protection": services.protection_status(ids, today),
            "entries": RegisterEntry.objects.filter(person_id__in=ids).order_by("-opened_on"),
            "notices": notices,
            "held": [(n, *describe_due(n.consent_due, today)) for n in held],
            "steps": AttendanceOrderStep.objects.filter(person_id__in=ids).select_related("school"),
            "cme": CmeReferral.objects.filter(person_id__in=ids)
            .prefetch_related("enquiries")
            .order_by("-received_on"),
            "pme": PmeReferral.objects.filter(person_id__in=ids)
            .select_related("school", "officer")
            .prefetch_related("meetings")
            .order_by("-received_on"),
            "exclusions": Exclusion.objects.filter(person_id__in=ids)
            .select_related("school")
            .order_by("-start_date"),
            "attendance": Attendance.objects.filter(person_id__in=ids)
            .select_related("school")
            .order_by("-term_start"),
            "requests": EhcRequest.objects.filter(person_id__in=ids).order_by("-received_on"),
            "plans": EhcPlan.objects.filter(person_id__in=ids)
            .select_related("school")
            .prefetch_related("reviews"),
            "appeals": TribunalAppeal.objects.filter(person_id__in=ids),
            "activities": ActivityRecord.objects.filter(person_id__in=ids).order_by("-recorded_on")[:6],
            "guarantees": SeptemberGuarantee.objects.filter(person_id__in=ids).order_by("-year"),
            "peps": PersonalEducationPlan.objects.filter(person_id__in=ids)
            .select_related("quality")
            .prefetch_related("smart_targets")
            .order_by("-meeting_on")[:6],
            "virtual_school": services.virtual_school_child(ids, today),
            "due": child_due(ids, today),
            "may_record": child.may(Work.INCLUSION),
        },
    )


def _form(request, child, form, save, *, title, success, **context):
    """Show `form`; a valid POST runs `save(form)` in one transaction and returns to the education record."""
    back = education_url(child.person)

    def saved(form):
        save(form)
        return back

    return save_form(
        request, form, saved, success=success, person=child.person, title=title, back_url=back, **context
    )


def _saved_and_held(form, request):
    """Save, and keep the child open to the recorder's education team: education work is held by a team."""
    obj = form.save()
    open_to_team(obj.person, education_team(user=request.user), timezone.localdate())
    return obj


def _adding(form_class, title, success, **fixed):
    """A page adding one row about the child, with `fixed` fields (callables of the request) set on it."""
    model = form_class._meta.model

    @recording
    def view(request, child):
        values = {name: make(request) for name, make in fixed.items()}
        form = form_class(posted(request), instance=model(person=child.person, **values))
        return _form(
            request, child, form, lambda form: _saved_and_held(form, request), title=title, success=success
        )

    view.__name__ = f"add_{model.__name__.lower()}"
    return view


add_step = _adding(
    forms.SaoStepForm,
    "Record a school attendance order step",
    "Step recorded.",
    recorded_by=lambda r: r.user,
)
add_attendance = _adding(forms.AttendanceForm, "Record attendance for a term", "Attendance recorded.")
add_ehc_request = _adding(
    forms.EhcRequestForm,
    "Record a request for an EHC needs assessment",
    "Request recorded. The decision whether to assess is due within 6 weeks.",
)
add_appeal = _adding(forms.AppealForm, "Record a tribunal appeal", "Appeal recorded.")
add_activity = _adding(forms.ActivityForm, "Record what the young person is doing", "Activity recorded.")
add_guarantee = _adding(
    forms.GuaranteeForm, "Record the September Guarantee", "September Guarantee recorded."
)


@recording
def add_exclusion(request, child):
    form = forms.ExclusionForm(
        posted(request), instance=Exclusion(person=child.person, recorded_by=request.user)
    )
    return _form(
        request,
        child,
        form,
        lambda form: services.record_exclusion(form.instance),
        title="Record a suspension or permanent exclusion",
        success="Exclusion recorded. For a permanent exclusion, full-time education is due from the "
        "sixth school day.",
    )


@recording
def refer_cme(request, child):
    form = forms.CmeReferralForm(posted(request), instance=CmeReferral(person=child.person))

    def save(form):
        services.refer_cme(child.person, officer=request.user, **form.cleaned_data)

    return _form(
        request,
        child,
        form,
        save,
        title="Refer a child missing education",
        success="Referral recorded. Visit the family within 5 working days.",
    )


@recording
def refer_pme(request, child):
    form = forms.PmeReferralForm(posted(request), instance=PmeReferral(person=child.person))
    return _form(
        request,
        child,
        form,
        lambda form: form.save(),
        title="Record a school's referral",
        success="Referral recorded. Triage it within 5 working days.",
    )


@recording
def close_entry(request, child):
    entry = get_object_or_404(RegisterEntry, person_id__in=child.ids, closed_on__isnull=True)
    form = forms.CloseEntryForm(posted(request), instance=entry)

    def save(form):
        if form.cleaned_data["closed_on"] < entry.opened_on:
            raise ValidationError({"closed_on": f"The date must be on or after {entry.opened_on:%-d %B %Y}"})
        form.save()

    return _form(
        request, child, form, save, title="Take the child off the register", success="Register updated."
    )


@recording
def edit_entry(request, child):
    entry = RegisterEntry.objects.filter(person_id__in=child.ids, closed_on__isnull=True).first()
    form = forms.EntryForm(posted(request), instance=entry or RegisterEntry(person=child.person))
    return _form(
        request,
        child,
        form,
        lambda form: form.save(),
        title="Children Not in School register entry",
        success="Register entry saved.",
    )


# Pages about one record: a notice, a referral, an exclusion, a request, a plan, a PEP.


@recording_on(HomeEducationNotice)
def consent(request, notice, child):
    form = forms.ConsentForm(posted(request), initial={"decided_on": timezone.localdate()})

    def save(form):
        entry = notice.entry
        services.decide_consent(
            notice,
            decided_by=request.user,
            **form.cleaned_data,
            home_address=entry.home_address if entry else "",
            parents=entry.parents if entry else "",
        )

    facts = [
        ("Notice received", f"{notice.received_on:%-d %B %Y}"),
        ("Why consent is needed", notice.consent_basis),
        ("Decision due", f"{notice.consent_due:%-d %B %Y}" if notice.consent_due else ""),
    ]
    return _form(
        request,
        child,
        form,
        save,
        title="Decide on consent to home educate",
        facts=facts,
        success="Decision recorded.",
        button="Record the decision",
    )


@recording_on(HomeEducationNotice)
def notice_enquiry(request, notice, child):
    form = forms.EnquiryForm(
        posted(request), instance=Enquiry(person=child.person, notice=notice, made_by=request.user)
    )

    def save(form):
        form.save()
        if notice.first_enquiry_on is None:
            notice.first_enquiry_on = form.instance.made_on
            notice.save(update_fields=["first_enquiry_on"])

    return _form(request, child, form, save, title="Record an enquiry or visit", success="Recorded.")


@recording_on(HomeEducationNotice)
def suitability(request, notice, child):
    form = forms.SuitabilityForm(posted(request))

    def save(form):
        services.decide_suitability(notice, officer=request.user, **form.cleaned_data)

    return _form(
        request,
        child,
        form,
        save,
        title="Decide whether the home education is suitable",
        success="Decision recorded.",
    )


@recording_on(CmeReferral)
def cme_check(request, referral, child):
    form = forms.EnquiryForm(
        posted(request), instance=Enquiry(person=child.person, cme=referral, made_by=request.user)
    )
    return _form(
        request,
        child,
        form,
        lambda form: form.save(),
        title="Record a visit or check",
        success="Check recorded.",
    )


@recording_on(CmeReferral)
def cme_outcome(request, referral, child):
    form = forms.CmeOutcomeForm(posted(request), instance=referral)
    return _form(
        request,
        child,
        form,
        lambda form: form.save(),
        title="Record the outcome",
        success="Outcome recorded.",
    )


@recording_on(PmeReferral)
def triage(request, referral, child):
    second = referral.first_step == TriageOutcome.SECOND_STEP
    choices = [(c.value, c.label) for c in (SECOND_STEP if second else FIRST_STEP)]
    form = forms.TriageForm(posted(request), choices=choices)

    def save(form):
        on, outcome = form.cleaned_data["on"], form.cleaned_data["outcome"]
        if second:
            referral.second_step_on, referral.second_step = on, outcome
        else:
            referral.first_step_on, referral.first_step = on, outcome
        if outcome == TriageOutcome.WAITING_LIST:
            referral.waiting_since = on
        if outcome == TriageOutcome.ADVICE:
            referral.closed_on = on
        referral.save()

    return _form(
        request,
        child,
        form,
        save,
        title="Second step of triage" if second else "First step of triage",
        success="Triage recorded.",
    )


@recording_on(PmeReferral)
def allocate(request, referral, child):
    form = forms.TriageForm(posted(request), choices=[("allocated", "Allocate to me")])

    def save(form):
        referral.allocated_on, referral.officer = form.cleaned_data["on"], request.user
        referral.save(update_fields=["allocated_on", "officer"])

    return _form(
        request, child, form, save, title="Allocate from the waiting list", success="Allocated to you."
    )


@recording_on(PmeReferral)
def team_around_school(request, referral, child):
    form = forms.TeamAroundSchoolForm(posted(request), instance=referral.meetings.model(referral=referral))
    return _form(
        request,
        child,
        form,
        lambda form: form.save(),
        title="Record a team around the school meeting",
        success="Meeting recorded.",
    )


@recording_on(Exclusion)
def provision(request, exclusion, child):
    form = forms.ProvisionForm(posted(request), instance=exclusion)
    facts = [
        ("Exclusion", str(exclusion)),
        ("Education due from", f"{exclusion.provision_due:%-d %B %Y}" if exclusion.provision_due else ""),
    ]
    return _form(
        request,
        child,
        form,
        lambda form: form.save(),
        title="Record the education arranged",
        facts=facts,
        success="Education arranged.",
    )


@recording_on(EhcRequest)
def ehc_decision(request, ehc, child):
    assessing = ehc.decided_on is not None
    question = (
        "Will a plan be issued?" if assessing else "Will the council carry out an EHC needs assessment?"
    )
    form = forms.EhcDecisionForm(posted(request), question=question)

    def save(form):
        if assessing:
            ehc.assessment_decided_on, ehc.issue = form.cleaned_data["on"], form.cleaned_data["yes"]
        else:
            ehc.decided_on, ehc.assess = form.cleaned_data["on"], form.cleaned_data["yes"]
        ehc.save()

    return _form(
        request,
        child,
        form,
        save,
        title="Decision after the assessment" if assessing else "Decision whether to assess",
        success="Decision recorded.",
    )


@recording_on(EhcRequest)
def ehc_plan(request, ehc, child):
    form = forms.EhcPlanForm(posted(request), instance=EhcPlan(person=child.person, request=ehc))
    return _form(
        request,
        child,
        form,
        lambda form: form.save(),
        title="Record the final EHC plan",
        success="Plan recorded. Its first annual review is due within 12 months.",
    )


@recording_on(EhcPlan)
def annual_review(request, plan, child):
    form = forms.AnnualReviewForm(posted(request), instance=plan.reviews.model(plan=plan))
    return _form(
        request,
        child,
        form,
        lambda form: form.save(),
        title="Record an annual review",
        success="Review recorded.",
    )


@recording_on(PersonalEducationPlan)
def pep_quality(request, pep, child):
    form = forms.PepQualityForm(posted(request), initial={"assured_on": timezone.localdate()})

    def save(form):
        quality, _ = PepQualityAssurance.objects.update_or_create(
            pep=pep,
            defaults={
                "person": pep.person,
                "assured_on": form.cleaned_data["assured_on"],
                "assured_by": request.user,
                "rating": form.cleaned_data["rating"],
            },
        )
        for section, rating, feedback in form.sections():
            PepSectionRating.objects.update_or_create(
                quality=quality, section=section, defaults={"rating": rating, "feedback": feedback}
            )
        pep.rating = form.cleaned_data["rating"]
        pep.save(update_fields=["rating"])

    return _form(
        request,
        child,
        form,
        save,
        title="Quality assure the PEP",
        success="Quality assurance recorded.",
        facts=[("PEP meeting", f"{pep.meeting_on:%-d %B %Y}"), ("Targets", pep.targets or "None written")],
    )


@recording_on(PersonalEducationPlan)
def pep_target(request, pep, child):
    form = forms.PepTargetForm(posted(request), instance=PepTarget(pep=pep, person=pep.person))
    return _form(
        request,
        child,
        form,
        lambda form: form.save(),
        title="Add a SMART target and its Pupil Premium Plus",
        success="Target recorded.",
    )
