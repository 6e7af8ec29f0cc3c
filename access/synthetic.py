"""The synthetic council's organisation: agencies, services and teams, staff, and who holds which child.

Team sizes follow from the open cases and caseloads in `council.scales`, so every scale has a
believable workforce. `caseloads` gives each child open at the as-at date the involvements its
journey calls for (allocated worker, lead practitioner, multi-agency team and chair), which is what
gives each demo user something to see. Children in care and care leavers are chosen and allocated
here, so caseloads stay even, and handed over (lookup "access.care_handover") to `care` and `leavers`,
which plan their histories and write their involvements to fit them.
"""

import datetime
import heapq
import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password

from council.scales import Scale
from council.synthetic.casework import Weighted
from council.synthetic.context import Council
from council.synthetic.registry import contributes
from people.synthetic import DIED, UNACCOMPANIED, UNBORN

from .models import Agency, AgencyKind, Involvement, Role, Team, TeamKind, TeamMembership, User
from .models import InvolvementKind as IK

DEMO_HASH_SALT = "thrivedemosalt01"  # one fixed salt: the same hash every run, computed once
# Unusable (it starts with "!") when no demo password is configured: a marker, not a password (bandit B105).
NO_PASSWORD = "!synthetic-staff"  # nosec B105
PERSONAL_ADVISER_FROM_DAYS = 16 * 365 + 4  # a personal adviser is appointed at 16
# Qualified social workers on the Social Work England register (IROs and managers are too); Family Help
# lead practitioners and personal advisers need not be. Numbers follow the user id, so no random draw moves.
REGISTERED_SOCIAL_WORKERS = {Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.IRO}
SWE_NUMBER_START = 100_000


@dataclass(frozen=True)
class TeamSpec:
    """One kind of team: how many workers it needs and what they are called."""

    key: str
    kind: str
    service: str
    label: str
    role: str
    job_title: str
    partners: dict = field(default_factory=dict)  # agency key -> members per team


SERVICES = {
    "front_door": "Front Door and Family Help Service",
    "social_work": "Assessment and Child Protection Service",
    "care": "Children in Care Service",
    "quality": "Safeguarding and Quality Assurance Service",
    "education": "Education and Inclusion Service",
    "business": "Performance and Systems Service",
}
DEPARTMENT = "Children and Family Services"

# Caseload-driven teams are keyed by the open service they hold (see Rates.caseloads).
TEAM_SPECS = (
    TeamSpec(
        "front_door",
        TeamKind.FRONT_DOOR,
        "front_door",
        "Front Door (MASH)",
        Role.SOCIAL_WORKER,
        "Social Worker",
    ),
    TeamSpec(
        "family_help",
        TeamKind.FAMILY_HELP,
        "front_door",
        "Family Help Team",
        Role.LEAD_PRACTITIONER,
        "Family Help Practitioner",
    ),
    TeamSpec(
        "child_in_need",
        TeamKind.ASSESSMENT,
        "social_work",
        "Assessment Team",
        Role.SOCIAL_WORKER,
        "Social Worker",
    ),
    TeamSpec(
        "child_protection",
        TeamKind.MULTI_AGENCY_CP,
        "social_work",
        "Multi-Agency Child Protection Team",
        Role.SOCIAL_WORKER,
        "Lead Child Protection Practitioner",
    ),
    TeamSpec(
        "children_in_care",
        TeamKind.CHILDREN_IN_CARE,
        "care",
        "Children in Care Team",
        Role.SOCIAL_WORKER,
        "Social Worker",
    ),
    TeamSpec(
        "care_leavers",
        TeamKind.LEAVING_CARE,
        "care",
        "Leaving Care Team",
        Role.PERSONAL_ADVISER,
        "Personal Adviser",
    ),
    TeamSpec(
        "placements",
        TeamKind.PLACEMENTS,
        "care",
        "Placements and Commissioning",
        Role.PLACEMENTS_OFFICER,
        "Placements Officer",
    ),
    TeamSpec(
        "iro",
        TeamKind.IRO,
        "quality",
        "Independent Reviewing Service",
        Role.IRO,
        "Independent Reviewing Officer",
    ),
    TeamSpec(
        "virtual_school",
        TeamKind.VIRTUAL_SCHOOL,
        "education",
        "Virtual School",
        Role.VIRTUAL_SCHOOL,
        "Virtual School Officer",
    ),
    TeamSpec(
        "education",
        TeamKind.EDUCATION,
        "education",
        "Education Inclusion Team",
        Role.EDUCATION_OFFICER,
        "Education Inclusion Officer",
    ),
    TeamSpec(
        "performance",
        TeamKind.PERFORMANCE,
        "business",
        "Performance and Business Intelligence",
        Role.ANALYST,
        "Performance Analyst",
    ),
    TeamSpec(
        "admin",
        TeamKind.ADMINISTRATION,
        "business",
        "System Administration",
        Role.ADMINISTRATOR,
        "Systems Administrator",
    ),
    TeamSpec(
        "information_governance",
        TeamKind.INFORMATION_GOVERNANCE,
        "business",
        "Information Governance",
        Role.DATA_PROTECTION_OFFICER,
        "Data Protection Officer",
    ),
)
PARTNER_ROLES = {  # agency key -> (role, job titles)
    "police": (Role.PARTNER, ("Detective Constable", "Police Sergeant")),
    "health": (Role.PARTNER, ("Safeguarding Nurse", "Health Visitor", "Named Nurse for Safeguarding")),
    "education": (Role.EDUCATION_OFFICER, ("Education Safeguarding Officer",)),
    "probation": (Role.PARTNER, ("Probation Officer",)),
}
# The fixed demo accounts (documented in README.md): (team spec, role, agency key) they fill in
# the first team of that spec.
DEMO_USERS = {
    "social.worker": ("child_protection", Role.SOCIAL_WORKER, "council"),
    "front.door": ("front_door", Role.SOCIAL_WORKER, "council"),
    "team.manager": ("child_protection", Role.TEAM_MANAGER, "council"),
    "front.door.manager": ("front_door", Role.TEAM_MANAGER, "council"),
    "iro": ("iro", Role.IRO, "council"),
    "care.worker": ("children_in_care", Role.SOCIAL_WORKER, "council"),
    "personal.adviser": ("care_leavers", Role.PERSONAL_ADVISER, "council"),
    "education.officer": ("education", Role.EDUCATION_OFFICER, "council"),
    "virtual.school": ("virtual_school", Role.VIRTUAL_SCHOOL, "council"),
    "police.officer": ("child_protection", Role.PARTNER, "police"),
    "analyst": ("performance", Role.ANALYST, "council"),
    "admin": ("admin", Role.ADMINISTRATOR, "council"),
    "dpo": ("information_governance", Role.DATA_PROTECTION_OFFICER, "council"),
}


@dataclass
class TeamInfo:
    id: int
    name: str
    manager: int
    workers: list[int]  # user ids holding cases
    load: dict[int, int] = field(default_factory=dict)
    partners: dict[str, list[int]] = field(
        default_factory=dict
    )  # agency key -> member user ids (multi-agency teams)

    def least_loaded(self) -> int:
        return min(self.workers, key=lambda w: self.load.get(w, 0))


def _slug(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text).lower() if c.isalpha())


def password_hash() -> str:
    demo_password = getattr(settings, "DEMO_PASSWORD", None)
    return make_password(demo_password, salt=DEMO_HASH_SALT) if demo_password else NO_PASSWORD


@contributes(order=30)
def agencies(council: Council) -> None:
    """The council, its safeguarding partners, and every school (schools receive shares)."""
    county = council.geography.county
    found: dict[str, Any] = {}

    def agency(key: str, name: str, kind: str) -> None:
        row = Agency(name=name, kind=kind)
        council.add(row)
        found[key] = row.pk

    agency("council", council.scale.council_name, AgencyKind.LOCAL_AUTHORITY)
    agency("police", f"{county} Police", AgencyKind.POLICE)
    agency("health", f"{county} Integrated Care Board", AgencyKind.HEALTH)
    agency("health_hospitals", f"{county} Hospitals NHS Trust", AgencyKind.HEALTH)
    agency("health_community", f"{county} Partnership NHS Trust", AgencyKind.HEALTH)
    agency("probation", f"Probation Service ({county})", AgencyKind.PROBATION)
    schools: dict[int, int] = {}
    for school in council.lookups["education.schools"]:
        row = Agency(name=school.name, kind=AgencyKind.EDUCATION)
        council.add(row)
        schools[school.id] = row.pk
    found["schools"] = schools
    council.lookups["access.agencies"] = found


class Workforce:
    """Creates teams and their staff, numbering usernames as a council's directory would."""

    def __init__(self, council: Council) -> None:
        self.council = council
        self.rng = council.rng("access.staff")
        self.agencies = council.lookups["access.agencies"]
        self.password = password_hash()
        self.usernames: set[str] = set()
        self.unfilled_demo = dict(DEMO_USERS)
        self.demo_ids: dict[str, int] = {}
        self.names: dict[int, str] = {}  # user id -> full name, for attendance lists
        self.rates = council.rates
        self.ethnicities = list(self.rates.ethnicity_weights)
        self.ethnicity_weights = list(self.rates.ethnicity_weights.values())

    def team(self, name: str, kind: str, parent: int | None = None) -> Team:
        row = Team(name=name, kind=kind, parent_id=parent)
        self.council.add(row)
        return row

    def user(
        self,
        team_id: int,
        role: str,
        job_title: str,
        *,
        agency: str = "council",
        manages: bool = False,
        spec_key: str | None = None,
    ) -> int:
        r = self.rng
        ethnicity = r.choices(self.ethnicities, weights=self.ethnicity_weights)[0]
        pool = self.council.names.for_ethnicity(ethnicity)
        sex = "F" if r.random() < self.rates.workforce_female_share else "M"
        first, last = pool.forename(r, sex), pool.surname(r)
        username = self._demo_username(spec_key, role, agency) or self._username(first, last)
        joined = self.council.as_at - datetime.timedelta(days=r.randrange(30, 12 * 365))
        domain = "police" if agency == "police" else "nhs" if agency.startswith("health") else "council"
        pk = self.council.new_id(User)
        registered = agency == "council" and role in REGISTERED_SOCIAL_WORKERS
        user = User(
            pk=pk,
            username=username,
            first_name=first,
            last_name=last,
            role=role,
            job_title=job_title,
            swe_number=f"SW{SWE_NUMBER_START + pk}" if registered else "",
            email=f"{username}@{_slug(self.council.geography.county)}-{domain}.example",
            agency_id=self.agencies[agency],
            password=self.password,
            is_staff=role == Role.ADMINISTRATOR,
            is_superuser=role == Role.ADMINISTRATOR,
            date_joined=datetime.datetime.combine(joined, datetime.time(9), tzinfo=datetime.UTC),
        )
        self.council.add(user)
        self.names[user.pk] = f"{first} {last}"
        self.council.add(TeamMembership(user_id=user.pk, team_id=team_id, manages=manages))
        if username in DEMO_USERS:
            self.demo_ids[username] = user.pk
        return user.pk

    def _demo_username(self, spec_key: str | None, role: str, agency: str) -> str | None:
        for username, wanted in list(self.unfilled_demo.items()):
            if wanted == (spec_key, role, agency):
                del self.unfilled_demo[username]
                self.usernames.add(username)
                return username
        return None

    def _username(self, first: str, last: str) -> str:
        base = f"{_slug(first)}.{_slug(last)}"
        username, n = base, 1
        while username in self.usernames:
            n += 1
            username = f"{base}{n}"
        self.usernames.add(username)
        return username


def _workers_needed(scale: Scale, spec: TeamSpec) -> int:
    caseloads: dict[str, int] = scale.rates.caseloads
    if spec.key == "iro":
        reviewed = scale.open_children("child_protection") + scale.open_children("children_in_care")
        return math.ceil(reviewed / caseloads["iro"])
    if spec.key in caseloads:
        return math.ceil(scale.open_children(spec.key) / caseloads[spec.key])
    return scale.support_staff(spec.key)


def _team_names(spec: TeamSpec, count: int, localities: Sequence[str]) -> list[str]:
    if count == 1:
        return [spec.label]
    names = []
    for i in range(count):
        place = localities[i % len(localities)]
        lap = i // len(localities)
        names.append(f"{place} {spec.label}" + (f" {lap + 1}" if lap else ""))
    return names


@contributes(order=31)
def teams_and_staff(council: Council) -> None:
    """Department, services, teams; a manager for each; workers and partner members; demo users."""
    scale, rates = council.scale, council.rates
    workforce = Workforce(council)
    department = workforce.team(DEPARTMENT, TeamKind.SERVICE)
    workforce.user(
        department.pk, Role.SERVICE_MANAGER, "Director of Children and Family Services", manages=True
    )
    services: dict[str, int] = {}
    for key, name in SERVICES.items():
        services[key] = workforce.team(name, TeamKind.SERVICE, department.pk).pk
        workforce.user(services[key], Role.SERVICE_MANAGER, "Head of Service", manages=True)

    teams: dict[str, list[TeamInfo]] = {}
    for spec in TEAM_SPECS:
        workers = _workers_needed(scale, spec)
        per_team = rates.workers_per_team.get(spec.key, rates.workers_per_team["support"])
        count = math.ceil(workers / per_team)
        partners = (
            rates.macpt_partners
            if spec.key == "child_protection"
            else (rates.front_door_partners if spec.key == "front_door" else {})
        )
        teams[spec.key] = []
        for i, name in enumerate(_team_names(spec, count, council.geography.localities)):
            team = workforce.team(name, spec.kind, services[spec.service])
            manager = workforce.user(
                team.pk, Role.TEAM_MANAGER, "Team Manager", manages=True, spec_key=spec.key
            )
            size = workers // count + (i < workers % count)
            held = [
                workforce.user(team.pk, spec.role, spec.job_title, spec_key=spec.key) for _ in range(size)
            ]
            members = dict(partners)
            if spec.key == "child_protection" and workforce.rng.random() < rates.macpt_probation_share:
                members["probation"] = 1
            info = TeamInfo(team.pk, name, manager, held)
            for agency, number in members.items():
                role, titles = PARTNER_ROLES[agency]
                agency_key = agency if agency != "education" else "council"
                info.partners[agency] = [
                    workforce.user(
                        team.pk, role, workforce.rng.choice(titles), agency=agency_key, spec_key=spec.key
                    )
                    for _ in range(number)
                ]
            teams[spec.key].append(info)
    council.lookups["access.teams"] = teams
    council.lookups["access.demo_users"] = workforce.demo_ids
    council.lookups["access.staff_names"] = workforce.names
    demo_authenticators(council, workforce.demo_ids)


def demo_authenticators(council: Council, demo_ids: dict[str, int]) -> None:
    """Demo users who must sign in with a one-time code share one known authenticator key (README.md).

    Only where settings.DEMO_TOTP_KEY is set (development and the demo), never in production.
    """
    key = getattr(settings, "DEMO_TOTP_KEY", None)
    if not key:
        return
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from .two_factor import DEVICE_NAME, needs_two_factor

    council.flush()  # the users are written before their devices point at them
    for user in User.objects.filter(pk__in=demo_ids.values()).select_related("agency"):
        if needs_two_factor(user):
            TOTPDevice.objects.create(user=user, name=DEVICE_NAME, key=key, confirmed=True)


class JourneyInvolvements:
    """Who holds each child at the as-at date, read from the journeys the case apps planned.

    Each planned record says who holds it while it is open (`involvements(day)`); a contact still
    awaiting its decision is held by the front door team, as recording one does.
    """

    def __init__(self, council: Council) -> None:
        self.council = council
        self.as_at = council.as_at.toordinal()
        self.person_ids = council.lookups["people.children"].person_ids
        self.front_door = council.lookups["access.teams"]["front_door"]
        self.open_children: set[int] = set()
        self.looked_after: list[
            tuple[int, int, Any]
        ] = []  # (household, child, court plan) with a final care or placement order
        self.open_cases: dict[str, list[tuple[int, int]]] = {"child_protection": [], "child_in_need": []}

    def run(self) -> None:
        for journey in self.council.lookups["frontdoor.journeys"]:
            for contact in journey.contacts:
                if contact.undecided_on(self.as_at):
                    team = self.front_door[contact.locality % len(self.front_door)]
                    self.hold(contact.children, [(IK.CONTACT, None, team.id, contact.received[0])])
            for record in (*journey.family_help, *journey.referrals):
                self.hold(record.children, list(record.involvements(self.as_at)))
            for ref in journey.referrals:
                self.note_open_cases(journey, ref)

    def hold(
        self, children: Iterable[int], involvements: Iterable[tuple[str, int | None, int | None, int]]
    ) -> None:
        for child in children:
            for kind, user, team, start in involvements:
                self.open_children.add(child)
                self.council.insert(
                    Involvement,
                    person_id=self.person_ids[child],
                    kind=kind,
                    user_id=user,
                    team_id=team,
                    start_date=datetime.date.fromordinal(start),
                )

    def note_open_cases(self, journey: Any, ref: Any) -> None:
        """Children on CP and CIN plans (sharing draws from them), and children now looked after."""
        cp, cin = ref.protection, ref.cin_plan
        for child in ref.children:
            if cp is not None and cp.plan_open_on(self.as_at):
                self.open_cases["child_protection"].append((self.person_ids[child], cp.team.id))
            elif cin is not None and ref.open_on(self.as_at) and cin.open_on(self.as_at):
                self.open_cases["child_in_need"].append((self.person_ids[child], ref.team.id))
            if ref.looked_after is not None and ref.looked_after <= self.as_at:
                self.looked_after.append((journey.household, child, ref.protection.court))


@dataclass(frozen=True)
class Handover:
    """Children opened to the children in care or leaving care service, for `care` and `leavers` to plan.

    The worker, IRO and the day the current worker took the case are chosen here with everyone
    else's caseloads; the care apps fit the history behind it and write the involvements.
    """

    service: str
    household: int
    children: tuple[int, ...]
    team: TeamInfo
    worker: int
    allocated: int  # ordinal
    iro_team: int | None = None
    iro: int | None = None
    court: object = None  # the court plan whose care or placement order brought the child into care


class Caseloads:
    """Chooses the children in care and care leavers and allocates them (see Handover).

    Children whose proceedings ended in a care or placement order come first; the rest are drawn
    from households with no child open to the journey apps.
    """

    def __init__(self, council: Council, journeys: JourneyInvolvements) -> None:
        self.council = council
        self.rates = council.rates
        self.rng = council.rng("access.caseloads")
        self.index = council.lookups["people.children"]
        self.teams = council.lookups["access.teams"]
        # (children reviewed, order, team, IRO): a heap, so the least-loaded IRO is found at once;
        # conference chairs' loads from the journeys count
        iros = [(team, worker) for team in self.teams["iro"] for worker in team.workers]
        self.iros = [(team.load.get(worker, 0), n, team.id, worker) for n, (team, worker) in enumerate(iros)]
        heapq.heapify(self.iros)
        self.remaining = {s: council.scale.open_children(s) for s in ("children_in_care", "care_leavers")}
        self.journeys = journeys
        self.used: set[int] = set(journeys.open_children)
        self.handed_over: list[Handover] = []

    def start(self, service: str, children: Iterable[int], since: int | None = None) -> int:
        """When the current allocation began: recent, and never before any of the children was born
        (for a care leaver, never before 16, when a personal adviser is appointed) or `since`."""
        mean, cap = self.rates.allocation_days[service]
        start = self.council.as_at.toordinal() - min(int(self.rng.expovariate(1 / mean)), cap)
        from_age = PERSONAL_ADVISER_FROM_DAYS if service == "care_leavers" else 0
        born = [self.index.birth[c] + from_age for c in children if not self.index.flags[c] & UNBORN]
        began: int = min(max([start, *born, since or start]), self.council.as_at.toordinal())
        return began

    def next_iro(self, children: int) -> tuple[int, int]:
        load, n, team, iro = heapq.heappop(self.iros)
        heapq.heappush(self.iros, (load + children, n, team, iro))
        return team, iro

    def open(self, service: str, household: int, children: list[int], court: Any = None) -> None:
        locality = self.index.household_locality[household]
        teams = self.teams[service]
        team = teams[locality % len(teams)]
        worker = team.least_loaded()
        team.load[worker] = team.load.get(worker, 0) + len(children)
        start = self.start(service, children, court.issued if court else None)
        iro_team = iro = None
        if service == "children_in_care":
            iro_team, iro = self.next_iro(len(children))
        self.used.update(children)
        self.handed_over.append(
            Handover(service, household, tuple(children), team, worker, start, iro_team, iro, court)
        )
        self.remaining[service] -= len(children)

    def eligible(self, household: int) -> list[int]:
        """Children of the household who could come into care today: alive, born, under 18."""
        index, as_at = self.index, self.council.as_at
        return [
            c
            for c in index.children_of(household)
            if not index.flags[c] & (DIED | UNACCOMPANIED | UNBORN) and index.age_on(c, as_at) < 18
        ]

    def run(self) -> None:
        index, rng, as_at = self.index, self.rng, self.council.as_at
        youngest_leaver, oldest_leaver = self.rates.care_leaver_ages
        households = list(range(index.households))
        for household in households:  # unaccompanied children are looked after from arrival
            for child in index.children_of(household):
                if index.flags[child] & UNACCOMPANIED and not index.flags[child] & DIED:
                    age = index.age_on(child, as_at)
                    if age < 18:
                        self.open("children_in_care", household, [child])
                    elif age <= oldest_leaver:
                        self.open("care_leavers", household, [child])
        for household, child, court in self.journeys.looked_after:
            if (
                self.remaining["children_in_care"] > 0
                and child not in self.used
                and index.age_on(child, as_at) < 18
            ):
                self.open("children_in_care", household, [child], court)
        rng.shuffle(households)
        self.open_by_age(households)
        for household in households:
            if self.remaining["care_leavers"] <= 0:
                break
            leavers = [
                c
                for c in index.children_of(household)
                if c not in self.used
                and not index.flags[c] & (DIED | UNBORN)
                and youngest_leaver <= index.age_on(c, as_at) <= oldest_leaver
            ]
            for child in leavers[:1]:
                self.open("care_leavers", household, [child])

    def open_by_age(self, households: list[int]) -> None:
        """The rest of today's children in care, from households open to no one: a child of each household
        is a candidate in the band of their age today, and bands are drawn by `CareRates.in_care_ages`, so
        the council's children in care are as old as England's. A brother or sister comes too now and then."""
        index, rng, as_at = self.index, self.rng, self.council.as_at
        bands = self.rates.care.in_care_ages
        waiting: dict[tuple, list] = {band: [] for band in bands}
        for household in households:
            children = self.eligible(household)
            if not children or any(c in self.used for c in index.children_of(household)):
                continue
            child = rng.choice(children)
            age = index.age_on(child, as_at)
            for low, high in bands:
                if low <= age < high:
                    waiting[low, high].append((household, child, children))
        for candidates in waiting.values():
            candidates.reverse()  # popped from the end, so in the shuffled order
        choose = Weighted(bands)
        while self.remaining["children_in_care"] > 0 and any(waiting.values()):
            band = choose(rng)
            if not waiting[band]:
                band = max(waiting, key=lambda b: len(waiting[b]))  # a band run dry: the fullest instead
            household, child, children = waiting[band].pop()
            siblings = [c for c in children if c != child]
            taking = rng.randint(1, 2) if siblings and rng.random() < self.rates.multi_child_care_share else 0
            self.open(
                "children_in_care",
                household,
                sorted([child, *rng.sample(siblings, min(taking, len(siblings)))]),
            )


@contributes(order=60)
def caseloads(council: Council) -> None:
    """Today's involvements from the journeys; children in care and care leavers chosen and handed over."""
    journeys = JourneyInvolvements(council)
    journeys.run()
    caseloads = Caseloads(council, journeys)
    caseloads.run()
    council.lookups["access.open_cases"] = journeys.open_cases
    council.lookups["access.care_handover"] = caseloads.handed_over
    council.lookups["access.used_children"] = caseloads.used
