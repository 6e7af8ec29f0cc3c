"""Pages about the service rather than about a child: the glossary."""

from django.shortcuts import render

from access.classes import signed_in

from .glossary import TERMS


@signed_in
def glossary(request):
    return render(
        request, "glossary.html", {"terms": sorted(TERMS.values(), key=lambda term: term.words.lower())}
    )
