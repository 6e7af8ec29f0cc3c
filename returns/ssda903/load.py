"""Importing a council's SSDA903 CSV files: people, periods of care and what hangs off them.

Each file is imported in its own transaction, all or nothing, in the order the tables depend on
each other (the header makes the children, the episodes their periods of care). Where a Thrive
record needs a date the 903 does not give, the nearest 903 fact stands in and is named here:
OC2's "in the year" items are dated on the reference date, an immunisation status with no
assessment in the year on the day before the year, and an unaccompanied child's arrival on their
first day looked after in the file.
"""

import datetime

from django.db import transaction

from care import timing
from care.codes import (
    ADOPTED,
    AdopterLegalStatus,
    AdopterSex,
    ArrivalRoute,
    HealthAssessmentKind,
    Intervention,
    LegalStatus,
    MissingType,
    PlacementProvider,
    PlacementType,
    PreviousPermanence,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    ReasonPlacedCeased,
    ReviewParticipation,
    SDQReason,
    YouthJusticeOutcome,
)
from care.models import (
    Adoption,
    DentalCheck,
    DeprivationOfLiberty,
    Episode,
    HealthAssessment,
    MissingEpisode,
    PeriodOfCare,
    Review,
    StrengthsAndDifficulties,
    SubstanceMisuse,
    UnaccompaniedChild,
    YouthJusticeDisposal,
)
from care.postcodes import normalise_postcode
from frontdoor.codes import PrimaryNeed
from leavers.codes import NOT_KNOWN, AccommodationType, Activity, InTouch
from leavers.models import BirthdaySnapshot
from people.codes import RelationshipKind
from people.models import Person, Relationship
from timescales.dates import dfe_anniversary

from ..chunks import grouped
from ..codes import OTHER_PLACEMENT_BEFORE_SPLIT, OTHER_PLACEMENT_IMPORTED_AS
from ..people import check_upns, existing_people, known_code, new_person, save_people
from ..problems import ImportFailed, Problem
from ..records import create_all, update_all
from . import workers
from .csvio import find_files, read_table
from .tables import tables_for

ORDER = (
    "Header",
    "Episodes",
    "Reviews",
    "UASC",
    "OC2",
    "OC3",
    "PlacedAdoption",
    "AD1",
    "PrevPerm",
    "Missing",
    "DoLo",
    "SWEpisodes",
)


def import_folder(folder, year, user) -> list[tuple[str, int, list[Problem]]]:
    """Import every table file found: (file, rows imported, problems) for each; a file with problems keeps
    nothing."""
    found = find_files(folder, year.year)
    columns = {name: cols for name, _, cols in tables_for(year.year)}
    results = []
    for name in ORDER:
        if name not in found:
            continue
        problems = []
        rows = read_table(found[name], name, columns[name], problems)
        file = found[name].name
        try:
            with transaction.atomic():
                if not problems:
                    HANDLERS[name](rows, file, year, user, problems)
                if problems:
                    raise ImportFailed(problems)
            results.append((file, len(rows), []))
        except ImportFailed:
            results.append((file, 0, problems))
    return results


def _people(rows, file, problems) -> dict[str, Person]:
    people = existing_people({r["CHILD"] for r in rows if r["CHILD"]})
    for row in rows:
        if row["CHILD"] not in people:
            problems.append(
                Problem(
                    file, row["_where"], "CHILD", "No child with this ID is held: import the header first."
                )
            )
    return people


def _periods(people) -> dict[int, list[PeriodOfCare]]:
    return grouped_objects(
        PeriodOfCare.objects.filter(person__in=list(people.values())).order_by("start_date"), "person_id"
    )


def grouped_objects(queryset, key) -> dict:
    result = {}
    for obj in queryset:
        result.setdefault(getattr(obj, key), []).append(obj)
    return result


def _period_on(periods, person, day, file, where, problems) -> PeriodOfCare | None:
    """The period of care a dated row belongs to: the latest one started on or before the date, or the
    first held when the date comes earlier (the file holds only the episodes open in its year)."""
    held = periods.get(person.pk, [])
    if not held:
        problems.append(
            Problem(file, where, "CHILD", "The child has no period of care: import the episodes first.")
        )
        return None
    started = [p for p in held if day and p.start_date <= day]
    return started[-1] if started else held[0]


def _header(rows, file, year, user, problems):
    held = existing_people(r["CHILD"] for r in rows)
    people, babies, relationships, wheres = [], [], [], {}
    for row in rows:
        if row["CHILD"] in held:
            continue
        person = new_person(
            row["CHILD"],
            file,
            row["_where"],
            problems,
            upn=row["UPN"] if not _unknown(row) else None,
            upn_unknown=row["UPN"] if _unknown(row) else "",
            sex=row["SEX"],
            ethnicity=row["ETHNIC"],
            birth_date=row["DOB"],
        )
        people.append(person)
        wheres[person.la_id] = row["_where"]
        if row["MOTHER"] and row["MC_DOB"]:
            baby = Person(la_id=f"MC{row['CHILD']}"[:20], surname="", birth_date=row["MC_DOB"])
            babies.append(baby)
            relationships.append(
                Relationship(
                    person=person, relative=baby, kind=RelationshipKind.CHILD, parental_responsibility=True
                )
            )
        elif row["MOTHER"]:
            problems.append(
                Problem(file, row["_where"], "MC_DOB", "A mother's first child's date of birth is needed.")
            )
    check_upns([(p.la_id, p.upn) for p in people], file, wheres, problems)
    if not problems:
        save_people(people + babies, user)
        create_all(Relationship, relationships, user)


def _unknown(row) -> bool:
    return bool(row["UPN"]) and row["UPN"].startswith("UN")


def _episodes(rows, file, year, user, problems):
    people = _people(rows, file, problems)
    periods, episodes = [], []
    for la_id, child_rows in grouped(
        sorted(rows, key=lambda r: (r["CHILD"], r["DECOM"] or datetime.date.min)), "CHILD"
    ).items():
        person, period = people.get(la_id), None
        for row in child_rows:
            episode = _episode(row, file, problems)
            if person is None or episode is None:
                continue
            if period is None or row["RNE"] == ReasonNewEpisode.STARTED:
                need = known_code(row["CIN"], PrimaryNeed, file, row["_where"], "CIN", problems)
                period = PeriodOfCare(person=person, start_date=row["DECOM"], category_of_need=need or "")
                periods.append(period)
            episode.period, episode.person = period, person
            period.end_date = (
                None if episode.reason_ceased in ("", ReasonEpisodeCeased.NEW_EPISODE) else episode.end_date
            )
            episodes.append(episode)
    if problems:
        return
    for period in periods:
        period.next_review_due = None if period.end_date else timing.review_due(period.start_date, [])
    create_all(PeriodOfCare, periods, user)
    create_all(Episode, episodes, user)


def _episode(row, file, problems) -> Episode | None:
    where = row["_where"]
    if row["DECOM"] is None:
        problems.append(Problem(file, where, "DECOM", "The episode start date is missing."))
        return None
    place = OTHER_PLACEMENT_IMPORTED_AS if row["PLACE"] == OTHER_PLACEMENT_BEFORE_SPLIT else row["PLACE"]
    return Episode(
        start_date=row["DECOM"],
        end_date=row["DEC"],
        reason_new=known_code(row["RNE"], ReasonNewEpisode, file, where, "RNE", problems) or "",
        legal_status=known_code(row["LS"], LegalStatus, file, where, "LS", problems) or "",
        placement_type=known_code(place, PlacementType, file, where, "PLACE", problems) or "",
        provider=known_code(
            row["PLACE_PROVIDER"], PlacementProvider, file, where, "PLACE_PROVIDER", problems, required=False
        )
        or "",
        reason_ceased=known_code(
            row["REC"], ReasonEpisodeCeased, file, where, "REC", problems, required=bool(row["DEC"])
        )
        or "",
        reason_place_change=known_code(
            row["REASON_PLACE_CHANGE"],
            ReasonPlaceChange,
            file,
            where,
            "REASON_PLACE_CHANGE",
            problems,
            required=False,
        )
        or "",
        home_postcode=normalise_postcode(row["HOME_POST"] or ""),
        placement_postcode=normalise_postcode(row["PL_POST"] or ""),
        urn=(row["URN"] or "").upper(),
    )


def _in_period(model, rows, file, user, problems, build):
    """Rows that each become one record in the period of care their date falls in."""
    people = _people(rows, file, problems)
    periods = _periods(people)
    made = []
    for row in rows:
        person = people.get(row["CHILD"])
        if person is None:
            continue
        record = build(row, person, periods)
        if record is not None:
            record.person = person
            made.append(record)
    if not problems:
        create_all(model, made, user)
    return made


def _reviews(rows, file, year, user, problems):
    def build(row, person, periods):
        period = _period_on(periods, person, row["REVIEW"], file, row["_where"], problems)
        code = known_code(
            row["REVIEW_CODE"], ReviewParticipation, file, row["_where"], "REVIEW_CODE", problems
        )
        return period and Review(period=period, held_on=row["REVIEW"], participation=code or "")

    made = _in_period(Review, rows, file, user, problems, build)
    if not problems:
        _refresh_reviews({review.period_id: review.period for review in made})


def _refresh_reviews(periods: dict) -> None:
    """PeriodOfCare.refresh_reviews for many periods at once: each review's due date from the ones before it,
    then the period's next review; one query and two executemany rather than several queries per child."""
    reviews = grouped_objects(
        Review.objects.filter(period_id__in=list(periods))
        .order_by("held_on", "pk")
        .only("period_id", "held_on", "due_on"),
        "period_id",
    )
    changed = []
    for period_id, period in periods.items():
        held = []
        for review in reviews.get(period_id, []):
            due = timing.review_due(period.start_date, held)
            if review.due_on != due:
                review.due_on = due
                changed.append(review)
            held.append(review.held_on)
        period.next_review_due = None if period.end_date else timing.review_due(period.start_date, held)
    update_all(Review, changed, "due_on")
    update_all(PeriodOfCare, list(periods.values()), "next_review_due")


def _missing(rows, file, year, user, problems):
    def build(row, person, periods):
        period = _period_on(periods, person, row["MIS_START"], file, row["_where"], problems)
        kind = known_code(row["MISSING"], MissingType, file, row["_where"], "MISSING", problems)
        return period and MissingEpisode(
            period=period, kind=kind or "", started_on=row["MIS_START"], ended_on=row["MIS_END"]
        )

    _in_period(MissingEpisode, rows, file, user, problems, build)


def _dolo(rows, file, year, user, problems):
    def build(row, person, periods):
        period = _period_on(periods, person, row["DOLO_START"], file, row["_where"], problems)
        return period and DeprivationOfLiberty(
            period=period, start_date=row["DOLO_START"], end_date=row["DOLO_END"]
        )

    _in_period(DeprivationOfLiberty, rows, file, user, problems, build)


def _uasc(rows, file, year, user, problems):
    people = _people(rows, file, problems)
    periods = _periods(people)
    made = []
    for row in rows:
        person = people.get(row["CHILD"])
        if person is None:
            continue
        first = periods.get(person.pk, [None])[0]
        arrived = first.start_date if first else year.start
        made.append(
            UnaccompaniedChild(
                person=person,
                arrived_on=arrived,
                arrival_route=ArrivalRoute.SPONTANEOUS,
                ceased_on=row["DUC"],
            )
        )
    if not problems:
        create_all(UnaccompaniedChild, made, user)


def _oc2(rows, file, year, user, problems):
    people = _people(rows, file, problems)
    periods = _periods(people)
    made = {
        model: []
        for model in (
            HealthAssessment,
            DentalCheck,
            StrengthsAndDifficulties,
            SubstanceMisuse,
            YouthJusticeDisposal,
        )
    }
    on = year.end
    for row in rows:
        person = people.get(row["CHILD"])
        period = person and _period_on(periods, person, on, file, row["_where"], problems)
        if not period:
            continue
        flags = {
            "immunisations_up_to_date": bool(row["IMMUNISATIONS"]),
            "development_checks_up_to_date": row["HEALTH_CHECK"],
        }
        if row["HEALTH_ASSESSMENT"]:
            made[HealthAssessment].append(
                HealthAssessment(period=period, assessed_on=on, kind=HealthAssessmentKind.REVIEW, **flags)
            )
        elif row["IMMUNISATIONS"] or row["HEALTH_CHECK"]:
            made[HealthAssessment].append(
                HealthAssessment(
                    period=period,
                    assessed_on=year.start - datetime.timedelta(1),
                    kind=HealthAssessmentKind.REVIEW,
                    **flags,
                )
            )
        if row["TEETH_CHECK"]:
            made[DentalCheck].append(DentalCheck(period=period, checked_on=on))
        if row["SDQ_SCORE"] is not None or row["SDQ_REASON"]:
            reason = known_code(
                row["SDQ_REASON"], SDQReason, file, row["_where"], "SDQ_REASON", problems, required=False
            )
            made[StrengthsAndDifficulties].append(
                StrengthsAndDifficulties(
                    period=period, completed_on=on, score=row["SDQ_SCORE"], reason_no_score=reason or ""
                )
            )
        if row["SUBSTANCE_MISUSE"]:
            intervention = (
                Intervention.RECEIVED
                if row["INTERVENTION_RECEIVED"]
                else (Intervention.REFUSED if row["INTERVENTION_OFFERED"] else Intervention.NOT_OFFERED)
            )
            made[SubstanceMisuse].append(
                SubstanceMisuse(period=period, identified_on=on, intervention=intervention)
            )
        if row["CONVICTED"]:
            made[YouthJusticeDisposal].append(
                YouthJusticeDisposal(period=period, given_on=on, outcome=YouthJusticeOutcome.CONVICTION)
            )
    if not problems:
        for model, records in made.items():
            for record in records:
                record.person_id = record.period.person_id
            create_all(model, records, user)


def _oc3(rows, file, year, user, problems):
    people = _people(rows, file, problems)
    made = []
    for row in rows:
        person, where = people.get(row["CHILD"]), row["_where"]
        if person is None:
            continue
        accom = row["ACCOM"] if row["ACCOM"] not in (None, NOT_KNOWN) else ""
        kind = (
            known_code(accom[:1], AccommodationType, file, where, "ACCOM", problems, required=False)
            if accom
            else ""
        )
        age = person.age_on(year.end)
        made.append(
            BirthdaySnapshot(
                person=person,
                age=age,
                in_touch=known_code(row["IN_TOUCH"], InTouch, file, where, "IN_TOUCH", problems) or "",
                activity=known_code(
                    row["ACTIV"] if row["ACTIV"] != NOT_KNOWN else "",
                    Activity,
                    file,
                    where,
                    "ACTIV",
                    problems,
                    required=False,
                )
                or "",
                accommodation=kind or "",
                accommodation_suitable=(accom[1:] == "1") if accom else None,
                recorded_on=min(year.end, dfe_anniversary(person.birth_date, age))
                if person.birth_date
                else year.end,
            )
        )
    if not problems:
        create_all(BirthdaySnapshot, made, user)


def _adoption_for(period, adoptions, day) -> Adoption:
    """The period's adoption record (one per period), made on first sight."""
    if period.pk not in adoptions:
        adoptions[period.pk] = Adoption(
            period=period, person_id=period.person_id, best_interest_decision_on=day
        )
    return adoptions[period.pk]


def _adoptions(rows, file, year, user, problems, fill):
    people = _people(rows, file, problems)
    periods = _periods(people)
    held = {a.period_id: a for a in Adoption.objects.filter(person__in=list(people.values()))}
    for row in rows:
        person = people.get(row["CHILD"])
        day = row.get("DATE_PLACED") or row.get("DATE_INT")
        period = person and _period_on(periods, person, day, file, row["_where"], problems)
        if period:
            fill(_adoption_for(period, held, day), row)
    if not problems:
        for adoption in held.values():
            adoption.save()


def _placed(rows, file, year, user, problems):
    def fill(adoption, row):
        adoption.best_interest_decision_on = row["DATE_PLACED"]
        adoption.decision_reversed_on = row["DATE_PLACED_CEASED"]
        adoption.reversal_reason = (
            known_code(
                row["REASON_PLACED_CEASED"],
                ReasonPlacedCeased,
                file,
                row["_where"],
                "REASON_PLACED_CEASED",
                problems,
                required=False,
            )
            or ""
        )

    _adoptions(rows, file, year, user, problems, fill)


def _ad1(rows, file, year, user, problems):
    def fill(adoption, row):
        adoption.best_interest_decision_on = row["DATE_INT"] or adoption.best_interest_decision_on
        adoption.matched_on = row["DATE_MATCH"]
        adoption.foster_carer_adoption = row["FOSTER_CARE"]
        adoption.adopter_sex = (
            known_code(
                row["SEX_ADOPTR"], AdopterSex, file, row["_where"], "SEX_ADOPTR", problems, required=False
            )
            or ""
        )
        adoption.adopter_legal_status = (
            known_code(
                row["LS_ADOPTR"],
                AdopterLegalStatus,
                file,
                row["_where"],
                "LS_ADOPTR",
                problems,
                required=False,
            )
            or ""
        )
        adopted = (
            adoption.period.episodes.filter(reason_ceased__in=ADOPTED)
            .values_list("end_date", flat=True)
            .first()
        )
        adoption.adoption_order_on = adoption.adoption_order_on or adopted

    _adoptions(rows, file, year, user, problems, fill)


def _previous_permanence(rows, file, year, user, problems):
    people = _people(rows, file, problems)
    periods = _periods(people)
    changed = []
    for row in rows:
        person = people.get(row["CHILD"])
        started = [p for p in periods.get(person.pk, []) if year.covers(p.start_date)] if person else []
        if person and not started:
            problems.append(
                Problem(file, row["_where"], "CHILD", "No period of care starts in the year for this child.")
            )
            continue
        if person:
            period = started[-1]
            period.previous_permanence = (
                known_code(row["PREV_PERM"], PreviousPermanence, file, row["_where"], "PREV_PERM", problems)
                or PreviousPermanence.NONE
            )
            period.previous_permanence_la = row["LA_PERM"] or ""
            period.previous_permanence_date = row["DATE_PERM"]
            changed.append(period)
    if not problems:
        update_all(
            PeriodOfCare, changed, "previous_permanence", "previous_permanence_la", "previous_permanence_date"
        )


def _social_worker_episodes(rows, file, year, user, problems):
    workers.import_episodes(rows, file, year, user, problems, _people(rows, file, problems))


HANDLERS = {
    "Header": _header,
    "Episodes": _episodes,
    "Reviews": _reviews,
    "UASC": _uasc,
    "OC2": _oc2,
    "OC3": _oc3,
    "PlacedAdoption": _placed,
    "AD1": _ad1,
    "PrevPerm": _previous_permanence,
    "Missing": _missing,
    "DoLo": _dolo,
    "SWEpisodes": _social_worker_episodes,
}
