"""Information shared about a child with a partner agency, each share with its legal basis; and, from the
sub-packages, partner agencies' records (`partners`), record linkage (`linkage`) and the API (`api`)."""
from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .api.models import ApiCall, ApiClient, Event, Notification, Scope  # noqa: F401
from .linkage.models import DuplicatePair, DuplicateStatus, LinkageModel, LinkCandidate  # noqa: F401
from .partners.models import LinkMethod, LinkStatus, PartnerRecord, RecordKind, SyntheticTruth  # noqa: F401


class LegalBasis(models.TextChoices):
    CA1989_S17 = "ca1989_s17", "Children Act 1989 s17 (child in need)"
    CA1989_S47 = "ca1989_s47", "Children Act 1989 s47 (enquiries)"
    CA2004_S11 = "ca2004_s11", "Children Act 2004 s11 (duty to safeguard)"
    DUTY_TO_SHARE = "duty_to_share", "Statutory duty to share information for safeguarding"
    CONSENT = "consent", "Consent of the family"
    CRIME_AND_DISORDER = "cda1998_s115", "Crime and Disorder Act 1998 s115"


class Share(models.Model):
    """A partner agency may see a child's record while the share is active."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="shares")
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="shares")
    legal_basis = models.CharField(max_length=20, choices=LegalBasis.choices)
    purpose = models.CharField(max_length=300)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["agency", "person", "end_date"])]
