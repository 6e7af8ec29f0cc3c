"""SSDA903 OC3 code lists for care leavers, and the statuses the Children (Leaving Care) Act 2000 created."""

from django.db import models

NOT_KNOWN = "0"  # ACTIV and ACCOM when the council is not in touch, or the young person died or returned home


class InTouch(models.TextChoices):
    """IN_TOUCH."""

    YES = "YES", "Yes: in touch"
    NO = "NO", "No: not in touch"
    DIED = "DIED", "Died after leaving care"
    REFUSED = "REFU", "Young person refuses contact"
    NOT_REQUIRED = "NREQ", "Young person no longer requires children's social care services"
    RETURNED_HOME = (
        "RHOM",
        "Returned to live with parents or someone with parental responsibility for 6 months or more",
    )


# In touch, so activity and accommodation are known (903 rule 345); died or home, so they are 0 (rule 344).
KNOWN_CIRCUMSTANCES = {InTouch.YES}
NO_CIRCUMSTANCES = {InTouch.DIED, InTouch.RETURNED_HOME}


class Activity(models.TextChoices):
    """ACTIV: education, employment or training (EET), or not (NEET)."""

    HIGHER_EDUCATION_FULL = "F1", "Full time in higher education"
    HIGHER_EDUCATION_PART = "P1", "Part time in higher education"
    EDUCATION_FULL = "F2", "Full time in education other than higher education"
    EDUCATION_PART = "P2", "Part time in education other than higher education"
    APPRENTICESHIP_FULL = "F4", "Full time in an apprenticeship"
    APPRENTICESHIP_PART = "P4", "Part time in an apprenticeship"
    TRAINING_EMPLOYMENT_FULL = "F5", "Full time in training or employment (not an apprenticeship)"
    TRAINING_EMPLOYMENT_PART = "P5", "Part time in training or employment (not an apprenticeship)"
    NEET_ILLNESS = "G4", "Not in education, employment or training: illness or disability"
    NEET_OTHER = "G5", "Not in education, employment or training: other circumstances"
    NEET_PARENTING = "G6", "Not in education, employment or training: pregnancy or parenting"


NEET = {Activity.NEET_ILLNESS, Activity.NEET_OTHER, Activity.NEET_PARENTING}


class AccommodationType(models.TextChoices):
    """ACCOM's letter; the 903 code adds 1 if the accommodation is suitable, 2 if not."""

    PARENTS_RELATIVES = "B", "With parents or relatives"
    RESIDENTIAL = "C", "Community home or other residential care, such as an NHS establishment"
    SEMI_INDEPENDENT = "D", "Semi-independent, transitional accommodation (supported hostel, trainer flat)"
    SUPPORTED_LODGINGS = "E", "Supported lodgings"
    ABROAD = "G", "Gone abroad"
    DEPORTED = "H", "Deported"
    ORDINARY_LODGINGS = "K", "Ordinary lodgings, without formal support"
    NOT_KNOWN = "R", "Residence not known"
    HOMELESS = "S", "No fixed abode or homeless"
    FOYER = "T", "Foyer or similar supported accommodation with education, training or employment"
    INDEPENDENT = "U", "Independent living, such as a tenancy or university accommodation"
    EMERGENCY = "V", "Emergency accommodation (night shelter, direct access or emergency hostel)"
    BED_AND_BREAKFAST = "W", "Bed and breakfast"
    CUSTODY = "X", "In custody"
    OTHER = "Y", "Other accommodation"
    FORMER_FOSTER_CARERS = "Z", "With former foster carers"


# The 903 has no "suitable" code for these (S1 and X1 are not valid).
NEVER_SUITABLE = {AccommodationType.HOMELESS, AccommodationType.CUSTODY}


def accommodation_code(kind: str, suitable: bool) -> str:
    """The 903 ACCOM code, e.g. U1 for suitable independent living."""
    return f"{kind}{1 if suitable else 2}"


class LeaverStatus(models.TextChoices):
    ELIGIBLE = "eligible", "Eligible child (16 or 17, in care)"
    RELEVANT = "relevant", "Relevant child (16 or 17, left care)"
    FORMER_RELEVANT = "former_relevant", "Former relevant child (18 to 25)"
    QUALIFYING = "qualifying", "Qualifying care leaver"


class StayingCloseDecision(models.TextChoices):
    PROVIDED = "provided", "Staying Close support to be provided"
    NOT_REQUIRED = "not_required", "The young person's welfare does not require Staying Close support"
    DECLINED = "declined", "Offered, but the young person declined"
