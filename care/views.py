"""Care pages: the child's care record, the forms that change or add to it, and the children in care worklist.

Every page about a child goes through the gate in people.access_views (access check and audit); the
forms use its write gate, which decides the right to record (looked-after reviews also for the child's
IRO, Personal Education Plans also for the Virtual School). Every form is saved by
people.casework.save_form, in one transaction.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from access.audit import disclose
from access.basis import Work
from access.classes import signed_in
from access.models import DisclosureKind, Involvement, InvolvementKind, TeamKind
from access.parts import Part
from people import planning
from people.access_views import casework_read, casework_write, child_read, child_write
from people.casework import done_meanwhile, form_page, opened_before, posted, recorder
from people.duework import WorkFilter, worklist_page

from . import forms, services
from .models import (
    Adoption,
    AgeAssessment,
    CarePlanning,
    DentalCheck,
    DeprivationOfLiberty,
    HealthAssessment,
    MissingEpisode,
    NationalTransfer,
    PermanencePlan,
    PersonalEducationPlan,
    Review,
    ReviewRecommendation,
    StrengthsAndDifficulties,
    SubstanceMisuse,
    TemporaryApproval,
    UnaccompaniedChild,
    Visit,
    YouthJusticeDisposal,
)
from .models.placements import PER_PLACEMENT
from .nts import nts_position
from .timing import FAR_FROM_HOME_MILES, designated_birth_date
from .worklists import (
    CARE_TIMESCALES,
    child_due_rows,
    children_in_care,
    own_council,
    placed_far_from_home,
    record_url,
    worklist_items,
)


def care_url(person) -> str:
    return reverse("care:record", args=[person.pk])


def _period(person):
    """The open period of care, else the latest: late recording after a child leaves care still has a home."""
    period = services.open_period(person) or services.latest_period(person)
    if period is None:
        raise Http404("This child has not been looked after.")
    return period


def _current(person, kind):
    """The child's current worker of this kind (their social worker, their IRO), to preselect in a picker."""
    return (
        Involvement.objects.filter(person=person, kind=kind, end_date__isnull=True, user__isnull=False)
        .order_by("-start_date")
        .values_list("user_id", flat=True)
        .first()
    )


def _form(request, person, form, save, **context):
    return form_page(request, person, form, save, back=care_url(person), **context)


# The child's care record.


@child_read(part=Part.CARE)
def record(request, child):
    person, ids = child.person, child.ids
    periods = list(person.periods_of_care.prefetch_related("episodes").order_by("-start_date"))
    current = periods[0] if periods and periods[0].is_open else None
    episode = current.current_episode() if current else None
    today = timezone.localdate()
    adoption = Adoption.objects.filter(period__in=periods).order_by("-pk").first()
    return render(
        request,
        "care/record.html",
        {
            "person": person,
            "periods": periods,
            "current": current,
            "episode": episode,
            "placement_start": current.placement_start() if current else None,
            "in_council": bool(episode and episode.placement_council)
            and episode.placement_council == own_council(),
            "far_miles": FAR_FROM_HOME_MILES,
            "workers": Involvement.objects.filter(
                person_id__in=ids,
                end_date__isnull=True,
                kind__in=[InvolvementKind.ALLOCATED_WORKER, InvolvementKind.IRO],
            ).select_related("user", "team"),
            "due": child_due_rows(ids, today, CARE_TIMESCALES),
            "reviews": Review.objects.filter(person_id__in=ids).select_related("iro").order_by("-held_on"),
            "visits": Visit.objects.filter(person_id__in=ids)
            .select_related("visited_by")
            .order_by("-visited_on")[:10],
            "health": HealthAssessment.objects.filter(person_id__in=ids).order_by("-assessed_on"),
            "dental": DentalCheck.objects.filter(person_id__in=ids).order_by("-checked_on"),
            "sdqs": StrengthsAndDifficulties.objects.filter(person_id__in=ids).order_by("-completed_on"),
            "substance": SubstanceMisuse.objects.filter(person_id__in=ids).order_by("-identified_on"),
            "youth_justice": YouthJusticeDisposal.objects.filter(person_id__in=ids).order_by("-given_on"),
            "peps": PersonalEducationPlan.objects.filter(person_id__in=ids)
            .select_related("school")
            .order_by("-meeting_on"),
            "missing": MissingEpisode.objects.filter(person_id__in=ids).order_by("-started_on"),
            "plans": PermanencePlan.objects.filter(person_id__in=ids).order_by("-decided_on"),
            "adoption": adoption,
            "measures": adoption.measures() if adoption else None,
            "uasc": UnaccompaniedChild.objects.filter(person_id__in=ids).first(),
            "age_assessments": AgeAssessment.objects.filter(uasc__person_id__in=ids).order_by("-referred_on"),
            "orders": DeprivationOfLiberty.objects.filter(person_id__in=ids).order_by("-start_date"),
            "planning": CarePlanning.objects.filter(person_id__in=ids).order_by("-completed_on", "-pk"),
            "approvals": TemporaryApproval.objects.filter(person_id__in=ids).order_by("-approved_on"),
            "transfers": NationalTransfer.objects.filter(uasc__person_id__in=ids).order_by("-referred_on"),
            "may_record": child.may_record,
            "may_review": child.may(Work.REVIEW),
            "may_pep": child.may(Work.EDUCATION),
        },
    )


# Coming into care, moving, new orders, leaving care, and who works with the child.


@child_write()
def start(request, child):
    person = child.person
    if services.open_period(person) and not opened_before(request):
        return redirect(care_url(person))
    previous = services.latest_period(person)
    initial = {"home_postcode": previous.episodes.last().home_postcode} if previous else {}
    form = forms.StartCareForm(posted(request), initial=initial)

    def save(form):
        done_meanwhile(services.open_period(person) is not None, "started a period of care")
        data = form.cleaned_data
        worker = data["worker"]
        services.start_care(
            person,
            start_date=data["start_date"],
            legal_status=data["legal_status"],
            placement=form.placement(),
            home_postcode=data["home_postcode"],
            category_of_need=data["category_of_need"],
            worker=worker,
            team=services.team_of(worker, TeamKind.CHILDREN_IN_CARE),
            iro=data["iro"],
            virtual_school=data["virtual_school"],
            previous_permanence=form.permanence_before(),
            worker_change_reason=data["worker_change_reason"],
        )

    return _form(
        request,
        person,
        form,
        save,
        title="Start a period of care",
        button="Start the period of care",
        editing=person.periods_of_care.all(),
        success="The child is now looked after. Their first review is due within 20 working days.",
    )


@child_write()
def change_placement(request, child):
    person = child.person
    period = _period(person)
    form = forms.ChangePlacementForm(posted(request), current=period.current_episode())

    def save(form):
        data = form.cleaned_data
        services.change_placement(
            period,
            start_date=data["start_date"],
            placement=form.placement(),
            reason_place_change=data["reason_place_change"],
            carers_changed=data["carers_changed"],
            legal_status=data["legal_status"] or None,
        )

    return _form(
        request,
        person,
        form,
        save,
        title="Change placement",
        button="Record the move",
        editing=[period, period.episodes.all()],
        success="Placement change recorded. Visit the child within a week of the move.",
        facts=[("Current placement", str(period.current_episode()))],
    )


@child_write()
def change_legal_status(request, child):
    person = child.person
    period = _period(person)
    form = forms.LegalStatusForm(posted(request))

    def save(form):
        services.change_legal_status(period, **form.cleaned_data)

    return _form(
        request,
        person,
        form,
        save,
        title="Change legal status",
        success="Legal status changed.",
        editing=[period, period.episodes.all()],
        facts=[("Current legal status", period.current_episode().get_legal_status_display())],
    )


@child_write()
def end(request, child):
    person = child.person
    period = _period(person)
    form = forms.EndCareForm(posted(request))

    def save(form):
        services.end_care(period, **form.cleaned_data)

    return _form(
        request,
        person,
        form,
        save,
        title="End the period of care",
        button="End the period of care",
        editing=[period, period.episodes.all()],
        success="The period of care has ended.",
        intro=(
            "If the young person is a care leaver, allocate a personal adviser from their leaving care page."
        ),
    )


@child_write()
def social_worker(request, child):
    person = child.person
    form = forms.SocialWorkerForm(
        posted(request),
        initial={"on": timezone.localdate(), "worker": _current(person, InvolvementKind.ALLOCATED_WORKER)},
    )

    def save(form):
        data = form.cleaned_data
        worker = data["worker"]
        services.allocate_social_worker(
            person,
            worker,
            services.team_of(worker, TeamKind.CHILDREN_IN_CARE),
            data["on"],
            data["worker_change_reason"],
        )

    return _form(
        request, person, form, save, title="Change social worker", success="Social worker allocated."
    )


@child_write()
def iro(request, child):
    person = child.person
    form = forms.IROForm(
        posted(request), initial={"on": timezone.localdate(), "iro": _current(person, InvolvementKind.IRO)}
    )

    def save(form):
        services.allocate_iro(person, form.cleaned_data["iro"], form.cleaned_data["on"])

    return _form(
        request,
        person,
        form,
        save,
        title="Allocate an independent reviewing officer",
        success="Independent reviewing officer allocated.",
    )


# Things recorded while in care: one form each, saved into the period of care.


def _recorder(form_class, model, title, success, made_by=None, work=Work.CASEWORK):
    return recorder(
        form_class,
        model,
        title=title,
        success=success,
        made_by=made_by,
        back=care_url,
        within=lambda person: {"period": _period(person)},
        work=work,
    )


review = _recorder(
    forms.ReviewForm, Review, "Record a looked-after review", "Review recorded.", work=Work.REVIEW
)
visit = _recorder(forms.VisitForm, Visit, "Record a statutory visit", "Visit recorded.", made_by="visited_by")
health = _recorder(
    forms.HealthAssessmentForm, HealthAssessment, "Record a health assessment", "Health assessment recorded."
)
dental = _recorder(forms.DentalCheckForm, DentalCheck, "Record a dental check", "Dental check recorded.")
sdq = _recorder(
    forms.SDQForm,
    StrengthsAndDifficulties,
    "Record a strengths and difficulties questionnaire",
    "Questionnaire recorded.",
)
substance = _recorder(
    forms.SubstanceMisuseForm,
    SubstanceMisuse,
    "Record a substance misuse problem",
    "Substance misuse recorded.",
)
youth_justice = _recorder(
    forms.YouthJusticeForm, YouthJusticeDisposal, "Record a conviction or youth caution", "Recorded."
)
pep = _recorder(
    forms.PEPForm,
    PersonalEducationPlan,
    "Record a Personal Education Plan meeting",
    "PEP recorded.",
    work=Work.EDUCATION,
)
missing = _recorder(
    forms.MissingForm, MissingEpisode, "Record a missing or away episode", "Missing episode recorded."
)
permanence = _recorder(
    forms.PermanencePlanForm, PermanencePlan, "Record the permanence plan", "Permanence plan recorded."
)
deprivation_of_liberty = _recorder(
    forms.DeprivationOfLibertyForm,
    DeprivationOfLiberty,
    "Record a deprivation of liberty order",
    "Order recorded.",
)


@child_write()
def care_planning(request, child):
    """A care plan for the period, or a placement plan or written notice for the current placement."""
    person = child.person
    period = _period(person)
    placement_from = period.placement_start()

    def save(form):
        record = form.save(commit=False)
        record.placement_from = placement_from if record.kind in PER_PLACEMENT else None
        record.save()

    return _form(
        request,
        person,
        forms.CarePlanningForm(posted(request), instance=CarePlanning(period=period)),
        save,
        title="Record a care plan, placement plan or notice",
        success="Recorded.",
        facts=[
            ("Looked after since", f"{period.start_date:%-d %B %Y}"),
            ("Current placement since", f"{placement_from:%-d %B %Y}"),
        ],
        intro="A placement plan or notice is recorded for the current placement. The care plan is due within "
        "10 working days of the first placement; the placement plan and, after an emergency "
        "placement, the written notice within 5 working days of the placement.",
    )


@child_write()
def temporary_approval(request, child):
    """A connected person's temporary approval as foster carer: give it, extend it, or record how it ended."""
    person = child.person
    period = _period(person)
    instance = TemporaryApproval.objects.filter(
        period=period, ended_on__isnull=True
    ).first() or TemporaryApproval(period=period)
    facts = [("Approved until", f"{instance.ends_on:%-d %B %Y}")] if instance.pk else []
    return _form(
        request,
        person,
        forms.TemporaryApprovalForm(posted(request), instance=instance),
        lambda form: form.save(),
        title="Connected person's temporary approval",
        success="Approval saved.",
        facts=facts,
        intro="Temporary approval lasts up to 16 weeks from the day it is given, and may be "
        "extended once by up to 8 weeks, or until a review of a refusal is decided.",
    )


@child_write()
def national_transfer(request, child):
    """A referral to the National Transfer Scheme: allocation to a receiving council, then the transfer."""
    person = child.person
    uasc = UnaccompaniedChild.objects.filter(person=person).first()
    if uasc is None:
        return redirect("care:unaccompanied", person.pk)
    instance = uasc.national_transfers.filter(
        transferred_on__isnull=True, withdrawn_on__isnull=True
    ).first() or NationalTransfer(uasc=uasc)
    return _form(
        request,
        person,
        forms.NationalTransferForm(posted(request), instance=instance),
        lambda form: form.save(),
        title="National Transfer Scheme",
        success="Transfer saved.",
        intro="Once a receiving council is allocated, the child should move within 10 working days.",
    )


@child_write()
def missing_return(request, child):
    """The child came back: the end of the latest open episode, and the return interview."""
    person = child.person
    episode = MissingEpisode.objects.filter(person=person).order_by("-started_on", "-pk").first()
    if episode is None:
        raise Http404("No missing episode is recorded.")
    return _form(
        request,
        person,
        forms.MissingReturnForm(posted(request), instance=episode),
        lambda form: form.save(),
        title="Record the return and return interview",
        success="Return recorded.",
        facts=[("Missing or away since", f"{episode.started_on:%-d %B %Y}")],
    )


@child_write()
def adoption(request, child):
    person = child.person
    period = _period(person)
    instance = Adoption.objects.filter(period=period).first() or Adoption(period=period)
    return _form(
        request,
        person,
        forms.AdoptionForm(posted(request), instance=instance),
        lambda form: form.save(),
        title="Adoption steps",
        success="Adoption steps saved.",
        intro="Record each step on the day it happens; the adoption measures are worked out from them.",
    )


@child_write()
def unaccompanied(request, child):
    person = child.person
    instance = UnaccompaniedChild.objects.filter(person=person).first() or UnaccompaniedChild(person=person)
    form = forms.UnaccompaniedForm(posted(request), instance=instance)

    def save(form):
        form.save()
        year = form.cleaned_data.get("estimated_birth_year")
        if form.cleaned_data["age_undetermined"] and year:
            person.birth_date = designated_birth_date(year)
            person.save(update_fields=["birth_date"])

    return _form(
        request, person, form, save, title="Unaccompanied asylum-seeking child", success="Arrival recorded."
    )


@child_write()
def age_assessment(request, child):
    """Refer for an age assessment, or, when one is open, record its outcome."""
    person = child.person
    uasc = UnaccompaniedChild.objects.filter(person=person).first()
    if uasc is None:
        return redirect("care:unaccompanied", person.pk)
    open_ = uasc.age_assessments.filter(completed_on__isnull=True).first()
    if open_:
        form = forms.AgeAssessmentOutcomeForm(posted(request), instance=open_)
        return _form(
            request,
            person,
            form,
            lambda form: form.save(),
            title="Record the age assessment outcome",
            success="Age assessment outcome recorded.",
            facts=[("Referred", f"{open_.referred_on:%-d %B %Y}"), ("Due", f"{open_.due_on:%-d %B %Y}")],
        )
    form = forms.AgeAssessmentReferralForm(posted(request), instance=AgeAssessment(uasc=uasc))
    return _form(
        request,
        person,
        form,
        lambda form: form.save(),
        title="Refer for an age assessment",
        success="Referral recorded. The assessment is due within 28 days.",
    )


# A looked-after review and its recommendations, and the recommendations printed for the child and family.


def _review_url(review) -> str:
    return reverse("care:review_page", args=[review.pk])


@casework_read(Review, part=Part.CARE)
def review_page(request, review, child):
    return render(
        request,
        "care/review.html",
        {
            "person": child.person,
            "review": review,
            "recommendations": review.recommendations.order_by("pk"),
            "may_review": child.may(Work.REVIEW),
        },
    )


@casework_write(Review, Work.REVIEW)
def add_recommendation(request, review, child):
    return planning.add_action(
        request,
        child,
        back_url=_review_url(review),
        what="looked-after review",
        create=lambda **fields: ReviewRecommendation.objects.create(review=review, **fields),
    )


@casework_write(Review, Work.REVIEW)
def recommendations_done(request, review, child):
    return planning.mark_done(
        request,
        child,
        actions=review.recommendations.order_by("pk"),
        back_url=_review_url(review),
        what="looked-after review",
    )


def _print_review(request, review, child, pdf):
    name = child.person.forename or "the child"
    sections = [
        ("What the review recommended", [], planning.action_rows(review.recommendations.order_by("pk")))
    ]
    due = review.period.next_review_due
    if due and review.period.is_open:
        sections.append(("When the next review will be", [f"By {due:%-d %B %Y}."], []))
    return planning.print_plan(
        request,
        child,
        title="Looked-after review: recommendations",
        sections=sections,
        pdf=pdf,
        pdf_url=reverse("care:review_pdf", args=[review.pk]),
        filename=f"review-recommendations-{child.person.la_id}.pdf",
        intro=f"{name}'s review was held on {review.held_on:%-d %B %Y}"
        + (f", chaired by {review.iro}" if review.iro else "")
        + ".",
    )


@casework_read(Review, part=Part.CARE)
def print_review(request, review, child):
    return _print_review(request, review, child, pdf=False)


@casework_read(Review, part=Part.CARE)
def review_pdf(request, review, child):
    return _print_review(request, review, child, pdf=True)


# The children in care worklist.


@signed_in
def worklist(request):
    """Due and overdue work for the children in care the user can open: paged, filtered by type of work,
    overdue only and worker, each row naming the child's worker."""
    today = timezone.localdate()
    children = children_in_care(request.user, today)
    items = worklist_items(children, today, CARE_TIMESCALES)
    listed = worklist_page(
        items, today, WorkFilter.from_query(request.GET), request.GET.get("page"), record_url("care")
    )
    rows = listed.page.object_list
    far = placed_far_from_home(children)
    shown = {row.person.pk for row in rows} | {episode.person_id for episode in far}
    if shown:
        disclose(
            request,
            DisclosureKind.LIST,
            sorted(shown),
            what=f"Children in care: due work, page {listed.page.number}",
        )
    return render(
        request,
        "care/worklist.html",
        {
            "listed": listed,
            "page": listed.page,
            "rows": rows,
            "total": listed.total,
            "nts": nts_position(today),
            "show_workers": True,
            "paging": listed.chosen.query(),
            "far": far,
            "far_miles": FAR_FROM_HOME_MILES,
        },
    )
