"""Template tags for casework pages: how a due date stands today, as a GOV.UK tag."""

import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from people.duework import days, describe_due

register = template.Library()


def _tag(text: str, colour: str) -> SafeString:
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, text)


@register.simple_tag
def due_status(due: datetime.date | None, done: datetime.date | datetime.datetime | None = None) -> str:
    """How a due date stands today ("Overdue by 3 days", "Due today"); once done, whether it was on time."""
    if due is None:
        return ""
    if done is not None:
        done = timezone.localdate(done) if isinstance(done, datetime.datetime) else done
        return _tag("On time", "green") if done <= due else _tag(f"Late by {days((done - due).days)}", "red")
    text, colour = describe_due(due, timezone.localdate())
    return _tag(text, colour)
