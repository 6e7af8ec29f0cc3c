"""Child protection code lists (CIN census categories of abuse) and conference outcomes."""

from django.db import models


class AbuseCategory(models.TextChoices):
    NEGLECT = "NEG", "Neglect"
    PHYSICAL = "PHY", "Physical abuse"
    EMOTIONAL = "EMO", "Emotional abuse"
    SEXUAL = "SAB", "Sexual abuse"
    MULTIPLE = "MUL", "Multiple"


class StrategyOutcome(models.TextChoices):
    SECTION_47 = "s47", "Start a section 47 enquiry"
    SINGLE_AGENCY = "single", "No s47: continue assessment as child in need"
    NO_FURTHER_ACTION = "nfa", "No further action"


class Section47Outcome(models.TextChoices):
    ICPC = "icpc", "Concerns substantiated: initial child protection conference"
    CONCERNS_NOT_ICPC = "cin", "Concerns substantiated, child not at continuing risk: child in need"
    NOT_SUBSTANTIATED = "unsub", "Concerns not substantiated"


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", "Initial child protection conference"
    REVIEW = "review", "Review child protection conference"
    TRANSFER_IN = "transfer_in", "Transfer-in conference"


class ConferenceOutcome(models.TextChoices):
    PLAN = "plan", "Child protection plan"
    CONTINUE = "continue", "Plan continues"
    END_PLAN = "end", "Plan ends"
    NO_PLAN = "no_plan", "No child protection plan"


class Agency(models.TextChoices):
    """The agencies a strategy discussion or conference hears from (quoracy needs three)."""

    SOCIAL_CARE = "social_care", "Children's social care"
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    PROBATION = "probation", "Probation"
    OTHER = "other", "Other"


class CoreGroupAgency(models.TextChoices):
    """Who a core group member is there for: the family, or their agency."""

    FAMILY = "family", "Family"
    SOCIAL_CARE = "social_care", "Children's social care"
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    PROBATION = "probation", "Probation"
    OTHER = "other", "Other"


QUORATE_AGENCIES = (
    3  # a conference is quorate with at least three agencies, one of them children's social care
)


# The category of a plan in words a family can read, for the plan printed for them.
PLAIN_CATEGORY = {
    AbuseCategory.NEGLECT: "We are worried that the child's needs for care, safety and health are not being "
    "met "
    "(neglect).",
    AbuseCategory.PHYSICAL: "We are worried that the child has been or could be physically hurt (physical "
    "abuse).",
    AbuseCategory.EMOTIONAL: "We are worried about the child's feelings and how they are being treated "
    "(emotional abuse).",
    AbuseCategory.SEXUAL: "We are worried that the child has been or could be sexually abused.",
    AbuseCategory.MULTIPLE: "We are worried that the child has been or could be harmed in more than one way.",
}
