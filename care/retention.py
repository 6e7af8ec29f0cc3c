"""Care's facts for the retention schedule: being looked after, and adoption orders."""

from retention.facts import Fact, provides_facts

from .models import Adoption, PeriodOfCare


@provides_facts
def looked_after():
    for person_id, start in PeriodOfCare.objects.values_list("person_id", "start_date").order_by("person_id"):
        yield Fact(person_id, "looked_after", start)


@provides_facts
def adopted():
    orders = Adoption.objects.filter(adoption_order_on__isnull=False)
    for person_id, order in orders.values_list("person_id", "adoption_order_on"):
        yield Fact(person_id, "adoption", order)
