"""Who works where, who may see which child, and the audit of every look at a child's record."""

from collections.abc import Iterable
from typing import Any, NoReturn

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import connection, models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .chain import LINKS, AppendOnlyError, AuditQuerySet, ChainedModel


class AgencyKind(models.TextChoices):
    LOCAL_AUTHORITY = "la", "Local authority"
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    PROBATION = "probation", "Probation"
    OTHER = "other", "Other"


class Agency(models.Model):
    """An organisation whose staff use Thrive or receive shared information."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=AgencyKind.choices)

    class Meta:
        verbose_name_plural = "agencies"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TeamKind(models.TextChoices):
    SERVICE = "service", "Service (a group of teams)"
    FRONT_DOOR = "front_door", "Front door (MASH / First Response)"
    FAMILY_HELP = "family_help", "Family Help"
    ASSESSMENT = "assessment", "Assessment"
    MULTI_AGENCY_CP = "macpt", "Multi-agency child protection team"
    CHILDREN_IN_CARE = "cic", "Children in care"
    LEAVING_CARE = "leaving_care", "Leaving care"
    IRO = "iro", "Independent reviewing service"
    VIRTUAL_SCHOOL = "virtual_school", "Virtual School"
    EDUCATION = "education", "Education inclusion"
    PLACEMENTS = "placements", "Placements and commissioning"
    PERFORMANCE = "performance", "Performance and business intelligence"
    ADMINISTRATION = "admin", "System administration"
    INFORMATION_GOVERNANCE = "info_governance", "Information governance"


class Team(models.Model):
    """A team; teams sit under a service, and a service's managers oversee all its teams."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=TeamKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="subteams"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    LEAD_PRACTITIONER = "lead_practitioner", "Family Help lead practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    SERVICE_MANAGER = "service_manager", "Service manager"
    IRO = "iro", "Independent reviewing officer / conference chair"
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    PARTNER = "partner", "Partner agency practitioner"
    EDUCATION_OFFICER = "education_officer", "Education officer"
    VIRTUAL_SCHOOL = "virtual_school", "Virtual School officer"
    PLACEMENTS_OFFICER = "placements_officer", "Placements officer"
    ANALYST = "analyst", "Performance analyst"
    ADMINISTRATOR = "administrator", "System administrator"
    DATA_PROTECTION_OFFICER = "dpo", "Data protection officer"
    DATA_QUALITY = "data_quality", "Data quality officer"


MANAGER_ROLES = {Role.TEAM_MANAGER, Role.SERVICE_MANAGER}


SWE_NUMBER = RegexValidator(
    r"^SW\d{1,7}$",
    "A Social Work England registration number is SW and up to 7 digits, as on the register: SW123456.",
)


class User(AbstractUser):
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.SOCIAL_WORKER)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="staff")
    job_title = models.CharField(max_length=200, blank=True)
    swe_number = models.CharField(
        "Social Work England registration number",
        max_length=9,
        blank=True,
        validators=[SWE_NUMBER],
        help_text=(
            "For registered social workers: the 903's social worker episodes identify the worker by it "
            "(SW_ID)."
        ),
    )
    teams = models.ManyToManyField(Team, through="TeamMembership", related_name="members")

    @property
    def is_manager(self) -> bool:
        return self.role in MANAGER_ROLES

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.swe_number = self.swe_number.strip().upper()
        super().save(*args, **kwargs)


class TeamMembership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    manages = models.BooleanField(default=False, help_text="Manages this team (and the teams under it).")
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "team"], name="one_membership_per_team")]


class InvolvementKind(models.TextChoices):
    ALLOCATED_WORKER = "allocated_worker", "Allocated worker"
    LEAD_PRACTITIONER = "lead_practitioner", "Family Help lead practitioner"
    LEAD_CP_PRACTITIONER = "lead_cp_practitioner", "Lead child protection practitioner"
    TEAM = "team", "Open to team"
    IRO = "iro", "Independent reviewing officer"
    CONFERENCE_CHAIR = "chair", "Child protection conference chair"
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    CONTACT = "contact", "Contact awaiting the front door's decision"


class Involvement(models.Model):
    """A legitimate relationship between a child and a worker or team, for a period.

    Access to a child's record follows from these; the journey apps create and end them
    as cases are allocated, transferred and closed.
    """

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="involvements")
    kind = models.CharField(max_length=30, choices=InvolvementKind.choices)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="involvements"
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="involvements"
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [
            models.Index(fields=["user", "end_date"]),
            models.Index(fields=["team", "end_date"]),
            models.Index(fields=["person", "end_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | models.Q(team__isnull=False),
                name="involvement_names_user_or_team",
            )
        ]


class BreakGlass(ChainedModel):
    """A user without a legitimate relationship opened a record, giving a reason; managers review it.

    Part of the audit log, so never changed: a manager's review is a BreakGlassReview of its own.
    """

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="break_glass")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="break_glass")
    reason = models.TextField()
    at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    chain_link = LINKS["breakglass"]

    class Meta:
        ordering = ["-at"]
        verbose_name_plural = "break glass accesses"


class ReviewOutcome(models.TextChoices):
    APPROPRIATE = "appropriate", "Appropriate"
    INAPPROPRIATE = "inappropriate", "Not appropriate: raised with the user's manager"


class BreakGlassReview(ChainedModel):
    """A manager's judgement on one break-glass access, given once and kept as written."""

    break_glass = models.OneToOneField(BreakGlass, on_delete=models.PROTECT, related_name="review")
    reviewed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=20, choices=ReviewOutcome.choices)
    note = models.TextField(blank=True)
    chain_link = LINKS["breakglassreview"]


class BasisKind(models.TextChoices):
    """What a user's access to a child rests on (access.basis.Basis carries one, with the audit text)."""

    OWN = "own", "Own involvement with the child"
    TEAM = "team", "Member of a team working with the child"
    MANAGER = "manager", "Manager of a team working with the child"
    MULTI_AGENCY = "multi_agency", "Partner member of a multi-agency team working with the child"
    SHARE = "share", "Information share with the user's agency"
    BREAK_GLASS = "break_glass", "Break glass"
    FRONT_DOOR = "front_door", "Front door: recording a contact (identity only)"
    IDENTITY = "identity", "Identity only: matching a partner's record or checking possible duplicates"


class Action(models.TextChoices):
    READ = "read", "Read"
    RECORD = "record", "Record"
    MERGE = "merge", "Merge"
    AUDIT = "audit", "Audit review"
    PAGE = "page", "Other page"


class RecordView(ChainedModel):
    """The audit log: every attempt to open or record in a child's record, allowed or refused.

    Refusals by a role check on a page about no one child are logged here too, without a person.
    A row is "allowed" only when the page was served.
    """

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="record_views")
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="record_views"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    allowed = models.BooleanField()
    action = models.CharField(max_length=10, choices=Action.choices, default=Action.READ)
    basis_kind = models.CharField(max_length=20, choices=BasisKind.choices, blank=True)
    basis = models.CharField(max_length=200, help_text="Why access was allowed, or why it was refused.")
    path = models.CharField(max_length=500)
    chain_link = LINKS["recordview"]

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["person", "at"]), models.Index(fields=["user", "at"])]


class DisclosureKind(models.TextChoices):
    SEARCH = "search", "Search"
    LIST = "list", "List of children"
    EXPORT = "export", "File downloaded"


class Disclosure(ChainedModel):
    """A page or file naming many children (a search, a worklist, a drill-down, a return): who, when, what.

    The children it named are its DisclosedChild rows, so the log can be read by child as well as by user.
    They are written with it (`Disclosure.objects.create(..., named=person_ids)`), and its chain hash
    covers them.
    """

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="disclosures")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=10, choices=DisclosureKind.choices)
    what = models.CharField(max_length=200)
    path = models.CharField(max_length=500)
    filename = models.CharField(max_length=200, blank=True)
    terms = models.CharField(max_length=500, blank=True, help_text="What was searched for.")
    count = models.PositiveIntegerField(help_text="Results found, or children in the file.")
    chain_link = LINKS["disclosure"]
    chain_bulk = False  # each with its children

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "at"])]

    @property
    def named(self) -> list[int]:
        """The ids of the people a new disclosure names (each once), written with it."""
        return getattr(self, "_named", [])

    @named.setter
    def named(self, person_ids: Iterable[Any]) -> None:
        self._named = list(dict.fromkeys(getattr(p, "pk", p) for p in person_ids))

    def chained_children(self) -> list[int]:
        return self.named

    def _insert(self, *args: Any, **kwargs: Any) -> None:
        super()._insert(*args, **kwargs)
        if self.named:
            _insert_children(self.pk, self.named)


WITH_ITS_DISCLOSURE = "A disclosure's children are written with it: Disclosure.objects.create(named=...)."


class DisclosedChildQuerySet(AuditQuerySet):
    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError(WITH_ITS_DISCLOSURE)


class DisclosedChild(models.Model):
    """A child a disclosure named; written only with the disclosure (its chain hash covers them)."""

    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT, related_name="children")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")

    objects = DisclosedChildQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["person", "disclosure"])]

    def save(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError(WITH_ITS_DISCLOSURE)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The audit log is append-only: a disclosure's children are not deleted.")


def _insert_children(disclosure_id: int, person_ids: list[int]) -> None:
    """One prepared statement for all of them (executemany): a quarter of the ORM's time for a manager's
    My work of 1,500 children, so a 50,000-child return costs a fraction of a second."""
    quote = connection.ops.quote_name
    table = quote(DisclosedChild._meta.db_table)
    fields = (DisclosedChild._meta.get_field(name) for name in ("disclosure", "person"))
    columns = ", ".join(quote(field.column) for field in fields)  # type: ignore[union-attr,arg-type]
    sql = f"INSERT INTO {table} ({columns}) VALUES (%s, %s)"  # nosec B608: names from the model, values bound
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(disclosure_id, pk) for pk in person_ids])


class AuditChainHead(models.Model):
    """The audit chain's last place and hash (one row): locked by each audit write, so writers follow one
    another; `verify_audit` checks the chain ends here, so rows deleted from its end are found too."""

    id = models.PositiveSmallIntegerField(primary_key=True)
    seq = models.BigIntegerField()
    hash = models.CharField(max_length=64)


from .shares import PartnerDisclosure, Share  # noqa: E402,F401  models declared in their own module
