"""The words the education records use: reasons, checks, outcomes and steps, as the papers name them.

Reasons for home education and for missing education are the categories in Leicestershire's
inclusion report (September 2025), so the committee's tables come straight from the records.
"""

from django.db import models


class HomeEducationReason(models.TextChoices):
    """Why the family chose home education (the inclusion report's categories)."""

    ATTENDANCE = "attendance", "Attendance difficulties"
    AWAITING_PLACE = "awaiting_place", "Awaiting school place"
    RELATIONSHIPS = "relationships", "Breakdown in relationships"
    BULLYING = "bullying", "Bullying"
    MEDICAL_SEND = "medical_send", "Medical/SEND needs"
    CULTURAL = "cultural", "Cultural/Life choice"
    PROVISION = "provision", "Provision not meeting need"
    PREFERENCE = "preference", "Did not receive school preference"
    MENTAL_HEALTH = "mental_health", "Mental health"
    NONE_GIVEN = "none_given", "No reason given"
    OTHER = "other", "Other"
    EMOTIONAL = "emotional", "Emotional/Behavioural"
    NO_PLACE = "no_place", "No school place"


class CmeReason(models.TextChoices):
    """Primary reason a child is missing education (the inclusion report's table)."""

    MISSING = "missing", "Child missing education"
    AWAITING_PLACE = "awaiting_place", "Awaiting school place"
    MOVED_TO_LA = "moved_to_la", "Believed moved to another LA"
    BULLYING = "bullying", "Bullying"
    MEDICAL_SEND = "medical_send", "Medical/SEND needs"
    DISSATISFACTION = "dissatisfaction", "Dissatisfaction"
    ABROAD = "abroad", "Moved from abroad"
    PREFERENCE = "preference", "Did not receive school preference"
    FROM_LA = "from_la", "Moved from another LA"
    NOT_RECORDED = "not_recorded", "Not recorded"
    OTHER = "other", "Other"
    UNSUITABLE_EHE = "unsuitable_ehe", "Unsuitable home education"
    APPEAL = "appeal", "Awaiting a school appeal"
    WAITING_START = "waiting_start", "Waiting to start school"
    ATTENDANCE = "attendance", "Low/non attendance"


class EnquiryKind(models.TextChoices):
    """Enquiries and visits about a child not in school, and the checks made for a missing child."""

    HOME_VISIT = "home_visit", "Home visit"
    MEETING = "meeting", "Meeting away from the home"
    PHONE = "phone", "Telephone call with the family"
    WRITTEN = "written", "Written report or samples of work from the family"
    OTHER_COUNCIL = "other_council", "Check with another council"
    HMRC = "hmrc", "Check with HMRC"
    HEALTH = "health", "Check with health services"
    BORDER_FORCE = "border_force", "Check with Border Force"
    SCHOOL_ROLLS = "school_rolls", "Check of school rolls and the Common Transfer File hub"


CME_CHECKS = {
    EnquiryKind.HOME_VISIT,
    EnquiryKind.OTHER_COUNCIL,
    EnquiryKind.HMRC,
    EnquiryKind.HEALTH,
    EnquiryKind.BORDER_FORCE,
    EnquiryKind.SCHOOL_ROLLS,
}


class CmeOutcome(models.TextChoices):
    SCHOOL_PLACE = "school_place", "School place taken up"
    SAO = "sao", "School attendance order"
    MOVED_AWAY = "moved_away", "Moved away (another council or abroad)"
    FOUND = "found", "Found receiving suitable education"
    HOME_EDUCATED = "home_educated", "Now suitably home educated"
    OTHER = "other", "Other"


class RegisterBasis(models.TextChoices):
    """Why the child is on the Children Not in School register (Education Act 1996 s436B(5))."""

    HOME_EDUCATED = "home_educated", "Home educated by the parents (not a registered pupil)"
    NOT_IN_SCHOOL = "not_in_school", "Not a registered pupil and not educated at home (missing education)"
    OFF_SITE = "off_site", "On a school roll, educated elsewhere by arrangement with the school"


class LeavingReason(models.TextChoices):
    SCHOOL_PLACE = "school_place", "Registered at a school"
    MOVED_AWAY = "moved_away", "Moved out of the area"
    OVER_AGE = "over_age", "Over compulsory school age"
    DIED = "died", "Died"
    OTHER = "other", "Other"


class Decision(models.TextChoices):
    GIVEN = "given", "Consent given"
    REFUSED = "refused", "Consent refused"
    WITHDRAWN = "withdrawn", "Consent withdrawn"


class SaoStep(models.TextChoices):
    """The route back to school (Education Act 1996 ss437 to 443)."""

    NOTICE_TO_SATISFY = "notice", "Notice to satisfy the council (s437(1))"
    INTENTION = "intention", "Notice of intention to serve a school attendance order (s438)"
    ORDER = "order", "School attendance order served (s437(3))"
    COMPLIED = "complied", "Child registered at the named school"
    REVOKED = "revoked", "Order revoked (s442)"
    PROSECUTION = "prosecution", "Referred for prosecution (s443)"


class Suitability(models.TextChoices):
    SUITABLE = "suitable", "Suitable education"
    UNSUITABLE = "unsuitable", "Not suitable: the child is missing education"


class PmeReason(models.TextChoices):
    """Reasons pupils are not attending (the inclusion report's list)."""

    INCIDENT = "incident", "Incident in school that the family feels is unresolved"
    PLACE = "place", "School place in desired location not available"
    NEEDS = "needs", "Family feel the school is not meeting the child's needs"
    EXCLUSION_RISK = "exclusion_risk", "Risk of exclusion"
    FAMILY_MOVE = "family_move", "Family move (without notifying school or council)"
    MENTAL_HEALTH = "mental_health", "Other mental health concerns"
    TRAUMA = "trauma", "Trauma experienced by the child or family"
    MEDICAL = "medical", "Medical needs (section 19)"


class TriageOutcome(models.TextChoices):
    ADVICE = "advice", "Advice and support to the school; closed"
    SECOND_STEP = "second_step", "Passed to the second step"
    SCHOOL_SUPPORT = "school_support", "Inclusion officer supports the school (team around the school)"
    YOUTH_GROUP = "youth_group", "Online support group with a youth worker"
    WAITING_LIST = "waiting_list", "Waiting list for an education officer"
    MEDICAL = "medical", "Children with medical needs tuition"


FIRST_STEP = [TriageOutcome.ADVICE, TriageOutcome.SECOND_STEP]
SECOND_STEP = [
    TriageOutcome.SCHOOL_SUPPORT,
    TriageOutcome.YOUTH_GROUP,
    TriageOutcome.WAITING_LIST,
    TriageOutcome.MEDICAL,
]


class ExclusionKind(models.TextChoices):
    SUSPENSION = "suspension", "Suspension"
    PERMANENT = "permanent", "Permanent exclusion"


class ExclusionReason(models.TextChoices):
    """Reason categories of the DfE school census (Suspension and permanent exclusion guidance, 2024)."""

    PHYSICAL_PUPIL = "PP", "Physical assault against a pupil"
    PHYSICAL_ADULT = "PA", "Physical assault against an adult"
    VERBAL_PUPIL = "VP", "Verbal abuse or threatening behaviour against a pupil"
    VERBAL_ADULT = "VA", "Verbal abuse or threatening behaviour against an adult"
    BULLYING = "BU", "Bullying"
    DRUGS = "DA", "Use or threat of use of an offensive weapon or prohibited item"
    DAMAGE = "DM", "Damage"
    DISRUPTION = "PD", "Persistent or general disruptive behaviour"
    OTHER = "OT", "Other"


class Rag(models.TextChoices):
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"


class PepSection(models.TextChoices):
    """The PEP's sections, each rated by the Virtual School's quality assurance."""

    VOICE = "voice", "Child's voice and views"
    ATTENDANCE = "attendance", "Attendance and exclusions"
    PROGRESS = "progress", "Attainment and progress"
    SEN = "sen", "Special educational needs and support"
    WELLBEING = "wellbeing", "Social, emotional and mental health"
    TARGETS = "targets", "SMART targets"
    PUPIL_PREMIUM = "pupil_premium", "Pupil Premium Plus plan"
    TRANSITION = "transition", "Transition and next steps"


class TargetResult(models.TextChoices):
    ACHIEVED = "achieved", "Achieved"
    PARTLY = "partly", "Partly achieved"
    NOT_ACHIEVED = "not_achieved", "Not achieved"


class EhcRequester(models.TextChoices):
    PARENT = "parent", "Parent"
    YOUNG_PERSON = "young_person", "Young person"
    SCHOOL = "school", "School or college"
    OTHER = "other", "Other (health, social care)"


class SenNeed(models.TextChoices):
    """Primary need (DfE SEN2 and school census codes)."""

    SPLD = "SPLD", "Specific learning difficulty"
    MLD = "MLD", "Moderate learning difficulty"
    SLD = "SLD", "Severe learning difficulty"
    PMLD = "PMLD", "Profound and multiple learning difficulty"
    SEMH = "SEMH", "Social, emotional and mental health"
    SLCN = "SLCN", "Speech, language and communication needs"
    HI = "HI", "Hearing impairment"
    VI = "VI", "Vision impairment"
    MSI = "MSI", "Multi-sensory impairment"
    PD = "PD", "Physical disability"
    ASD = "ASD", "Autistic spectrum disorder"
    OTH = "OTH", "Other difficulty"


class ReviewOutcome(models.TextChoices):
    MAINTAIN = "maintain", "Maintain the plan unchanged"
    AMEND = "amend", "Amend the plan"
    CEASE = "cease", "Cease the plan"


class AppealKind(models.TextChoices):
    REFUSAL_TO_ASSESS = "refusal_assess", "Refusal to carry out an EHC needs assessment"
    REFUSAL_TO_ISSUE = "refusal_issue", "Refusal to issue an EHC plan"
    CONTENTS = "contents", "Contents of the plan (sections B, F or I)"
    CEASE = "cease", "Decision to cease the plan"


class AppealOutcome(models.TextChoices):
    UPHELD = "upheld", "Appeal upheld"
    DISMISSED = "dismissed", "Appeal dismissed"
    WITHDRAWN = "withdrawn", "Withdrawn or conceded"


class Activity(models.TextChoices):
    """A 16 or 17 year old's activity (the DfE's NCCIS categories, grouped)."""

    EDUCATION = "education", "Full-time education"
    APPRENTICESHIP = "apprenticeship", "Apprenticeship or traineeship"
    EMPLOYMENT = "employment", "Employment with training"
    NEET = "neet", "Not in education, employment or training (NEET)"
    NOT_KNOWN = "not_known", "Not known"


EET = {Activity.EDUCATION, Activity.APPRENTICESHIP, Activity.EMPLOYMENT}
