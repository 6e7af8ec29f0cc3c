"""Family Help deadlines: assessments (45 working days) and child in need plan reviews."""

from timescales.due import DueItem, due_source

from .models import Assessment, CINPlan


@due_source
def open_assessments(person_ids, on):
    open_ = Assessment.objects.filter(person_id__in=person_ids, authorisation_date__isnull=True)
    for assessment in open_.only("person_id", "due_date"):
        yield DueItem(
            assessment.person_id,
            "Complete the child and family assessment",
            assessment.due_date,
            "ASSESSMENT",
            drift=assessment.due_date < on,
        )


@due_source
def cin_plan_reviews(person_ids, on):
    plans = CINPlan.objects.filter(
        person_id__in=person_ids, end_date__isnull=True, next_review_due__isnull=False
    )
    for plan in plans.only("person_id", "next_review_due"):
        yield DueItem(
            plan.person_id, "Review the child in need plan", plan.next_review_due, "CIN_PLAN_REVIEW"
        )
