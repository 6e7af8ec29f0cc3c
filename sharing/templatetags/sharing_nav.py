"""Whether the menu shows Match records: front-door workers, managers and administrators."""

from django import template

register = template.Library()


@register.filter
def matches_records(user) -> bool:
    from sharing.linkage.views import matches_records as allowed

    return user.is_authenticated and allowed(user)
