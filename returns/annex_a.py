"""Ofsted's Annex A: the lists of children an inspection of local authority children's services (ILACS)
asks for, as an Excel workbook.

Lists 1 to 11 with Ofsted's columns. Event lists (contacts, early help, referrals, assessments,
section 47 enquiries, adoption decisions) cover the six months to the as-at date; case lists
(children in need, on plans, in care) cover children open at any time in those six months; care
leavers are those with a birthday record in the last year. List 11 (adopters) has its columns but
no rows: Thrive does not hold adopters' recruitment.
"""

import datetime
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Max, Min
from openpyxl import Workbook

from care.models import Adoption, DentalCheck, Episode, HealthAssessment, MissingEpisode, Review
from familyhelp.models import Assessment, FamilyHelpEpisode
from frontdoor.models import Contact, Referral, re_referral_window_start
from leavers.models import BirthdaySnapshot
from people.models import Person, PersonDisability
from protection.codes import ConferenceKind
from protection.models import ChildProtectionConference, ChildProtectionPlan, Section47
from timescales.dates import open_during

CHILD = [
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Does the Child have a Disability",
]
LISTS = [
    ("List 1 Contacts", CHILD[:5] + ["Date of Contact", "Contact Source"]),
    (
        "List 2 Early help",
        CHILD + ["Assessment start date", "Assessment completion date", "Organisation completing assessment"],
    ),
    (
        "List 3 Referrals",
        CHILD
        + [
            "Date of referral",
            "Referral Source",
            "Referral NFA?",
            "Number of Referrals in Last 12 Months",
            "Allocated Team",
        ],
    ),
    (
        "List 4 Assessments",
        CHILD + ["Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"],
    ),
    (
        "List 5 Section 47",
        CHILD
        + [
            "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an Initial Child Protection Conference deemed unnecessary?",
            "Date of Initial Child Protection Conference",
            "Number of Section 47 Enquiries in the last 12 months",
        ],
    ),
    (
        "List 6 Children in need",
        CHILD
        + ["CIN Start Date", "Primary Need Code", "CIN Closure Date", "Reason for Closure", "Case Status"],
    ),
    (
        "List 7 Child protection",
        CHILD
        + [
            "Child Protection Plan Start Date",
            "Initial Category of Abuse",
            "Latest Category of Abuse",
            "Date of latest review conference",
            "Child Protection Plan End Date",
            "Number of Previous Child Protection Plans",
        ],
    ),
    (
        "List 8 Children in care",
        CHILD
        + [
            "Date Started to be Looked After",
            "Child's Category of Need",
            "Child's Legal Status",
            "Date of Latest Statutory Review",
            "Date of Last Health Assessment",
            "Date of Last Dental Check",
            "Date Ceased to be Looked After",
            "Start Date of Most Recent Placement",
            "Placement Type",
            "Placement Provider",
            "Placement postcode",
            "URN of Placement",
            "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
        ],
    ),
    (
        "List 9 Care leavers",
        CHILD + ["LA in Touch", "Type of Accommodation", "Suitability of Accommodation", "Activity Status"],
    ),
    (
        "List 10 Adoption",
        CHILD
        + [
            "Date the Child Entered Care",
            "Date of Decision that Child Should be Placed for Adoption",
            "Date of Placement Order",
            "Date of Matching Child and Prospective Adopters",
            "Date Placed for Adoption",
            "Date of Adoption Order",
            "Date of Decision that Child Should No Longer be Placed for Adoption",
            "Reason Why Child No Longer Placed for Adoption",
        ],
    ),
    (
        "List 11 Adopters",
        [
            "Individual adopter identifier",
            "Family identifier",
            "Gender",
            "Ethnicity",
            "Disability",
            "Date enquiry received",
            "Date application approved",
            "Date adopter matched with child(ren)",
        ],
    ),
]
WINDOW_MONTHS = 6


def _child_columns(person: Person, disabled: set, as_at) -> dict:
    return {
        "Child Unique ID": person.la_id,
        "Gender": person.sex,
        "Ethnicity": person.ethnicity,
        "Date of Birth": person.birth_date,
        "Age of Child (Years)": person.age_on(as_at),
        "Does the Child have a Disability": "Yes" if person.pk in disabled else "No",
    }


def _latest(model, field: str, period_ids, as_at) -> dict:
    """Period of care id -> the latest `field` on or before the as-at date, in one query for the whole
    list."""
    return dict(
        model.objects.filter(period_id__in=period_ids, **{f"{field}__lte": as_at})
        .values("period_id")
        .annotate(last=Max(field))
        .values_list("period_id", "last")
    )


def _referrals_in_last_12_months(referrals, as_at) -> dict:
    """Referral id -> the child's referrals in the re-referral window up to and including it (Ofsted's
    count)."""
    referrals = list(referrals)
    if not referrals:
        return {}
    earliest = re_referral_window_start(min(r.referral_date for r in referrals))
    dates = defaultdict(list)
    for person_id, on in (
        Referral.objects.filter(
            person_id__in={r.person_id for r in referrals},
            referral_date__gte=earliest,
            referral_date__lte=as_at,
        )
        .order_by("referral_date")
        .values_list("person_id", "referral_date")
    ):
        dates[person_id].append(on)
    return {
        r.pk: bisect_right(dates[r.person_id], r.referral_date)
        - bisect_left(dates[r.person_id], re_referral_window_start(r.referral_date))
        for r in referrals
    }


def _disabled(ids) -> set:
    return set(
        PersonDisability.objects.filter(person_id__in=ids)
        .exclude(code="NONE")
        .values_list("person_id", flat=True)
    )


def _rows(as_at):
    since = as_at - relativedelta(months=WINDOW_MONTHS)
    year_ago = as_at - relativedelta(years=1)
    in_window = {"__gte": since, "__lte": as_at}

    def dated(field):
        return {f"{field}{k}": v for k, v in in_window.items()}

    contacts = Contact.objects.filter(
        received_at__date__gte=since, received_at__date__lte=as_at
    ).select_related("person")
    yield (
        "List 1 Contacts",
        (
            (c.person, {"Date of Contact": c.received_at.date(), "Contact Source": c.source})
            for c in contacts.order_by("received_at")
        ),
    )
    early = FamilyHelpEpisode.objects.filter(**dated("start_date")).select_related("person", "team")
    yield (
        "List 2 Early help",
        (
            (
                e.person,
                {
                    "Assessment start date": e.start_date,
                    "Assessment completion date": e.end_date,
                    "Organisation completing assessment": e.team.name,
                },
            )
            for e in early
        ),
    )
    referrals = list(Referral.objects.filter(**dated("referral_date")).select_related("person", "team"))
    counted = _referrals_in_last_12_months(referrals, as_at)
    yield (
        "List 3 Referrals",
        (
            (
                r.person,
                {
                    "Date of referral": r.referral_date,
                    "Referral Source": r.source,
                    "Referral NFA?": "Yes" if r.no_further_action else "No",
                    "Number of Referrals in Last 12 Months": counted[r.pk],
                    "Allocated Team": r.team.name if r.team else "",
                },
            )
            for r in referrals
        ),
    )
    assessments = Assessment.objects.filter(
        open_during(since, as_at, "start_date", "authorisation_date")
    ).select_related("person")
    yield (
        "List 4 Assessments",
        (
            (
                a.person,
                {
                    "Continuous Assessment Start Date": a.start_date,
                    "Continuous Assessment Date of Authorisation": a.authorisation_date,
                },
            )
            for a in assessments
        ),
    )
    enquiries = list(
        Section47.objects.filter(**dated("strategy_discussion__held_on")).select_related(
            "person", "strategy_discussion"
        )
    )
    icpcs = dict(
        ChildProtectionConference.objects.filter(
            section47_id__in=[s.pk for s in enquiries], kind=ConferenceKind.INITIAL
        )
        .values("section47_id")
        .annotate(first=Min("date"))
        .values_list("section47_id", "first")
    )
    enquiries_in_year = dict(
        Section47.objects.filter(
            person_id__in={s.person_id for s in enquiries}, start_date__gt=year_ago, start_date__lte=as_at
        )
        .values("person_id")
        .annotate(n=Count("pk"))
        .values_list("person_id", "n")
    )
    yield (
        "List 5 Section 47",
        (
            (
                s.person,
                {
                    (
                        "Strategy discussion initiating Section 47 Enquiry Start Date"
                    ): s.strategy_discussion.held_on,
                    "Was an Initial Child Protection Conference deemed unnecessary?": "Yes"
                    if s.icpc_not_required
                    else "No",
                    "Date of Initial Child Protection Conference": icpcs.get(s.pk),
                    "Number of Section 47 Enquiries in the last 12 months": enquiries_in_year.get(
                        s.person_id, 0
                    ),
                },
            )
            for s in enquiries
        ),
    )
    cin = Referral.objects.filter(
        open_during(since, as_at, "referral_date", "closure_date"), no_further_action=False
    )
    yield (
        "List 6 Children in need",
        (
            (
                r.person,
                {
                    "CIN Start Date": r.referral_date,
                    "Primary Need Code": r.primary_need,
                    "CIN Closure Date": r.closure_date,
                    "Reason for Closure": r.closure_reason,
                    "Case Status": "Closed" if r.closure_date else "Open",
                },
            )
            for r in cin.select_related("person")
        ),
    )
    plans = list(ChildProtectionPlan.objects.filter(open_during(since, as_at)).select_related("person"))
    reviewed = dict(
        ChildProtectionConference.objects.filter(
            plan_id__in=[p.pk for p in plans], kind=ConferenceKind.REVIEW, date__lte=as_at
        )
        .values("plan_id")
        .annotate(last=Max("date"))
        .values_list("plan_id", "last")
    )
    yield (
        "List 7 Child protection",
        (
            (
                p.person,
                {
                    "Child Protection Plan Start Date": p.start_date,
                    "Initial Category of Abuse": p.initial_category,
                    "Latest Category of Abuse": p.latest_category,
                    "Date of latest review conference": reviewed.get(p.pk),
                    "Child Protection Plan End Date": p.end_date,
                    "Number of Previous Child Protection Plans": p.previous_plans,
                },
            )
            for p in plans
        ),
    )
    yield "List 8 Children in care", _in_care(as_at, since, year_ago)
    leavers = BirthdaySnapshot.objects.filter(
        recorded_on__gt=year_ago, recorded_on__lte=as_at
    ).select_related("person")
    yield (
        "List 9 Care leavers",
        (
            (
                s.person,
                {
                    "LA in Touch": s.in_touch,
                    "Type of Accommodation": s.accommodation,
                    "Suitability of Accommodation": {True: "Suitable", False: "Unsuitable"}.get(
                        s.accommodation_suitable, ""
                    ),
                    "Activity Status": s.activity_code,
                },
            )
            for s in leavers
        ),
    )
    adoptions = Adoption.objects.filter(
        open_during(since, as_at, "best_interest_decision_on", "adoption_order_on")
    ).select_related("person", "period")
    yield (
        "List 10 Adoption",
        (
            (
                a.person,
                {
                    "Date the Child Entered Care": a.period.start_date,
                    "Date of Decision that Child Should be Placed for Adoption": a.best_interest_decision_on,
                    "Date of Placement Order": a.placement_order_on,
                    "Date of Matching Child and Prospective Adopters": a.matched_on,
                    "Date Placed for Adoption": a.placed_on,
                    "Date of Adoption Order": a.adoption_order_on,
                    (
                        "Date of Decision that Child Should No Longer be Placed for Adoption"
                    ): a.decision_reversed_on,
                    "Reason Why Child No Longer Placed for Adoption": a.reversal_reason,
                },
            )
            for a in adoptions
        ),
    )
    yield "List 11 Adopters", iter(())


def _in_care(as_at, since, year_ago):
    latest = Episode.objects.filter(open_during(since, as_at))
    current = {}
    for episode in latest.select_related("period", "person").order_by("start_date", "pk"):
        current[episode.period_id] = episode
    periods = list(current)
    reviewed = _latest(Review, "held_on", periods, as_at)
    health = _latest(HealthAssessment, "assessed_on", periods, as_at)
    teeth = _latest(DentalCheck, "checked_on", periods, as_at)
    missing = Counter(
        MissingEpisode.objects.filter(
            period_id__in=periods, kind="M", started_on__gt=year_ago, started_on__lte=as_at
        ).values_list("period_id", flat=True)
    )
    episodes = defaultdict(list)
    for episode in (
        Episode.objects.filter(period_id__in=periods)
        .order_by("start_date", "pk")
        .only("period_id", "start_date", "reason_new")
    ):
        episodes[episode.period_id].append(episode)
    for period_id, episode in current.items():
        period, person = episode.period, episode.person
        yield (
            person,
            {
                "Date Started to be Looked After": period.start_date,
                "Child's Category of Need": period.category_of_need,
                "Child's Legal Status": episode.legal_status,
                "Date of Latest Statutory Review": reviewed.get(period_id),
                "Date of Last Health Assessment": health.get(period_id),
                "Date of Last Dental Check": teeth.get(period_id),
                "Date Ceased to be Looked After": period.end_date
                if period.end_date and period.end_date <= as_at
                else None,
                "Start Date of Most Recent Placement": period.placement_start(episodes[period_id]),
                "Placement Type": episode.placement_type,
                "Placement Provider": episode.provider,
                "Placement postcode": episode.placement_postcode,
                "URN of Placement": episode.urn,
                (
                    "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 "
                    "months"
                ): missing[period_id],
            },
        )


def write(path, as_at: datetime.date, listed: list | None = None) -> dict[str, int]:
    """Write the workbook; returns the number of rows in each list. `listed` gets the id of each child
    named, for the audit of a download."""
    workbook = Workbook(write_only=True)
    columns = dict(LISTS)
    counts = {}
    for title, rows in _rows(as_at):
        sheet = workbook.create_sheet(title[:31])
        sheet.append(columns[title])
        rows = list(rows)
        disabled = _disabled([person.pk for person, _ in rows])
        if listed is not None:
            listed.extend(person.pk for person, _ in rows)
        for person, values in rows:
            values = {**_child_columns(person, disabled, as_at), **values}
            sheet.append([values.get(column) for column in columns[title]])
        counts[title] = len(rows)
    workbook.save(path)
    return counts
