"""Records about a child received from a partner agency, and how each was linked to Thrive's child.

A partner record keeps the identity exactly as the agency sent it (a misspelt name or a mistyped
NHS number stays as it came), so a worker reviewing a link sees the evidence, and linkage can be
measured. Notifications and referrals among them become front-door contacts once linked.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from people.codes import Sex


class RecordKind(models.TextChoices):
    # Records an agency holds about a child: linked so Thrive knows the child's school and GP.
    SCHOOL_ROLL = "school_roll", "School roll"
    GP_REGISTRATION = "gp_registration", "GP registration"
    POLICE_INCIDENT = "police_incident", "Police incident record"
    # Sent to the front door: each becomes a contact.
    DOMESTIC_ABUSE = "domestic_abuse", "Police domestic abuse notification"
    REFERRAL = "referral", "Referral"


CONTACT_KINDS = {RecordKind.DOMESTIC_ABUSE, RecordKind.REFERRAL}


class LinkStatus(models.TextChoices):
    AWAITING = "awaiting", "Awaiting matching"
    LINKED = "linked", "Linked to a child"
    REVIEW = "review", "For review at the front door"
    NOT_KNOWN = "not_known", "Not a child known to the council"


class LinkMethod(models.TextChoices):
    NHS_NUMBER = "nhs_number", "NHS number"
    AUTOMATIC = "automatic", "Matched automatically"
    WORKER = "worker", "Matched by a front-door worker"
    NEW_CHILD = "new_child", "New child record"


class PartnerRecord(models.Model):
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="partner_records")
    kind = models.CharField(max_length=20, choices=RecordKind.choices)
    reference = models.CharField(max_length=100, blank=True, help_text="The agency's own reference.")
    forename = models.CharField(max_length=100, blank=True)
    surname = models.CharField(max_length=100, blank=True)
    birth_date = models.DateField("date of birth", null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    address = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    nhs_number = models.CharField("NHS number as sent", max_length=20, blank=True)
    received_at = models.DateTimeField(help_text="When the record reached the council.")
    summary = models.TextField(blank=True, help_text="What the agency told the front door.")
    details = models.JSONField(default=dict, blank=True, help_text="Anything else the agency sent, as sent.")
    status = models.CharField(max_length=10, choices=LinkStatus.choices, default=LinkStatus.AWAITING)
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="partner_records"
    )
    link_method = models.CharField(max_length=12, choices=LinkMethod.choices, blank=True)
    link_weight = models.FloatField(
        null=True, blank=True, help_text="Splink match weight of an automatic link."
    )
    linked_at = models.DateTimeField(null=True, blank=True)
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    contact = models.OneToOneField(
        "frontdoor.Contact", null=True, blank=True, on_delete=models.PROTECT, related_name="partner_record"
    )
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["status", "received_at"]), models.Index(fields=["person", "kind"])]

    def __str__(self):
        return f"{self.get_kind_display()} from {self.agency} ({self.reference or self.pk})"

    @property
    def makes_contact(self) -> bool:
        return self.kind in CONTACT_KINDS

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.forename, self.surname) if p) or "(name not given)"


class SyntheticTruth(models.Model):
    """Who a synthetic partner record is really about, and the errors it was given.

    Written only by the synthetic council generator, to measure linkage quality; never read to link.
    """

    record = models.OneToOneField(
        PartnerRecord, primary_key=True, on_delete=models.CASCADE, related_name="truth"
    )
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty: a child the council does not know.",
    )
    errors = models.CharField(max_length=100, blank=True, help_text="The errors given, comma-separated.")
    held_out = models.BooleanField(
        help_text="Kept back for measuring quality, never for choosing thresholds."
    )
