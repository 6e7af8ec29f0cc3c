"""Forms for private fostering: the notified arrangement and each visit."""

from care.forms import record_form

from .models import PrivateFosteringArrangement, PrivateFosteringVisit

ArrangementForm = record_form(
    PrivateFosteringArrangement, ["notified_on", "began_on", "carer", "ended_on", "notes"]
)
VisitForm = record_form(
    PrivateFosteringVisit,
    ["visited_on", "seen_alone", "notes"],
    {
        "visited_on": "Date of the visit",
    },
)
