"""Front-door figures for the performance dashboard (the hook is described in performance.registry)."""

from performance.counting import kept_records, proportion, record_key
from performance.periods import Period
from performance.registry import Case, Figure, register_computation

from .models import Referral, is_re_referral, re_referral_window_start


@register_computation("CSC_RE_REFERRALS")
def re_referrals(period: Period) -> Figure | None:
    """Referrals in the period, counted when the child had another referral in the 12 months before.

    The rule is applied to the referral dates held now, not the flag stored when each referral was
    saved, so a referral recorded late or a duplicate record merged moves the figure as it should.
    A child's referrals on one day are one referral.
    """
    kept = kept_records()
    rows = (
        Referral.objects.filter(
            referral_date__gte=re_referral_window_start(period.start), referral_date__lte=period.end
        )
        .order_by("referral_date", "id")
        .values_list("id", "person_id", "referral_date")
    )
    last_referred = {}  # child -> their latest referral date so far
    cases = []
    for pk, person_id, day in rows:
        child = kept(person_id)
        previous = last_referred.get(child)
        if previous == day:
            continue  # the same day's referral: already counted once
        last_referred[child] = day
        if day >= period.start:
            cases.append(Case(child, day, is_re_referral(day, previous), record_key(Referral, pk)))
    return proportion(cases)
