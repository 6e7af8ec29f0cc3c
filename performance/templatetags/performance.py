"""Formatting figures, RAG tags and quartiles the same way on every performance page."""

from django import template
from django.utils.html import format_html

from ..rating import QUARTILE_NAMES, Dot, Rag

register = template.Library()

RAG_TAG_CLASS = {
    Rag.GREEN: "govuk-tag--green",
    Rag.AMBER: "govuk-tag--orange",
    Rag.RED: "govuk-tag--red",
    Rag.NA: "govuk-tag--grey",
}
ARROWS = {"up": "\u2191", "down": "\u2193", "same": "\u2192"}
MOVED = {"up": "value rose", "down": "value fell", "same": "value unchanged"}


@register.filter
def figure(value, indicator):
    """A value in the indicator's own format: "82.6%", "1,247", "-0.09"."""
    return indicator.format(value)


@register.filter
def quartile(number):
    return QUARTILE_NAMES.get(number, "n.a.")


@register.simple_tag
def rag_tag(rag):
    rag = Rag(rag or Rag.NA)
    return format_html('<strong class="govuk-tag {}">{}</strong>', RAG_TAG_CLASS[rag], rag.label)


@register.simple_tag
def direction(dot, movement):
    """An arrow for which way the value moved, and words for whether that is better or worse."""
    dot = Dot(dot)
    if not movement:
        return format_html("<span>{}</span>", dot.label)
    return format_html(
        '<span aria-hidden="true" class="performance-arrow performance-arrow--{}">{}</span> {}'
        '<span class="govuk-visually-hidden"> ({})</span>',
        dot.value.replace(" ", "-").replace(".", ""),
        ARROWS[movement],
        dot.label,
        MOVED[movement],
    )
