"""Measuring how long the dashboard's computations take on a council-sized database.

`build_case_records` bulk-loads plain case records at a chosen scale (three times Leicestershire
is about 20,000 referrals a year, so 100,000 over five years), shaped by the rates in
DOMAIN.md's reference scale: a quarter in four referrals a re-referral, most assessed, about one
referral in ten leading to a child protection plan. It is for timing only: the children have no
names worth reading and no history rows, and the synthetic council generator remains the source
of demo data. `time_dashboard` runs every registered computation for a quarter and files the
figures, as `compute_indicators` does.
"""

import datetime
import random
import statistics
import time
from dataclasses import dataclass

from django.db import connection, reset_queries, transaction
from django.test.utils import CaptureQueriesContext

from council.models import PopulationCount
from familyhelp.models import Assessment
from frontdoor.models import Referral
from people.models import Person
from protection.codes import AbuseCategory, ConferenceKind, ConferenceOutcome
from protection.models import ChildProtectionConference, ChildProtectionPlan
from timescales import registry as timescales

from . import computed
from .periods import Period

YEARS = 5
RE_REFERRED = 0.26  # of referrals, as DOMAIN.md's reference scale (26.4%)
ASSESSED = 0.8
ON_A_PLAN = 0.1  # referrals leading to a child protection plan
CHILD_POPULATION_PER_REFERRAL = 150_000 / 6_700  # Leicestershire: ~150,000 children, ~6,700 referrals a year
BATCH = 5_000


@dataclass(frozen=True)
class Timing:
    runs: list[float]
    queries: int
    figures: int

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


def build_case_records(referrals: int, end: datetime.date, seed: int = 1) -> None:
    """Children, referrals, assessments, plans, review conferences and population counts, in bulk."""
    rng = random.Random(seed)
    start = end - datetime.timedelta(days=365 * YEARS)
    with transaction.atomic():
        children = Person.objects.bulk_create(
            [
                Person(
                    la_id=f"T{seed}-{n:07d}",
                    surname="Timing",
                    birth_date=end - datetime.timedelta(days=rng.randrange(6570)),
                )
                for n in range(int(referrals * (1 - RE_REFERRED)))
            ],
            batch_size=BATCH,
        )
        made = []
        for n in range(referrals):
            child = (
                children[n] if n < len(children) else rng.choice(children)
            )  # the rest: children referred again
            day = start + datetime.timedelta(rng.randrange((end - start).days))
            made.append(
                Referral(
                    person=child, referral_date=day, closure_date=_closed(rng, day, end, 120), source="01"
                )
            )
        Referral.objects.bulk_create(made, batch_size=BATCH)
        Assessment.objects.bulk_create(
            [
                Assessment(
                    referral=r,
                    person_id=r.person_id,
                    start_date=r.referral_date,
                    due_date=r.referral_date,
                    authorisation_date=_by(r.referral_date + datetime.timedelta(rng.randrange(20, 100)), end),
                )
                for r in made
                if rng.random() < ASSESSED
            ],
            batch_size=BATCH,
        )
        plans = []
        for r in made:
            begun = r.referral_date + datetime.timedelta(30)
            if rng.random() < ON_A_PLAN and begun <= end:
                plans.append(
                    ChildProtectionPlan(
                        referral=r,
                        person_id=r.person_id,
                        start_date=begun,
                        end_date=_closed(rng, begun, end, 270),
                        initial_category=AbuseCategory.NEGLECT,
                        latest_category=AbuseCategory.NEGLECT,
                    )
                )
        ChildProtectionPlan.objects.bulk_create(plans, batch_size=BATCH)
        ChildProtectionConference.objects.bulk_create(_reviews(rng, plans, end), batch_size=BATCH)
        per_age = round(referrals / YEARS * CHILD_POPULATION_PER_REFERRAL / 36)  # 18 ages, two sexes
        PopulationCount.objects.bulk_create(
            (
                PopulationCount(year=year, age=age, sex=sex, count=per_age)
                for year in range(start.year, end.year + 1)
                for age in range(19)
                for sex in "MF"
            ),
            ignore_conflicts=True,
        )  # estimates already held stay


def _closed(rng, opened, end, mean_days):
    closed = opened + datetime.timedelta(int(rng.expovariate(1 / mean_days)))
    return _by(closed, end)


def _by(day, end):
    return day if day <= end else None


def _reviews(rng, plans, end):
    """Review conferences near their due dates, a few late, until each plan ends."""
    first_review, later_review = timescales.get("CP_REVIEW_FIRST"), timescales.get("CP_REVIEW_SUBSEQUENT")
    for plan in plans:
        due = first_review.due(plan.start_date)
        while (held := due + datetime.timedelta(rng.choice((-14, -3, 0, 0, 0, 2, 9)))) <= (
            plan.end_date or end
        ):
            yield ChildProtectionConference(
                referral_id=plan.referral_id,
                person_id=plan.person_id,
                plan=plan,
                kind=ConferenceKind.REVIEW,
                date=held,
                outcome=ConferenceOutcome.CONTINUE,
            )
            due = later_review.due(held)


def time_dashboard(period: Period, runs: int = 5) -> Timing:
    """Compute and file every computable indicator for the quarter `runs` times: seconds per run."""
    seconds, queries, figures = [], 0, 0
    for _ in range(runs):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            filed, _ = computed.compute_all(period)
            seconds.append(time.perf_counter() - began)
        queries, figures = len(captured), len(filed)
    return Timing(seconds, queries, figures)
