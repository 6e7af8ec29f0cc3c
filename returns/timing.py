"""Queries the validators judge at the reference date, which during the year are not yet due.

An in-year check builds the return as things stand and the validator reads every open assessment or
enquiry as still open on 31 March: it raises 8670Q for an assessment that started 46 working days
before then, though today it may be a week old. Such a query is kept but set aside (`not_yet_due`)
until its timescale has run out today; at or after the reference date every query counts.
"""
import datetime

from timescales import registry

# rule code: (the item holding the start, the timescale from the registry)
OPEN_AT_YEAR_END = {
    "8670Q": ("AssessmentActualStartDate", "ASSESSMENT"),  # assessment open over 45 working days
    "8675Q": ("S47ActualStartDate", "ICPC"),  # section 47 enquiry with no conference after 15 working days
}
# Things the 903 asks to have happened some time in the year: during it, not yet missing.
DONE_BY_YEAR_END = {
    "186",  # an SDQ for a child aged 4 to 16 looked after for a year
    "197B",  # an SDQ score or reason for a child turning 4 or 17
}


def not_yet_due(finding, year, today: datetime.date) -> bool:
    if today >= year.end:
        return False
    if finding.rule in DONE_BY_YEAR_END:
        return True
    if finding.rule not in OPEN_AT_YEAR_END:
        return False
    item, timescale = OPEN_AT_YEAR_END[finding.rule]
    try:
        started = datetime.date.fromisoformat(finding.values.get(item, ""))
    except ValueError:
        return False
    return registry.get(timescale).due(started) >= today
