"""Who works where, who may see which child, and the audit of every look at a child's record."""
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


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

    def __str__(self):
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
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="subteams")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
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


SWE_NUMBER = RegexValidator(r"^SW\d{1,7}$", "A Social Work England registration number is SW and up to 7 digits, "
                                              "as on the register: SW123456.")


class User(AbstractUser):
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.SOCIAL_WORKER)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="staff")
    job_title = models.CharField(max_length=200, blank=True)
    swe_number = models.CharField(
        "Social Work England registration number", max_length=9, blank=True, validators=[SWE_NUMBER],
        help_text="For registered social workers: the 903's social worker episodes identify the worker by it (SW_ID).")
    teams = models.ManyToManyField(Team, through="TeamMembership", related_name="members")

    @property
    def is_manager(self) -> bool:
        return self.role in MANAGER_ROLES

    def __str__(self):
        return self.get_full_name() or self.username

    def save(self, *args, **kwargs):
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
    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="involvements")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT, related_name="involvements")
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


class BreakGlass(models.Model):
    """A user without a legitimate relationship opened a record, giving a reason; managers review it."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="break_glass")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="break_glass")
    reason = models.TextField()
    at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_outcome = models.CharField(
        max_length=20, blank=True, choices=[("appropriate", "Appropriate"), ("inappropriate", "Not appropriate: raised with the user's manager")]
    )
    review_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name_plural = "break glass accesses"


class BasisKind(models.TextChoices):
    """What a user's access to a child rests on (access.basis.Basis carries one, with the audit text)."""

    OWN = "own", "Own involvement with the child"
    TEAM = "team", "Member of a team working with the child"
    MANAGER = "manager", "Manager of a team working with the child"
    MULTI_AGENCY = "multi_agency", "Partner member of a multi-agency team working with the child"
    SHARE = "share", "Information share with the user's agency"
    BREAK_GLASS = "break_glass", "Break glass"
    FRONT_DOOR = "front_door", "Front door: recording a contact (identity only)"


class Action(models.TextChoices):
    READ = "read", "Read"
    RECORD = "record", "Record"
    MERGE = "merge", "Merge"
    AUDIT = "audit", "Audit review"
    PAGE = "page", "Other page"


class RecordView(models.Model):
    """The audit log: every attempt to open or record in a child's record, allowed or refused.

    Refusals by a role check on a page about no one child are logged here too, without a person.
    A row is "allowed" only when the page was served.
    """

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="record_views")
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="record_views")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    allowed = models.BooleanField()
    action = models.CharField(max_length=10, choices=Action.choices, default=Action.READ)
    basis_kind = models.CharField(max_length=20, choices=BasisKind.choices, blank=True)
    basis = models.CharField(max_length=200, help_text="Why access was allowed, or why it was refused.")
    path = models.CharField(max_length=500)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["person", "at"]), models.Index(fields=["user", "at"])]


class DisclosureKind(models.TextChoices):
    SEARCH = "search", "Search"
    LIST = "list", "List of children"
    EXPORT = "export", "File downloaded"


class Disclosure(models.Model):
    """A page or file naming many children (a search, a worklist, a drill-down, a return): who, when, what.

    The children it named are its DisclosedChild rows, so the log can be read by child as well as by user.
    """

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="disclosures")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=10, choices=DisclosureKind.choices)
    what = models.CharField(max_length=200)
    path = models.CharField(max_length=500)
    filename = models.CharField(max_length=200, blank=True)
    terms = models.CharField(max_length=500, blank=True, help_text="What was searched for.")
    count = models.PositiveIntegerField(help_text="Results found, or children in the file.")

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "at"])]


class DisclosedChild(models.Model):
    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT, related_name="children")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["person", "disclosure"])]
