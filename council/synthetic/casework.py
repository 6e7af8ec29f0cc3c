"""What the journey contributions share: working days as ordinals, due dates, times, draws and staff.

Journeys are planned in day ordinals (plain ints) because there are hundreds of thousands of
dates; due dates come from the timescales registry with the council's calendar (built from the
closure days generated earlier), so each stored due date is the one the model's save() would store.
Plans run past the as-at date; writers keep only what had happened by then.
"""

from __future__ import annotations

import datetime
import heapq
import random
import zoneinfo
from itertools import accumulate
from typing import TYPE_CHECKING, Any, overload

from django.conf import settings

from timescales import registry
from timescales.workdays import Calendar

if TYPE_CHECKING:
    from access.synthetic import TeamInfo

    from .context import Council


LOCAL = zoneinfo.ZoneInfo(settings.TIME_ZONE)
DAY_MINUTES = 24 * 60


@overload
def date(day: int) -> datetime.date: ...
@overload
def date(day: None) -> None: ...
def date(day: int | None) -> datetime.date | None:
    return datetime.date.fromordinal(day) if day is not None else None


def moment(day: int, minute: int) -> datetime.datetime:
    """A council-local time on the day, `minute` minutes after midnight."""
    hour, minute = divmod(minute, 60)
    return datetime.datetime.combine(date(day), datetime.time(hour, minute), tzinfo=LOCAL)


class Workdays:
    """The council's working days and the registry's due dates, in ordinals, cached.

    Work happens on the days the council is open (`add`, `on_or_after`, `on_or_before` skip closure
    days too); due dates are the registry's, which count statutory working days as the law does.
    """

    def __init__(self) -> None:
        self.calendar = Calendar.from_database()
        self._due: dict[tuple[str, int], int] = {}

    def add(self, day: int, n: int) -> int:
        """The nth day the council is open after `day` (0: the day itself)."""
        return self.calendar.add_working_days(date(day), n, council=True).toordinal() if n else day

    def on_or_after(self, day: int) -> int:
        return day if self.calendar.is_working_day(date(day), council=True) else self.add(day, 1)

    def on_or_before(self, day: int) -> int:
        return self.calendar.working_day_on_or_before(date(day)).toordinal()

    def due(self, code: str, day: int) -> int:
        key = (code, day)
        if key not in self._due:
            self._due[key] = registry.get(code).due(date(day), self.calendar).toordinal()
        return self._due[key]

    def due_on(self, code: str, day: datetime.date) -> datetime.date:
        """`due` in dates: what the pages' own rules take (`timescales.registry.Due`), so the generator sets a
        derived date (a plan's next review) with the function the record uses."""
        return date(self.due(code, day.toordinal()))


class Weighted:
    """A weighted choice over a {value: weight} dict, with the cumulative weights worked out once."""

    def __init__(self, weights: dict[Any, float]) -> None:
        self.values = list(weights)
        self.cum = list(accumulate(weights.values()))

    def __call__(self, rng: random.Random) -> Any:
        return rng.choices(self.values, cum_weights=self.cum)[0]


def between(rng: random.Random, bounds: tuple[int, int]) -> int:
    return rng.randint(*bounds)


class Staff:
    """Who takes a case: a worker in the family's locality team, and conference chairs.

    Cases still open at the as-at date go to the least loaded worker, so caseloads come out even
    and the first workers created (the demo users) hold cases; closed cases went to anyone.
    """

    def __init__(self, council: Council, rng: random.Random) -> None:
        self.rng = rng
        self.teams: dict[str, list[TeamInfo]] = council.lookups["access.teams"]
        self.iros = [
            (0, n, team, worker)
            for n, (team, worker) in enumerate((t, w) for t in self.teams["iro"] for w in t.workers)
        ]

    def team(self, service: str, locality: int) -> TeamInfo:
        teams = self.teams[service]
        return teams[locality % len(teams)]

    def worker(self, team: TeamInfo, children: int, open_now: bool) -> int:
        if not open_now:
            chosen: int = self.rng.choice(team.workers)
            return chosen
        worker = team.least_loaded()
        team.load[worker] = team.load.get(worker, 0) + children
        return worker

    def chair(self, children: int, open_now: bool) -> int:
        """An independent reviewing officer to chair the child's conferences."""
        if not open_now:
            chair: int = self.rng.choice(self.iros)[3]
            return chair
        load, n, team, iro = heapq.heappop(self.iros)
        heapq.heappush(self.iros, (load + children, n, team, iro))
        team.load[iro] = team.load.get(iro, 0) + children
        chosen: int = iro
        return chosen
