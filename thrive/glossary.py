"""The glossary: the words of the trade a new worker, a partner or a councillor meets in Thrive, declared once
and linked from the pages where they appear (`{% term "s47" %}`, people/templatetags/glossary.py)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    key: str  # the page anchor
    words: str
    meaning: str


TERMS = {
    term.key: term
    for term in (
        Term(
            "break-glass",
            "Break glass",
            (
                "Opening a record you have no working relationship with, giving a reason. A manager reviews "
                "every one."
            ),
        ),
        Term(
            "cin",
            "Child in need (CIN)",
            "A child whose health or development needs services from the council to reach a reasonable "
            "standard "
            "(Children Act 1989, section 17). A CIN plan sets out that help.",
        ),
        Term(
            "cp-plan",
            "Child protection plan",
            "The plan for a child at continuing risk of significant harm, agreed at a child protection "
            "conference, "
            "under a category: neglect, physical, emotional or sexual abuse.",
        ),
        Term(
            "icpc",
            "Initial child protection conference (ICPC)",
            "The meeting that decides whether a child needs a child protection plan: within 15 working "
            "days of the "
            "strategy discussion that started the section 47 enquiry.",
        ),
        Term(
            "rcpc",
            "Review child protection conference",
            "Reviews a child protection plan: the first within 3 months of the initial conference, then "
            "at most 6 "
            "months apart.",
        ),
        Term(
            "core-group",
            "Core group",
            "The family and professionals who carry out a child protection plan; it first meets within "
            "10 working days "
            "of the initial conference.",
        ),
        Term(
            "drift",
            "Drift",
            (
                "Work that has stalled: a case open longer than it should be without progress. Managers "
                "review it."
            ),
        ),
        Term(
            "fgdm",
            "Family group decision making (FGDM)",
            "A meeting where the family and their network make a plan for the child. The council must "
            "offer one "
            "before care proceedings start.",
        ),
        Term(
            "family-help",
            "Family Help",
            "Targeted early help and child in need work as one offer, led by a lead practitioner.",
        ),
        Term(
            "iro",
            "Independent reviewing officer (IRO)",
            "Chairs the reviews of a child in care and checks the care plan is carried out.",
        ),
        Term(
            "mash",
            "Front door (MASH)",
            "Where contacts about children arrive: the multi-agency safeguarding hub decides the "
            "response within "
            "1 working day.",
        ),
        Term(
            "nts",
            "National Transfer Scheme (NTS)",
            "Moves unaccompanied children between councils so that no council looks after more than "
            "0.1% of its child "
            "population.",
        ),
        Term(
            "official-sensitive",
            "OFFICIAL-SENSITIVE",
            "The protective marking on printed or downloaded personal information about a child: keep "
            "it secure and "
            "share it only with those who need it.",
        ),
        Term(
            "pep",
            "Personal Education Plan (PEP)",
            "The education part of a child in care's care plan, agreed with the Virtual School each term.",
        ),
        Term(
            "pn0",
            "Review participation (PN0 to PN7)",
            "How a child in care took part in their review, as the SSDA903 return records it: PN0 is a "
            "child under 4; "
            "PN1 attended and spoke for themselves; PN7 did not attend and their views were not conveyed.",
        ),
        Term(
            "pre-proceedings",
            "Pre-proceedings (Public Law Outline)",
            "The formal stage before care proceedings, when the council tells the parents its concerns "
            "and what must "
            "change.",
        ),
        Term(
            "quartile",
            "National quartile",
            "Where the council's figure falls among all councils in England: 1 is the best quarter.",
        ),
        Term("rag", "RAG rating", "Red, amber or green: how a figure stands against its target."),
        Term(
            "s47",
            "Section 47 enquiry (s47)",
            "The enquiry the council must make when it suspects a child is suffering, or likely to "
            "suffer, significant "
            "harm (Children Act 1989, section 47).",
        ),
        Term(
            "statistical-neighbours",
            "Statistical neighbours",
            "The ten councils most like this one, whose average a figure is compared with.",
        ),
        Term(
            "strategy-discussion",
            "Strategy discussion",
            "Police, health and social care decide together whether to start a section 47 enquiry.",
        ),
        Term(
            "staying-close",
            "Staying Close and Staying Put",
            "Support for care leavers to live near, or stay with, their former carers or home.",
        ),
        Term(
            "uasc",
            "Unaccompanied asylum-seeking child (UASC)",
            "A child who arrives in the UK alone and claims asylum; the council looks after them.",
        ),
    )
}
