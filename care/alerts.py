"""Alerts on a child's record from care: looked after now, missing or away now, and placement instability
(the threshold and look-back declared with the alert in people.alerts, counted as the stability indicator
counts placements)."""

from collections import defaultdict

from dateutil.relativedelta import relativedelta
from django.urls import reverse

from people.alerts import ALERTS, raises

from .indicators import placements, placements_in
from .models import Episode, MissingEpisode, PeriodOfCare


@raises("looked_after")
def looked_after(person_ids, on):
    periods = PeriodOfCare.objects.filter(person_id__in=person_ids, start_date__lte=on).exclude(
        end_date__lte=on
    )
    return [
        (f"Since {period.start_date:%-d %B %Y}", reverse("care:record", args=[period.person_id]))
        for period in periods.order_by("start_date")
    ]


@raises("missing")
def missing_now(person_ids, on):
    episodes = MissingEpisode.objects.filter(
        person_id__in=person_ids, started_on__lte=on, ended_on__isnull=True
    )
    return [
        (
            f"{episode.get_kind_display().split(':')[0]} since {episode.started_on:%-d %B %Y}",
            reverse("care:record", args=[episode.person_id]),
        )
        for episode in episodes.order_by("started_on")
    ]


@raises("placement_instability")
def placement_instability(person_ids, on):
    kind = ALERTS["placement_instability"]
    since = on - relativedelta(months=kind.months) + relativedelta(days=1)
    rows = Episode.objects.filter(person_id__in=person_ids, start_date__lte=on).exclude(
        period__end_date__lt=since
    )
    by_period, ends = defaultdict(list), {}
    for period_id, end, *episode in rows.order_by("period_id", "start_date", "pk").values_list(
        "period_id",
        "period__end_date",
        "start_date",
        "reason_new",
        "placement_type",
        "provider_name",
        "placement_postcode",
    ):
        by_period[period_id].append(episode)
        ends[period_id] = end
    count = placements_in([(ends[p], placements(episodes)) for p, episodes in by_period.items()], since, on)
    if count < kind.threshold:
        return []
    return [
        (
            f"{count} placements in the {kind.months} months to {on:%-d %B %Y}",
            reverse("care:record", args=[person_ids[0]]),
        )
    ]
