"""A person known to the council: children (born or unborn) and the adults around them."""

import datetime
import unicodedata

import jellyfish
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from timescales.dates import age_on

from .codes import Disability, Ethnicity, FlagKind, RelationshipKind, Sex, UPNUnknown
from .identifiers import normalise_nhs_number, validate_nhs_number, validate_upn

ADULT_AGE = 18


def search_key(name: str) -> str:
    """Lower-case, accent-free, letters only: how names are indexed and searched."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    return "".join(c for c in decomposed.lower() if c.isalpha())


SOUND_KEY_LENGTH = 40


def sound_key(key: str) -> str:
    """How a name sounds (Metaphone of its search key): "Cuningham" and "Cunningham" share one."""
    return jellyfish.metaphone(key)[:SOUND_KEY_LENGTH] if key else ""


def search_fields(forename: str, surname: str) -> dict:
    """The indexed search columns for a name, for code that writes people without save()."""
    forename_key, surname_key = search_key(forename), search_key(surname)
    return {
        "search_forename": forename_key,
        "search_surname": surname_key,
        "sound_forename": sound_key(forename_key),
        "sound_surname": sound_key(surname_key),
    }


class PersonQuerySet(models.QuerySet):
    def current(self):
        """People not merged into another record."""
        return self.filter(merged_into__isnull=True)

    def children(self, on: datetime.date):
        """Under 18 on the date, or not yet born."""
        eighteenth_birthday_cutoff = on - relativedelta(years=ADULT_AGE)
        return self.filter(
            models.Q(birth_date__gt=eighteenth_birthday_cutoff)
            | models.Q(birth_date__isnull=True, expected_birth_date__isnull=False)
        )


class Person(models.Model):
    """One record per person; the NHS number is the Single Unique Identifier where known."""

    la_id = models.CharField("council ID", max_length=20, unique=True)
    forename = models.CharField(max_length=100, blank=True)
    middle_names = models.CharField(max_length=100, blank=True)
    surname = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    birth_date = models.DateField("date of birth", null=True, blank=True)
    expected_birth_date = models.DateField("expected date of birth", null=True, blank=True)
    death_date = models.DateField("date of death", null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    gender_identity = models.CharField(max_length=100, blank=True)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    nhs_number = models.CharField(
        "NHS number", max_length=10, unique=True, null=True, blank=True, validators=[validate_nhs_number]
    )
    upn = models.CharField(
        "Unique Pupil Number", max_length=13, unique=True, null=True, blank=True, validators=[validate_upn]
    )
    upn_unknown = models.CharField(
        "why there is no UPN",
        max_length=3,
        choices=UPNUnknown.choices,
        blank=True,
        help_text="UPNunknown in the CIN census; the 903 header reports it in place of the UPN.",
    )
    former_upn = models.CharField(
        "former UPN",
        max_length=13,
        blank=True,
        help_text="An earlier UPN the child had (FormerUPN in the CIN census).",
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_records",
        help_text="Set while this record is merged into another; the merge log keeps who, when and why.",
    )
    search_forename = models.CharField(max_length=100, editable=False, db_index=True)
    search_surname = models.CharField(max_length=100, editable=False, db_index=True)
    sound_forename = models.CharField(max_length=SOUND_KEY_LENGTH, editable=False, db_index=True, default="")
    sound_surname = models.CharField(max_length=SOUND_KEY_LENGTH, editable=False, db_index=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = PersonQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["birth_date", "search_surname"])]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.forename, self.surname) if p) or "(name not known)"

    @property
    def is_unborn(self) -> bool:
        return self.birth_date is None and self.expected_birth_date is not None

    def age_on(self, on: datetime.date) -> int | None:
        if self.birth_date is None:
            return None
        return age_on(self.birth_date, on)

    def clean(self):
        if self.nhs_number:
            self.nhs_number = normalise_nhs_number(self.nhs_number)
        if self.upn:
            self.upn = self.upn.strip().upper()
        if self.birth_date is None and self.expected_birth_date is None:
            raise ValidationError(
                {"birth_date": "Enter a date of birth, or an expected date of birth for an unborn child."}
            )
        if self.birth_date and self.death_date and self.death_date < self.birth_date:
            raise ValidationError({"death_date": "Date of death must be on or after the date of birth."})
        if self.merged_into_id and self.merged_into_id == self.pk:
            raise ValidationError({"merged_into": "A record cannot be merged into itself."})

    def save(self, *args, **kwargs):
        for name, value in search_fields(self.forename, self.surname).items():
            setattr(self, name, value)
        super().save(*args, **kwargs)


class PersonDisability(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="disabilities")
    code = models.CharField(max_length=4, choices=Disability.choices)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "code"], name="one_disability_code_per_person")
        ]


class Address(models.Model):
    """Where a person lived from one date to another; the current address has no end date."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses")
    line1 = models.CharField(max_length=200)
    line2 = models.CharField(max_length=200, blank=True)
    town = models.CharField(max_length=100)
    postcode = models.CharField(max_length=8, db_index=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date"]
        verbose_name_plural = "addresses"

    def __str__(self):
        return ", ".join(p for p in (self.line1, self.line2, self.town, self.postcode) if p)

    def clean(self):
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The address end date must be on or after its start date."})


class Relationship(models.Model):
    """The relative is the person's <kind>: the family network a worker draws on."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships")
    relative = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships_as_relative")
    kind = models.CharField(max_length=20, choices=RelationshipKind.choices)
    parental_responsibility = models.BooleanField(default=False)
    lives_with = models.BooleanField(default=False)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    def clean(self):
        if self.person_id and self.person_id == self.relative_id:
            raise ValidationError({"relative": "A person cannot be their own relative."})


class PersonMerge(models.Model):
    """The log of merges: a duplicate record folded into a surviving one, undoable."""

    survivor = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_kept")
    duplicate = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_folded")
    reason = models.TextField()
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    merged_at = models.DateTimeField()
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undo_reason = models.TextField(blank=True)


class Draft(models.Model):
    """What a worker has typed into a form and not yet saved: theirs alone, never part of a child's record.

    Kept by the page's path, so the form they come back to is the form they left; the person it is
    about (when the page is about a child) lets their drafts be listed on that child's pages.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    path = models.CharField(max_length=300)
    title = models.CharField(max_length=200, blank=True)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "path"], name="one_draft_per_user_and_page")]
        indexes = [models.Index(fields=["user", "person"])]


class PersonFlag(models.Model):
    """A warning recorded on a person's record (a risk to staff, say): shown as an alert until it is ended."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="flags")
    kind = models.CharField("warning", max_length=20, choices=FlagKind.choices)
    detail = models.TextField("what staff need to know")
    start_date = models.DateField("from")
    end_date = models.DateField("ended on", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["person", "end_date"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.detail}"

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The date the warning ended must be on or after it started"})
