"""A trained linkage model, the candidates a partner record might be, and possible duplicate people."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class LinkageModel(models.Model):
    """A Splink model trained on the council's people: settings and estimated parameters, as Splink's JSON."""

    trained_at = models.DateTimeField(default=timezone.now)
    splink_json = models.JSONField()
    people = models.PositiveIntegerField(help_text="People the model was trained on.")
    records = models.PositiveIntegerField(help_text="Partner records the model was trained on.")

    class Meta:
        get_latest_by = "trained_at"


def probability_text(probability: float) -> str:
    """Words for a match probability: "99.9% likely to be the same child"."""
    if probability >= 0.9995:
        return "over 99.9% likely to be the same"
    if probability < 0.001:
        return "under 0.1% likely to be the same"
    return f"{probability:.1%} likely to be the same"


class LinkCandidate(models.Model):
    """A child a partner record may be about, with Splink's evidence for and against, for the review queue."""

    record = models.ForeignKey("sharing.PartnerRecord", on_delete=models.CASCADE, related_name="candidates")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    match_weight = models.FloatField()
    match_probability = models.FloatField()
    evidence = models.JSONField(help_text="[{comparison, level, weight}] in the model's order.")

    class Meta:
        ordering = ["-match_weight"]
        constraints = [models.UniqueConstraint(fields=["record", "person"], name="one_candidate_per_person")]

    @property
    def probability_text(self) -> str:
        return probability_text(self.match_probability)


class DuplicateStatus(models.TextChoices):
    OPEN = "open", "To check"
    MERGED = "merged", "Merged"
    DIFFERENT = "different", "Different people"


class DuplicatePair(models.Model):
    """Two of Thrive's people who may be one: the data-quality worklist."""

    first = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    match_weight = models.FloatField()
    match_probability = models.FloatField()
    evidence = models.JSONField()
    found_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=DuplicateStatus.choices, default=DuplicateStatus.OPEN)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    merge = models.ForeignKey(
        "people.PersonMerge", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-match_weight"]
        constraints = [models.UniqueConstraint(fields=["first", "second"], name="one_pair_per_two_people")]

    @property
    def probability_text(self) -> str:
        return probability_text(self.match_probability)
