"""Information shares with partner agencies, each with a lawful basis and a scope, and the log of what was
disclosed to partners under them.

A share lets one partner agency see the parts of one child's record it names (access.parts), from its
start until it ends, on a lawful basis chosen from a maintained list (`LawfulBasis`, declared here once).
A manager reviews it by its review date. Every disclosure to a partner (a page its staff saw, an API
answer, a notification put in its outbox) is a `PartnerDisclosure` row, which the data protection officer
searches by child and by agency and exports for a subject access request.

Shares were first the sharing app's; the model lives in this core (its table still `sharing_share`) so
the access rules need no journey app.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from timescales.dates import is_open_on, open_on

from .chain import LINKS, ChainedModel
from .parts import ALWAYS_SHARED, SHAREABLE, Part, as_parts


class LawfulBasis(models.TextChoices):
    """The maintained list of lawful bases for sharing a child's information: a change in law is an edit here
    (a provision no longer offered moves to RETIRED, so shares made under it keep their wording)."""

    CA1989_S17 = "ca1989_s17", "Children Act 1989 s17"
    CA1989_S47 = "ca1989_s47", "Children Act 1989 s47"
    CA2004_S10 = "ca2004_s10", "Children Act 2004 s10"
    CA2004_S11 = "ca2004_s11", "Children Act 2004 s11"
    DPA2018_SCH8 = "dpa2018_sch8", "Data Protection Act 2018 Schedule 8 para 4"
    DPA2018_SCH1 = "dpa2018_sch1_p18", "Data Protection Act 2018 Schedule 1 para 18"
    UK_GDPR_PUBLIC_TASK = "ukgdpr_6_1_e", "UK GDPR Article 6(1)(e)"
    CONSENT = "consent", "Consent"
    CRIME_AND_DISORDER = "cda1998_s115", "Crime and Disorder Act 1998 s115"
    DUTY_TO_SHARE = "duty_to_share", "Statutory duty to share information for safeguarding"


# What each basis allows, as the manager choosing it reads it.
LAWFUL_BASIS_HINTS = {
    LawfulBasis.CA1989_S17: "Services for a child in need and their family.",
    LawfulBasis.CA1989_S47: (
        "Enquiries where there is reasonable cause to suspect a child is suffering, or "
        "likely to suffer, significant harm."
    ),
    LawfulBasis.CA2004_S10: (
        "Co-operation between the council and its partners to improve children's well-being."
    ),
    LawfulBasis.CA2004_S11: (
        "The duty of the council and named partners to safeguard and promote the welfare of children."
    ),
    LawfulBasis.DPA2018_SCH8: (
        "The safeguarding of children and individuals at risk: the condition for "
        "sensitive processing by a competent authority for law enforcement (police, "
        "youth justice)."
    ),
    LawfulBasis.DPA2018_SCH1: (
        "The safeguarding of children and individuals at risk: the condition for special "
        "category data (health, ethnicity) under the UK GDPR."
    ),
    LawfulBasis.UK_GDPR_PUBLIC_TASK: (
        "Processing needed for a task in the public interest or in the council's "
        "official authority (with a statutory function behind it)."
    ),
    LawfulBasis.CONSENT: (
        "The family's (or a competent child's) freely given consent, recorded; it can be "
        "withdrawn, which ends the share."
    ),
    LawfulBasis.CRIME_AND_DISORDER: (
        "Sharing with the police, probation or health to prevent crime and disorder."
    ),
}
RETIRED = frozenset({LawfulBasis.DUTY_TO_SHARE})  # names no provision: kept only for shares made with it
OFFERED = tuple(basis for basis in LawfulBasis if basis not in RETIRED)


class ShareQuerySet(models.QuerySet):
    def active(self, on: datetime.date | None = None):
        """Shares in force on the date (today by default): started, and not ended before it."""
        return self.filter(open_on(on or timezone.localdate()))


class Share(models.Model):
    """A partner agency may see the parts of a child's record the share names while it is active."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="shares")
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="shares")
    legal_basis = models.CharField("Lawful basis", max_length=20, choices=LawfulBasis.choices)
    parts = models.JSONField(default=list, help_text="The parts of the record shared (access.parts.Part).")
    purpose = models.CharField(max_length=300)
    start_date = models.DateField()
    review_date = models.DateField(null=True, blank=True, help_text="When a manager next reviews the share.")
    reviewed_on = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text=("The last day shared (the day before it began, for a share stopped before it started)."),
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    end_reason = models.CharField(max_length=500, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(table_name="sharing_historicalshare")

    objects = ShareQuerySet.as_manager()

    class Meta:
        db_table = "sharing_share"
        indexes = [models.Index(fields=["agency", "person", "end_date"])]

    def __str__(self):
        return f"{self.agency} ({self.get_legal_basis_display()})"

    @property
    def part_set(self) -> frozenset:
        """The parts shared: those named, and identity always."""
        return as_parts(part for part in self.parts if part in Part.values) | ALWAYS_SHARED

    def is_active(self, on: datetime.date | None = None) -> bool:
        return is_open_on(self.start_date, self.end_date, on or timezone.localdate())

    def clean(self):
        unknown = [part for part in self.parts if part not in SHAREABLE]
        if unknown:
            raise ValidationError({"parts": "Choose only parts of the record that can be shared."})
        if self.end_date and self.end_date < self.start_date - datetime.timedelta(days=1):
            raise ValidationError({"end_date": "The share cannot end before it started."})


class DisclosureChannel(models.TextChoices):
    PAGE = "page", "Seen on a page by the agency's staff"
    API = "api", "An answer to the agency's system (API)"
    NOTIFICATION = "notification", "A notification put in the agency's outbox"


class PartnerDisclosure(ChainedModel):
    """One disclosure of a child's information to a partner agency: what, when, how, under which share and
    lawful basis, and which parts of the record. Part of the audit chain (access.chain): never changed or
    deleted once written."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="disclosures")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    share = models.ForeignKey(
        Share, null=True, blank=True, on_delete=models.PROTECT, related_name="disclosures"
    )
    legal_basis = models.CharField("Lawful basis", max_length=20, choices=LawfulBasis.choices)
    parts = models.JSONField(default=list)
    channel = models.CharField(max_length=20, choices=DisclosureChannel.choices)
    what = models.CharField(max_length=300)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The agency's member of staff who saw it (pages).",
    )
    client = models.CharField(
        max_length=200, blank=True, help_text="The agency's system (API key) it went to."
    )
    path = models.CharField(max_length=500, blank=True)
    chain_link = LINKS["partnerdisclosure"]

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["person", "at"]), models.Index(fields=["agency", "at"])]
        verbose_name = "disclosure to a partner agency"

    @property
    def part_labels(self) -> str:
        from .parts import labels

        return labels(as_parts(p for p in self.parts if p in Part.values))
