"""When a privately fostered child is next to be visited, as plain functions of dates."""

import datetime

from dateutil.relativedelta import relativedelta

from timescales import registry


def visit_due(
    notified_on: datetime.date, first_year_from: datetime.date | None, visits: list[datetime.date]
) -> tuple[datetime.date, str] | None:
    """(due date, timescale code) of the next visit, or None (a proposal visited, not yet begun).

    Within 7 working days of the notification (reg 4(1), reg 7); then every 6 weeks in the arrangement's
    first year and every 12 weeks after (reg 8(1)), the year running from `first_year_from` (reg 8(6)).
    """
    visits = [day for day in visits if day >= notified_on]
    if not visits:
        return registry.get("PRIVATE_FOSTERING_FIRST_VISIT").due(notified_on), "PRIVATE_FOSTERING_FIRST_VISIT"
    if first_year_from is None:
        return None
    since = max(
        visits[-1], first_year_from
    )  # a proposal visited before it began: intervals run from the start
    first_year = since < first_year_from + relativedelta(years=1)
    code = "PRIVATE_FOSTERING_VISIT" if first_year else "PRIVATE_FOSTERING_VISIT_LATER"
    return registry.get(code).due(since), code
