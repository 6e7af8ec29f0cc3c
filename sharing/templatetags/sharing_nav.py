"""Whether the menu shows Match records: front-door staff (members and managers of a front-door team)."""

from django import template

from access.relationships import works_at_front_door

register = template.Library()


@register.filter
def matches_records(user) -> bool:
    return user.is_authenticated and works_at_front_door(user)
