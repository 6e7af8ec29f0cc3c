"""`{% term "s47" %}` or `{% term "s47" "section 47 enquiry" %}`: a word linked to its glossary entry."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from thrive.glossary import TERMS

register = template.Library()


@register.simple_tag
def term(key: str, text: str = "") -> SafeString:
    entry = TERMS[key]
    return format_html(
        '<a class="govuk-link thrive-term" href="{}#{}">{}</a>', reverse("glossary"), key, text or entry.words
    )
