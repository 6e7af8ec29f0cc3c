"""Privately fostered children in the synthetic council: notified arrangements, each with an allocated social
worker in an assessment team and the visits the regulations require, mostly on time.

About 1.5 arrangements notified a year per 10,000 children, the order of England's notifications; a fifth
notified in advance as proposals. Runs after the care leavers (order 63) on its own random stream.
"""

from access.models import Involvement, InvolvementKind
from council.synthetic.casework import date
from council.synthetic.registry import contributes
from people.synthetic import DIED, UNACCOMPANIED, UNBORN, YEAR_DAYS

from . import visiting
from .models import PrivateFosteringArrangement, PrivateFosteringVisit

NOTIFIED_PER_10K_A_YEAR = 1.5
YEARS = 3  # arrangements notified in the three years to the as-at date
AGES = (8, 15)  # privately fostered children are under 16 (18 if disabled)
PROPOSED_SHARE = 0.2
ENDED_SHARE = 0.5
ON_TIME_SHARE = 0.85


@contributes(order=63)
def private_fostering(council):
    r, index, as_at = (
        council.rng("privatefostering.arrangements"),
        council.lookups["people.children"],
        council.as_at.toordinal(),
    )
    teams = council.lookups["access.teams"]["child_in_need"]
    days = council.lookups["frontdoor.workdays"]
    pool = council.names.british
    wanted = round(council.scale.child_population * NOTIFIED_PER_10K_A_YEAR / 10_000 * YEARS)
    youngest, oldest = as_at - int(AGES[1] * YEAR_DAYS), as_at - int(AGES[0] * YEAR_DAYS)
    # a child the council looks after, or looked after in the recorded years, lives where the council placed
    # them: not privately fostered (nor does the 903 allow a second worker beside the one in care)
    in_care = {
        c
        for key in ("care.periods", "care.ended_periods")
        for plan in council.lookups.get(key, ())
        for c in plan.children
    }
    children = [
        n
        for n in range(len(index))
        if youngest <= index.birth[n] <= oldest
        and not index.flags[n] & (UNBORN | DIED | UNACCOMPANIED)
        and n not in in_care
    ]
    for child in r.sample(children, min(wanted, len(children))):
        notified = as_at - r.randrange(int(YEARS * YEAR_DAYS))
        began = notified + r.randint(10, 42) if r.random() < PROPOSED_SHARE else notified - r.randint(0, 30)
        began = began if began <= as_at else None
        ended = None
        if began is not None and r.random() < ENDED_SHARE and began + 60 < as_at:
            ended = r.randint(began + 60, as_at)
        person_id = index.person_ids[child]
        pk = council.insert(
            PrivateFosteringArrangement,
            person_id=person_id,
            notified_on=date(notified),
            began_on=date(began),
            ended_on=date(ended),
            carer=f"{pool.forename(r, '')} {pool.surname(r)}",
        )
        team = teams[r.randrange(len(teams))]
        worker = team.least_loaded()
        team.load[worker] = team.load.get(worker, 0) + 1
        council.insert(
            Involvement,
            person_id=person_id,
            kind=InvolvementKind.ALLOCATED_WORKER,
            user_id=worker,
            team_id=team.id,
            start_date=date(notified),
            end_date=date(ended),
        )
        first_year = max(notified, began) if began is not None else None
        stop, made = min(ended, as_at + 1) if ended else as_at + 1, []
        while (found := visiting.visit_due(date(notified), date(first_year), made)) is not None:
            due = found[0].toordinal()
            day = due - r.randint(0, 5) if r.random() < ON_TIME_SHARE else days.add(due, r.randint(1, 10))
            day = max(day, made[-1].toordinal() + 1 if made else notified)
            if day >= stop:
                break
            council.insert(
                PrivateFosteringVisit,
                arrangement_id=pk,
                person_id=person_id,
                visited_on=date(day),
                seen_alone=r.random() < 0.9,
            )
            made.append(date(day))
