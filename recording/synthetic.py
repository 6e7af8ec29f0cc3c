"""What practitioners write, for the synthetic council: case notes, assessment content, plan content,
core groups, review recommendations and the council's letter templates, so the demo's pages are not empty.

It runs last (order 80), reads the journeys already written, and only adds: it writes rows to the tables
of this work (and fills the new assessment columns, the date the child was seen and a place in the
authorisation queue), never changing a column the journeys wrote, so the returns and the dashboard are
the same with or without it. It draws from its own random stream. Content is written for the demo
users' children and a sample of others (SAMPLE); every open child protection plan gets its core group,
who came to the first meeting (drawn with the council) and the meetings every six weeks since.
"""

import datetime

from django.utils import timezone

from access.models import Involvement, InvolvementKind, TeamMembership, User
from care.models import Review, ReviewRecommendation
from council.synthetic.registry import contributes
from familyhelp.framework import SECTIONS
from familyhelp.models import (
    Assessment,
    AssessmentDecision,
    AssessmentSection,
    AuthorisationAction,
    CINPlan,
    CINPlanAction,
    CINPlanObjective,
)
from people.models import Person, Relationship
from protection.codes import CoreGroupAgency
from protection.models import (
    ChildProtectionPlan,
    CoreGroupMeeting,
    CoreGroupMember,
    PlanAction,
    PlanObjective,
)

from .models import CaseNote, ChildSeen, LetterTemplate, NoteChild, NoteKind
from .synthetic_text import (
    ACTIONS,
    CHANGES,
    DIMENSION_TEXT,
    FAMILY_VIEWS,
    LETTER_TEMPLATES,
    NOTES,
    PROFESSIONALS,
    RECOMMENDATIONS,
    VIEWS,
)

SAMPLE = 200  # children with content besides the demo users' own
DEMO_WORKERS = ("social.worker", "care.worker", "personal.adviser")
NOTE_KINDS = [
    (NoteKind.VISIT, 5),
    (NoteKind.PHONE_CALL, 3),
    (NoteKind.DIRECT_WORK, 2),
    (NoteKind.MEETING, 2),
    (NoteKind.CORRESPONDENCE, 1),
]
SEEN = [(ChildSeen.SEEN_ALONE, 5), (ChildSeen.SEEN, 4), (ChildSeen.NOT_SEEN, 1)]


def _weighted(rng, pairs):
    return rng.choices([value for value, _ in pairs], weights=[weight for _, weight in pairs])[0]


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@contributes(order=80)
def case_recording(council):
    rng, as_at = council.rng("recording.content"), council.as_at
    _letter_templates(council)
    allocated = _allocated(as_at)
    demo = set(User.objects.filter(username__in=DEMO_WORKERS).values_list("pk", flat=True))
    mine = sorted(pk for pk, worker in allocated.items() if worker in demo)
    others = sorted(set(allocated) - set(mine))
    chosen = mine + sorted(rng.sample(others, min(SAMPLE, len(others))))
    people = {p.pk: p for p in Person.objects.filter(pk__in=chosen).only("forename", "birth_date")}
    _case_notes(council, rng, chosen, people, allocated, as_at)
    managers = _managers()
    _assessments(council, rng, chosen, people, managers, demo, as_at)
    _cp_plans(council, rng, set(chosen), as_at)
    _cin_plans(council, rng, chosen, people, as_at)
    _reviews(council, rng, chosen, people, as_at)


def _letter_templates(council):
    for name, purpose, body in LETTER_TEMPLATES:
        council.insert(
            LetterTemplate, name=name, purpose=purpose, body=body, active=True, updated_at=_at(council.as_at)
        )


def _allocated(as_at) -> dict[int, int]:
    """Each child with a current allocated worker (or lead practitioner, lead child protection practitioner or
    personal adviser): that worker."""
    rows = (
        Involvement.objects.filter(
            kind__in=[
                InvolvementKind.ALLOCATED_WORKER,
                InvolvementKind.LEAD_PRACTITIONER,
                InvolvementKind.LEAD_CP_PRACTITIONER,
                InvolvementKind.PERSONAL_ADVISER,
            ],
            user__isnull=False,
            start_date__lte=as_at,
        )
        .exclude(end_date__lt=as_at)
        .order_by("start_date", "pk")
    )
    return dict(rows.values_list("person_id", "user_id"))


def _managers() -> dict[int, int]:
    """Each worker's manager: the first manager of the first team they are in."""
    team_manager = {}
    for team_id, user_id in (
        TeamMembership.objects.filter(manages=True).order_by("pk").values_list("team_id", "user_id")
    ):
        team_manager.setdefault(team_id, user_id)
    managers = {}
    for user_id, team_id in (
        TeamMembership.objects.filter(manages=False).order_by("pk").values_list("user_id", "team_id")
    ):
        if team_id in team_manager:
            managers.setdefault(user_id, team_manager[team_id])
    return managers


def _name(people, pk) -> str:
    person = people.get(pk)
    return (person.forename if person else "") or "the child"


def _case_notes(council, rng, chosen, people, allocated, as_at):
    siblings = _siblings(chosen)
    for pk in chosen:
        for _ in range(rng.randint(2, 6)):
            kind = _weighted(rng, NOTE_KINDS)
            day = as_at - datetime.timedelta(days=rng.randint(1, 180))
            summary, text = rng.choice(NOTES[kind])
            name = _name(people, pk)
            note = council.insert(
                CaseNote,
                kind=kind,
                happened_on=day,
                summary=summary.format(name=name),
                text=text.format(name=name),
                author_id=allocated[pk],
                recorded_at=_at(day, 16),
            )
            seen = (
                _weighted(rng, SEEN)
                if kind in (NoteKind.VISIT, NoteKind.DIRECT_WORK)
                else ChildSeen.NOT_RELEVANT
            )
            council.insert(NoteChild, note_id=note, person_id=pk, seen=seen)
            shared = [s for s in siblings.get(pk, []) if allocated.get(s) == allocated[pk]]
            if kind == NoteKind.VISIT and shared and rng.random() < 0.5:
                for sibling in shared:
                    council.insert(NoteChild, note_id=note, person_id=sibling, seen=_weighted(rng, SEEN))


def _siblings(chosen) -> dict[int, list[int]]:
    found = {}
    rows = Relationship.objects.filter(person_id__in=chosen, kind__in=["sibling", "half_sibling"])
    for person_id, relative_id in rows.order_by("pk").values_list("person_id", "relative_id"):
        found.setdefault(person_id, []).append(relative_id)
    return found


def _assessments(council, rng, chosen, people, managers, demo, as_at):
    """The framework's sections for the sampled assessments, the date the child was seen, authorisation."""
    assessments = Assessment.objects.filter(person_id__in=chosen).select_related("referral")
    assessments = list(assessments.order_by("pk"))
    keys = [key for key in SECTIONS if key not in ("child_views", "family_views")]
    for assessment in assessments:
        name = _name(people, assessment.person_id)
        council.insert(
            AssessmentSection,
            assessment_id=assessment.pk,
            section="child_views",
            text=rng.choice(VIEWS).format(name=name),
        )
        council.insert(
            AssessmentSection,
            assessment_id=assessment.pk,
            section="family_views",
            text=rng.choice(FAMILY_VIEWS).format(name=name),
        )
        for key in sorted(rng.sample(keys, rng.randint(6, len(keys)))):
            council.insert(
                AssessmentSection,
                assessment_id=assessment.pk,
                section=key,
                text=rng.choice(DIMENSION_TEXT[key]).format(name=name),
            )
        end = min(assessment.authorisation_date or as_at, as_at)
        seen = min(assessment.start_date + datetime.timedelta(days=rng.randint(0, 7)), end)
        assessment.child_seen_on = max(seen, assessment.referral.referral_date)
        _authorisation(council, rng, assessment, managers, demo)
    Assessment.objects.bulk_update(
        assessments, ["child_seen_on", "sent_for_authorisation_at"], batch_size=500
    )


def _authorisation(council, rng, assessment, managers, demo):
    worker, manager = assessment.worker_id, managers.get(assessment.worker_id)
    if worker is None or manager is None:
        return
    if assessment.authorisation_date:
        done = assessment.authorisation_date
        council.insert(
            AssessmentDecision,
            assessment_id=assessment.pk,
            action=AuthorisationAction.SENT,
            by_id=worker,
            at=_at(done - datetime.timedelta(days=rng.randint(1, 4))),
            comment="",
        )
        council.insert(
            AssessmentDecision,
            assessment_id=assessment.pk,
            action=AuthorisationAction.AUTHORISED,
            by_id=manager,
            at=_at(done, 15),
            comment="Agreed: a clear analysis of the child's needs.",
        )
    elif assessment.outcome and worker in demo:
        assessment.sent_for_authorisation_at = _at(council.as_at - datetime.timedelta(days=1))
        council.insert(
            AssessmentDecision,
            assessment_id=assessment.pk,
            action=AuthorisationAction.SENT,
            by_id=worker,
            at=assessment.sent_for_authorisation_at,
            comment="Ready for your review.",
        )


def _cp_plans(council, rng, chosen, as_at):
    """Every open plan has its core group and its meetings since the first; plans in the sample also what
    needs
    to change."""
    plans = ChildProtectionPlan.objects.filter(start_date__lte=as_at).exclude(end_date__lt=as_at)
    plans = list(plans.select_related("lead_practitioner").order_by("pk")) + list(
        ChildProtectionPlan.objects.filter(person_id__in=chosen, end_date__lt=as_at).order_by("pk")
    )
    parents = _parents({plan.person_id for plan in plans})
    first_met = {}
    met = CoreGroupMeeting.objects.filter(plan_id__in=[plan.pk for plan in plans]).order_by("-held_on", "-pk")
    for pk, plan_id, held_on in met.values_list("pk", "plan_id", "held_on"):
        first_met[plan_id] = (pk, held_on)
    for plan in plans:
        members = []
        for name, role in parents.get(plan.person_id, [])[:2]:
            members.append(
                council.insert(
                    CoreGroupMember,
                    plan_id=plan.pk,
                    name=name,
                    role=role,
                    agency=CoreGroupAgency.FAMILY,
                    joined_on=plan.start_date,
                )
            )
        if plan.lead_practitioner:
            members.append(
                council.insert(
                    CoreGroupMember,
                    plan_id=plan.pk,
                    name=str(plan.lead_practitioner),
                    role="Lead child protection practitioner",
                    agency=CoreGroupAgency.SOCIAL_CARE,
                    joined_on=plan.start_date,
                )
            )
        for role, agency in rng.sample(PROFESSIONALS, 2):
            members.append(
                council.insert(
                    CoreGroupMember,
                    plan_id=plan.pk,
                    name=_professional(council, rng),
                    role=role,
                    agency=agency,
                    joined_on=plan.start_date,
                )
            )
        # The first meeting was drawn with the council (protection.synthetic): who came, then the ones since.
        meeting, held = first_met.get(plan.pk, (None, None))
        end = min(plan.end_date or as_at, as_at)
        while held is not None:
            following = held + datetime.timedelta(weeks=6)
            if meeting is None:
                meeting = council.insert(
                    CoreGroupMeeting,
                    plan_id=plan.pk,
                    person_id=plan.person_id,
                    held_on=held,
                    notes=rng.choice(ACTIONS)[2],
                    next_meeting_on=following,
                )
            for member in members:
                if rng.random() < 0.85:
                    council.insert(
                        CoreGroupMeeting.attendees.through,
                        coregroupmeeting_id=meeting,
                        coregroupmember_id=member,
                    )
            meeting, held = None, following if following <= end else None
        if plan.person_id in chosen:
            _objectives(council, rng, PlanObjective, PlanAction, plan, plan.start_date)


def _professional(council, rng) -> str:
    pool = council.names.british
    return f"{pool.forename(rng, 'U')} {pool.surname(rng)}"


def _parents(person_ids) -> dict[int, list[tuple[str, str]]]:
    found = {}
    rows = (
        Relationship.objects.filter(person_id__in=person_ids, kind__in=["mother", "father"])
        .select_related("relative")
        .order_by("pk")
    )
    for rel in rows:
        found.setdefault(rel.person_id, []).append((rel.relative.full_name, rel.get_kind_display()))
    return found


def _objectives(council, rng, objective_model, action_model, plan, start):
    for text in rng.sample(CHANGES, rng.randint(2, 3)):
        objective = council.insert(objective_model, plan_id=plan.pk, text=text, added_on=start)
        for action, owner, _ in rng.sample(ACTIONS, 2):
            due = start + datetime.timedelta(weeks=rng.randint(2, 16))
            done = due - datetime.timedelta(days=rng.randint(0, 10)) if due < plan_end(plan) else None
            council.insert(
                action_model,
                plan_id=plan.pk,
                objective_id=objective,
                text=action,
                owner=owner,
                due_on=due,
                done_on=done if done and rng.random() < 0.7 else None,
            )


def plan_end(plan) -> datetime.date:
    return plan.end_date or datetime.date.max


def _cin_plans(council, rng, chosen, people, as_at):
    for plan in CINPlan.objects.filter(person_id__in=chosen, start_date__lte=as_at).order_by("pk"):
        _objectives(council, rng, CINPlanObjective, CINPlanAction, plan, plan.start_date)


def _reviews(council, rng, chosen, people, as_at):
    for review in Review.objects.filter(person_id__in=chosen, held_on__lte=as_at).order_by("pk"):
        name = _name(people, review.person_id)
        for text, owner in rng.sample(RECOMMENDATIONS, rng.randint(2, 4)):
            due = review.held_on + datetime.timedelta(weeks=rng.randint(4, 20))
            council.insert(
                ReviewRecommendation,
                review_id=review.pk,
                text=text.format(name=name),
                owner=owner,
                due_on=due,
                done_on=due - datetime.timedelta(days=3) if due < as_at and rng.random() < 0.75 else None,
            )
