"""Children in care are children in need: a synthetic child keeps an open CIN episode while looked after.

Councils keep a looked-after child's referral (the CIN census's CIN episode) open for as long as the child
is looked after, and the census counts them as children in need. The journeys before care
(frontdoor.synthetic) leave one open for children whose proceedings brought them into care; the others came
from families open to no one, so every day of a period of care that none of the child's referrals covers
gets one here: from a few weeks before care began (never overlapping an earlier episode, which the census
rejects: rule 8820) to the day care ended, closed with the reason its ending gives, or still open.
"""

from collections import defaultdict

from council.synthetic.casework import Weighted, between, date
from council.synthetic.registry import contributes
from frontdoor.codes import ClosureReason as RC
from frontdoor.codes import ReferralSource
from frontdoor.models import Referral, re_referral_window_start

from .codes import ADOPTED, SPECIAL_GUARDIANSHIP
from .codes import ReasonEpisodeCeased as REC

QUERY_CHUNK = 5_000
REFERRED_BEFORE_CARE_DAYS = (0, 42)  # the referral that care follows, at most six weeks before
CLOSURE_FOR_ENDING = {
    **dict.fromkeys(ADOPTED, RC.ADOPTED),
    **dict.fromkeys(SPECIAL_GUARDIANSHIP, RC.SGO),
    REC.CHILD_ARRANGEMENTS_ORDER: RC.CHILD_ARRANGEMENTS,
    REC.OTHER_LA: RC.TRANSFERRED_LA,
    REC.DIED: RC.DIED,
    REC.ADULT_SOCIAL_CARE: RC.TRANSFERRED_ADULTS,
}


def gaps(start: int, end: int | None, held: list[tuple[int, int | None]]) -> list[tuple[int, int | None]]:
    """The stretches of a period of care (days as ordinals, `end` None while still looked after) with no CIN
    episode open at the end of the day: [(from, to or None)]. `held` is the child's episodes (referral date,
    closure date or None). An episode open at the end of a day is one referred by it and not closed by it,
    so a stretch runs from a closure to the next referral, and a new episode may start on a closure's day."""
    cursor, found = start, []
    for referred, closed in sorted(held):
        if closed is not None and closed <= cursor:
            continue
        if end is not None and cursor >= end:
            break
        if referred > cursor:
            found.append((cursor, referred if end is None else min(referred, end)))
        if closed is None:
            return found
        cursor = max(cursor, closed)
    if end is None or cursor < end:
        found.append((cursor, end))
    return found


@contributes(order=64)
def in_need_while_looked_after(council):
    """A CIN episode for each stretch of care no episode of the child's covers (see the module's
    docstring)."""
    r = council.rng("care.cin_episodes")
    index, as_at = council.lookups["people.children"], council.as_at.toordinal()
    teams = council.lookups["access.teams"]["children_in_care"]
    sources = Weighted(council.rates.journeys.contact_sources)
    periods = defaultdict(list)
    for plan in council.lookups["care.periods"] + council.lookups["care.ended_periods"]:
        for child in plan.children:
            periods[child].append(plan)
    children = sorted(periods)
    now_re_referrals = []
    for n in range(0, len(children), QUERY_CHUNK):
        chunk = children[n : n + QUERY_CHUNK]
        held = defaultdict(list)
        rows = Referral.objects.filter(person_id__in=[index.person_ids[c] for c in chunk])
        for pk, person_id, referred, closed in rows.values_list(
            "pk", "person_id", "referral_date", "closure_date"
        ):
            held[person_id].append((referred.toordinal(), closed and closed.toordinal(), pk))
        for child in chunk:
            person_id = index.person_ids[child]
            episodes = held[person_id]
            for plan in sorted(periods[child], key=lambda p: p.start):
                for since, until in gaps(plan.start, plan.end, [(s, e) for s, e, _ in episodes]):
                    referred = since
                    if since == plan.start:  # care began without an open episode: the referral came first
                        earlier = max(
                            (e for s, e, _ in episodes if e is not None and e <= since), default=None
                        )
                        referred = since - between(r, REFERRED_BEFORE_CARE_DAYS)
                        referred = max(
                            referred, index.birth[child], earlier if earlier is not None else referred
                        )
                    while any(
                        s == referred for s, _, _ in episodes
                    ):  # two episodes from one day read as overlapping
                        referred += 1
                    closed = until if until is not None and until <= as_at and until > referred else None
                    if until is not None and closed is None:
                        continue
                    reason = ""
                    if closed is not None:
                        ended_care = closed == plan.end
                        reason = (
                            CLOSURE_FOR_ENDING.get(plan.episodes[-1].reason_ceased, RC.CEASED)
                            if ended_care
                            else RC.CEASED
                        )
                    window = re_referral_window_start(date(referred)).toordinal()
                    team = teams[index.household_locality[plan.household] % len(teams)]
                    pk = council.insert(
                        Referral,
                        person_id=person_id,
                        contact_id=None,
                        referral_date=date(referred),
                        source=ReferralSource.OTHER_LEGAL if plan.uasc else sources(r),
                        primary_need=plan.need,
                        is_re_referral=any(window <= s < referred for s, _, _ in episodes),
                        no_further_action=False,
                        closure_date=date(closed) if closed is not None else None,
                        closure_reason=reason,
                        team_id=team.id,
                    )
                    now_re_referrals += [
                        other
                        for s, _, other in episodes  # later episodes it makes re-referrals
                        if referred < s and re_referral_window_start(date(s)).toordinal() <= referred
                    ]
                    episodes.append((referred, closed, pk))
    council.flush()
    Referral.objects.filter(pk__in=now_re_referrals).update(is_re_referral=True)
    Referral.history.filter(id__in=now_re_referrals).update(is_re_referral=True)  # as recorded, not a change
