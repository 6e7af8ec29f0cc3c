"""The parts of a child's record, declared once: what an information share may cover (its scope).

Every page about a child, every casework card (and each of its rows) and every timeline provider says
which part of the record it belongs to. A basis that comes from a share carries the parts shared
(`access.basis.Basis.parts`); the gate refuses a page outside them, and the record page, its cards and its
timeline leave out whatever is outside them. A share always covers identity: nothing can be shared
without saying whose it is. The council's own records (management oversight, merges, audit, who else
the record is shared with) are never shared, nor is the education record, which is read only on a
relationship of the reader's own (education.access).

Something that belongs to several parts (a child protection plan still in force is both a current plan
and child protection work) is shown when any of them is shared.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.db import models


class Part(models.TextChoices):
    IDENTITY = "identity", "Identity"
    ADDRESS = "address", "Address"
    FAMILY = "family", "Family network"
    WORKERS = "workers", "Who is working with the child"
    CONTACTS = "contacts", "Contacts and referrals"
    PLANS = "plans", "Current plans"
    FAMILY_HELP = "family_help", "Family Help and assessments"
    CHILD_PROTECTION = "child_protection", "Child protection"
    PROCEEDINGS = "proceedings", "Family group decisions and court proceedings"
    CARE = "care", "Care"
    LEAVING_CARE = "leaving_care", "Leaving care"
    PRIVATE_FOSTERING = "private_fostering", "Private fostering"
    COUNCIL_ONLY = "council_only", "The council's own records"


# What each part holds, as the manager choosing a share's scope reads it.
HINTS = {
    Part.IDENTITY: "Name, date of birth, sex, ethnicity, disabilities, NHS number, UPN and council ID. "
    "Always shared.",
    Part.ADDRESS: "Current and past addresses.",
    Part.FAMILY: "Relatives and connected people, parental responsibility and who the child lives with.",
    Part.WORKERS: "The lead practitioner, allocated worker, teams, IRO and personal adviser.",
    Part.CONTACTS: "Contacts to the front door, their decisions, and referrals.",
    Part.PLANS: "Child in need, child protection and pathway plans now in force: when they started, "
    "their category and reviews.",
    Part.FAMILY_HELP: "Family Help episodes, assessments and child in need plans, past and present.",
    Part.CHILD_PROTECTION: "Strategy discussions, section 47 enquiries, conferences, plans past and present, "
    "and visits.",
    Part.PROCEEDINGS: "Family group decision making, pre-proceedings and care proceedings.",
    Part.CARE: "Periods of care, placements, legal status, reviews, health and education of a child in care.",
    Part.LEAVING_CARE: "Leaving care status, pathway plans, accommodation and activity.",
    Part.PRIVATE_FOSTERING: "Private fostering arrangements notified to the council, and its visits.",
    Part.COUNCIL_ONLY: "Management oversight, merges, the audit log and shares: never shared. Nor is the "
    "education record, read only on a relationship of one's own (education.access).",
}

ALWAYS_SHARED = frozenset({Part.IDENTITY})
SHAREABLE = tuple(part for part in Part if part != Part.COUNCIL_ONLY)

# A page, card or row declares a Part, several, or (for a page keyed by casework whose part depends on it,
# e.g. a plan in force or ended) a function of the row giving them.
Parts = Part | tuple[Part, ...] | Callable[[Any], Any]


def as_parts(parts: Part | str | Iterable[Part | str] | None) -> frozenset[Part]:
    """A declaration as a set of parts (a single Part, or several)."""
    if parts is None:
        return frozenset()
    if isinstance(parts, str):
        return frozenset({Part(parts)})
    return frozenset(Part(part) for part in parts)


def parts_of(declared: Parts | None, obj: Any = None) -> frozenset[Part]:
    """The parts a page declared, for the row it shows (when the declaration depends on it)."""
    if callable(declared) and not isinstance(declared, str):
        return as_parts(declared(obj))
    return as_parts(declared)


def current_plan(service: Part, in_force: bool) -> tuple[Part, ...]:
    """A plan belongs to its service, and while in force to the current plans too."""
    return (Part.PLANS, service) if in_force else (service,)


def labels(parts: Iterable[Part | str]) -> str:
    """Parts as a reader would list them, in the registry's order: "identity, current plans"."""
    chosen = set(parts)
    return ", ".join(part.label.lower() for part in Part if part in chosen)
