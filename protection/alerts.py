"""Alerts on a child's record from child protection: a plan open today."""

from django.urls import reverse

from people.alerts import raises
from timescales.dates import open_at_end_of

from .models import ChildProtectionPlan


@raises("cp_plan")
def on_a_plan(person_ids, on):
    plans = ChildProtectionPlan.objects.filter(open_at_end_of(on), person_id__in=person_ids)
    return [
        (
            (
                f"Since {plan.start_date:%-d %B %Y}, under the category "
                f"{plan.get_latest_category_display().lower()}"
            ),
            reverse("protection:plan", args=[plan.pk]),
        )
        for plan in plans.order_by("start_date")
    ]
