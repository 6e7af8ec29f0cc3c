"""Finding or creating the child a return's row is about, by council ID (the LA child ID / CHILD)."""

from people.codes import Ethnicity, Sex, UPNUnknown
from people.models import Person, search_key

from .helpers import codes
from .problems import Problem
from .records import create_all


def known_code(value, choices, file, where, field, problems, required=True):
    """The value if it is on the code list; otherwise a problem, and None."""
    if value in (None, ""):
        if required:
            problems.append(Problem(file, where, field, "This item is required but is missing."))
        return None
    if value not in codes(choices):
        problems.append(Problem(file, where, field, f"'{value}' is not on the DfE's code list for {field}."))
        return None
    return value


def new_person(*args, **kwargs) -> Person:
    """An unsaved Person from a return row."""
    return Person(**person_columns(*args, **kwargs))


def person_columns(
    la_id,
    file,
    where,
    problems,
    *,
    upn=None,
    sex=None,
    ethnicity=None,
    birth_date=None,
    expected_birth_date=None,
    death_date=None,
    former_upn="",
    upn_unknown="",
) -> dict:
    """A return row's person as column values: returns carry no names, so the record says so until a worker
    adds them."""
    if not la_id:
        problems.append(Problem(file, where, "LAchildID", "The child's council ID is missing."))
    if len(la_id or "") > Person._meta.get_field("la_id").max_length:
        problems.append(Problem(file, where, "LAchildID", "Council IDs are at most 20 characters."))
    if birth_date is None and expected_birth_date is None:
        problems.append(
            Problem(file, where, "PersonBirthDate", "A date of birth or expected date of birth is needed.")
        )
    sex = known_code(sex, Sex, file, where, "Sex", problems) or Sex.UNKNOWN
    ethnicity = known_code(ethnicity, Ethnicity, file, where, "Ethnicity", problems) or Ethnicity.NOBT
    upn_unknown = (
        known_code(upn_unknown, UPNUnknown, file, where, "UPNunknown", problems, required=False) or ""
    )
    return dict(
        la_id=la_id,
        surname="",
        search_surname=search_key(""),
        search_forename=search_key(""),
        upn=upn or None,
        former_upn=former_upn or "",
        upn_unknown=upn_unknown,
        sex=sex,
        ethnicity=ethnicity,
        birth_date=birth_date,
        expected_birth_date=expected_birth_date,
        death_date=death_date,
    )


def existing_people(la_ids) -> dict[str, Person]:
    return {p.la_id: p for p in Person.objects.current().filter(la_id__in=list(la_ids))}


def check_upns(people: list[tuple[str, str | None]], file, wheres: dict, problems) -> None:
    """A UPN belongs to one child: report one already held by someone else, or given twice in the file.
    `people` are the new children's (council ID, UPN)."""
    held = dict(Person.objects.filter(upn__in=[upn for _, upn in people if upn]).values_list("upn", "la_id"))
    seen = {}
    for la_id, upn in people:
        if not upn:
            continue
        other = held.get(upn) or seen.get(upn)
        if other and other != la_id:
            problems.append(
                Problem(file, wheres[la_id], "UPN", f"UPN {upn} is already held for child {other}.")
            )
        seen[upn] = la_id


def save_people(people: list[Person], user) -> None:
    create_all(Person, people, user)
