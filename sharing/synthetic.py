"""Information shared with partner agencies about some children on CP and child-in-need plans, each with a
lawful basis, a scope and a review date.

Never with the police: their officers see children through the multi-agency team they sit in,
which is what the `police.officer` demo user shows.
"""

import datetime

from access.parts import Part
from access.shares import LawfulBasis, Share
from council.synthetic.registry import contributes
from timescales import registry

from .partners import synthetic as partners  # noqa: F401  registers partner agencies' records (order 75)

# (agency key, weight, lawful basis on a CP plan, lawful basis on a CIN plan, purpose, parts shared)
RECIPIENTS = (
    (
        "health",
        0.35,
        LawfulBasis.CA1989_S47,
        LawfulBasis.DPA2018_SCH1,
        "Health information for the child's plan",
        [Part.IDENTITY, Part.WORKERS, Part.PLANS, Part.FAMILY],
    ),
    (
        "health_community",
        0.25,
        LawfulBasis.CA2004_S11,
        LawfulBasis.CONSENT,
        "Health visiting and school nursing",
        [Part.IDENTITY, Part.ADDRESS, Part.WORKERS, Part.PLANS],
    ),
    (
        "probation",
        0.10,
        LawfulBasis.CRIME_AND_DISORDER,
        LawfulBasis.CRIME_AND_DISORDER,
        "Risk posed by an adult in the household",
        [Part.IDENTITY, Part.WORKERS, Part.PLANS],
    ),
    (
        "school",
        0.30,
        LawfulBasis.CA2004_S11,
        LawfulBasis.CA1989_S17,
        "The designated safeguarding lead's support",
        [Part.IDENTITY, Part.WORKERS, Part.PLANS, Part.CONTACTS],
    ),
)

REVIEWS_LATE_BY = 14  # days: a review due before then was done; the latest may be overdue


@contributes(order=70)
def shares(council):
    rng = council.rng("sharing.shares")
    agencies = council.lookups["access.agencies"]
    school_agencies = sorted(agencies["schools"].values())
    managers = {team.id: team.manager for teams in council.lookups["access.teams"].values() for team in teams}
    open_cases = council.lookups["access.open_cases"]
    rates, today = council.rates, council.as_at.toordinal()
    weights = [r[1] for r in RECIPIENTS]
    review = registry.get("SHARE_REVIEW")
    for service in ("child_protection", "child_in_need"):
        for person_id, team_id in open_cases[service]:
            if rng.random() >= rates.share_rate:
                continue
            key, _, on_plan, in_need, purpose, parts = rng.choices(RECIPIENTS, weights=weights)[0]
            agency = rng.choice(school_agencies) if key == "school" else agencies[key]
            start = today - rng.randrange(0, 300)
            end = None
            if rng.random() < rates.ended_share_rate:
                end = min(start + rng.randrange(14, 120), today)
            started = datetime.date.fromordinal(start)
            reviewed, due = None, review.due(started)
            while due.toordinal() < today - REVIEWS_LATE_BY:  # reviewed on time until lately
                reviewed, due = due, review.due(due)
            council.add(
                Share(
                    person_id=person_id,
                    agency_id=agency,
                    purpose=purpose,
                    parts=list(parts),
                    legal_basis=on_plan if service == "child_protection" else in_need,
                    start_date=started,
                    end_date=end and datetime.date.fromordinal(end),
                    review_date=due,
                    reviewed_on=reviewed,
                    reviewed_by_id=reviewed and managers[team_id],
                    granted_by_id=managers[team_id],
                )
            )
