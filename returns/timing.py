"""Queries the validators judge at the reference date, which during the year are not yet due.

An in-year check builds the return as things stand and the validator reads every open assessment or
enquiry as still open on 31 March: it raises 8670Q for an assessment that started 46 working days
before then, though today it may be a week old. Such a query is kept but set aside (`not_yet_due`)
until its timescale has run out today; at or after the reference date every query counts.
"""

import datetime

from timescales import registry

# rule code: (the item holding the start, the timescale from the registry, or the validator's own days)
OPEN_AT_YEAR_END = {
    "8670Q": ("AssessmentActualStartDate", "ASSESSMENT"),  # assessment open over 45 working days
    "8675Q": ("S47ActualStartDate", "ICPC"),  # section 47 enquiry with no conference after 15 working days
    "361": ("DECOM", 3),  # police protection open: the validator allows 72 hours
    "362": ("DECOM", 21),  # emergency protection order open: the validator allows 21 days
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
    started = _day(finding.values.get(item, ""))
    ended = _day(finding.values.get("DEC", ""))
    if started is None or (ended is not None and ended < year.end):
        # an episode that has ended has had its time (the validator fills an open one's end with 31 March)
        return False
    if isinstance(timescale, int):
        return started + datetime.timedelta(days=timescale) >= today
    return registry.get(timescale).due(started) >= today


def _day(raw: str) -> datetime.date | None:
    for shape in ("%Y-%m-%d", "%d/%m/%Y"):  # the census's dates, and the 903's
        try:
            return datetime.datetime.strptime(raw, shape).date()
        except ValueError:
            pass
    return None
