"""Information shared with partner agencies about some children on CP and child-in-need plans.

Never with the police: their officers see children through the multi-agency team they sit in,
which is what the `police.officer` demo user shows.
"""
import datetime

from council.synthetic.registry import contributes

from .models import LegalBasis, Share
from .partners import synthetic as partners  # noqa: F401  registers partner agencies' records (order 75)

# (agency key, weight, legal basis on a CP plan, legal basis on a CIN plan, purpose)
RECIPIENTS = (
    ("health", 0.35, LegalBasis.CA1989_S47, LegalBasis.DUTY_TO_SHARE, "Health information for the child's plan"),
    ("health_community", 0.25, LegalBasis.DUTY_TO_SHARE, LegalBasis.CONSENT, "Health visiting and school nursing"),
    ("probation", 0.10, LegalBasis.CRIME_AND_DISORDER, LegalBasis.CRIME_AND_DISORDER,
     "Risk posed by an adult in the household"),
    ("school", 0.30, LegalBasis.CA2004_S11, LegalBasis.CA1989_S17, "The designated safeguarding lead's support"),
)


@contributes(order=70)
def shares(council):
    rng = council.rng("sharing.shares")
    agencies = council.lookups["access.agencies"]
    school_agencies = sorted(agencies["schools"].values())
    managers = {team.id: team.manager for teams in council.lookups["access.teams"].values() for team in teams}
    open_cases = council.lookups["access.open_cases"]
    rates, today = council.rates, council.as_at.toordinal()
    weights = [r[1] for r in RECIPIENTS]
    for service in ("child_protection", "child_in_need"):
        for person_id, team_id in open_cases[service]:
            if rng.random() >= rates.share_rate:
                continue
            key, _, on_plan, in_need, purpose = rng.choices(RECIPIENTS, weights=weights)[0]
            agency = rng.choice(school_agencies) if key == "school" else agencies[key]
            start = today - rng.randrange(0, 300)
            end = None
            if rng.random() < rates.ended_share_rate:
                end = min(start + rng.randrange(14, 120), today)
            council.add(Share(
                person_id=person_id, agency_id=agency, purpose=purpose,
                legal_basis=on_plan if service == "child_protection" else in_need,
                start_date=datetime.date.fromordinal(start), end_date=end and datetime.date.fromordinal(end),
                granted_by_id=managers[team_id],
            ))
