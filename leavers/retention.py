"""Leaving care's facts for the retention schedule."""

from retention.facts import Fact, provides_facts

from .models import KeepingInTouch, PathwayPlan


@provides_facts
def care_leavers():
    """A pathway plan or a record of keeping in touch (the 903's OC3) makes a care leaver's record."""
    planned = set(PathwayPlan.objects.values_list("person_id", flat=True))
    in_touch = set(KeepingInTouch.objects.values_list("person_id", flat=True))
    for person_id in sorted(planned | in_touch):
        yield Fact(person_id, "care_leaver")
