"""CIN census code lists for the front door: who referred, why, and why a case closed."""

from django.db import models


class ReferralSource(models.TextChoices):
    FAMILY = "1A", "Individual: family member, relative or carer"
    ACQUAINTANCE = "1B", "Individual: acquaintance (including neighbours and childminders)"
    SELF = "1C", "Individual: self"
    OTHER_INDIVIDUAL = "1D", "Individual: other (including strangers, MPs)"
    SCHOOLS = "2A", "Schools"
    EDUCATION_SERVICES = "2B", "Education services"
    GP = "3A", "Health services: GP"
    HEALTH_VISITOR = "3B", "Health services: health visitor"
    SCHOOL_NURSE = "3C", "Health services: school nurse"
    OTHER_PRIMARY_HEALTH = "3D", "Health services: other primary health services"
    A_AND_E = "3E", "Health services: A&E"
    OTHER_HEALTH = "3F", "Health services: other (e.g. hospice)"
    HOUSING = "4", "Housing"
    LA_SOCIAL_CARE = "5A", "LA services: social care (e.g. adult social care)"
    LA_OTHER_INTERNAL = "5B", "LA services: other internal"
    LA_EXTERNAL = "5C", "LA services: external (e.g. another council's children's services)"
    EARLY_HELP = "5D", "Early help / Family Help"
    POLICE = "6", "Police"
    OTHER_LEGAL = "7", "Other legal agency (courts, probation, immigration, Cafcass, prison)"
    OTHER = "8", "Other"
    ANONYMOUS = "9", "Anonymous"
    UNKNOWN = "10", "Unknown"


class PrimaryNeed(models.TextChoices):
    NOT_STATED = "N0", "Not stated"
    ABUSE_OR_NEGLECT = "N1", "Abuse or neglect"
    DISABILITY = "N2", "Child's disability or illness"
    PARENTAL_DISABILITY = "N3", "Parental disability or illness"
    ACUTE_STRESS = "N4", "Family in acute stress"
    DYSFUNCTION = "N5", "Family dysfunction"
    BEHAVIOUR = "N6", "Socially unacceptable behaviour"
    LOW_INCOME = "N7", "Low income"
    ABSENT_PARENTING = "N8", "Absent parenting"
    NOT_IN_NEED = "N9", "Cases other than children in need"


class ClosureReason(models.TextChoices):
    ADOPTED = "RC1", "Adopted"
    DIED = "RC2", "Died"
    CHILD_ARRANGEMENTS = "RC3", "Child arrangements order"
    SGO = "RC4", "Special guardianship order"
    TRANSFERRED_LA = "RC5", "Transferred to services of another local authority"
    TRANSFERRED_ADULTS = "RC6", "Transferred to adult social care services"
    CEASED = "RC7", "Services ceased for any other reason, including child no longer in need"
    NFA_AFTER_ASSESSMENT = "RC8", "Case closed after assessment, no further action"
    FAMILY_HELP_AFTER_ASSESSMENT = "RC9", "Case closed after assessment, referred to early help / Family Help"


class ContactOutcome(models.TextChoices):
    """The front door's decision on a contact, due within one working day."""

    NO_FURTHER_ACTION = "nfa", "No further action"
    ADVICE = "advice", "Information and advice"
    FAMILY_HELP = "family_help", "Family Help"
    REFERRAL = "referral", "Referral to children's social care"
    STRATEGY_DISCUSSION = "strategy", "Referral and strategy discussion (immediate safeguarding concern)"


REFERRAL_OUTCOMES = {ContactOutcome.REFERRAL, ContactOutcome.STRATEGY_DISCUSSION}
