"""SSDA903 code lists for children looked after, and the few local lists care work needs.

Codes are the DfE's, as the 903 collection for 2026-27 accepts them (and H5, for placements begun
before 2025-26, as earlier returns had them); labels follow the DfE guide,
shortened where the guide's wording runs to a paragraph. Category of need (CIN) is the census's
primary need list, held once in frontdoor.codes.PrimaryNeed.
"""

from django.db import models


class LegalStatus(models.TextChoices):
    """LS: the legal basis on which the child is looked after."""

    INTERIM_CARE_ORDER = "C1", "Interim care order"
    FULL_CARE_ORDER = "C2", "Full care order"
    FREEING_ORDER = "D1", "Freeing order granted"
    PLACEMENT_ORDER = "E1", "Placement order granted"
    SECTION_20 = "V2", "Single period of accommodation under section 20"
    SHORT_BREAKS_EPISODES = "V3", "Agreed series of short-term breaks: individual episodes recorded"
    SHORT_BREAKS_AGREEMENTS = "V4", "Agreed series of short-term breaks: agreements recorded"
    POLICE_PROTECTION = "L1", "Under police protection and in local authority accommodation"
    EMERGENCY_PROTECTION_ORDER = "L2", "Emergency protection order"
    CHILD_ASSESSMENT_ORDER = "L3", "Under a child assessment order and in local authority accommodation"
    REMANDED = "J1", "Remanded to local authority or youth detention accommodation"
    PACE = "J2", "In local authority accommodation under the Police and Criminal Evidence Act 1984"
    YOUTH_REHABILITATION_ORDER = (
        "J3",
        "Youth rehabilitation order with residence or intensive fostering requirement",
    )


# Pre-planned short breaks: the 903 counts them separately, and they do not make a child an
# eligible care leaver (Care Planning, Placement and Case Review (England) Regulations 2010, reg 40(2)).
SHORT_BREAKS = {LegalStatus.SHORT_BREAKS_EPISODES, LegalStatus.SHORT_BREAKS_AGREEMENTS}


class PlacementType(models.TextChoices):
    """PLACE: where the child lives. Z1 was split into Z11 to Z14 for 2025-26, and H5 went."""

    ADOPTION_CONSENT_FOSTER_CARER = "A3", "Placed for adoption with consent, with current foster carers"
    ADOPTION_CONSENT_OTHER = "A4", "Placed for adoption with consent, not with current foster carers"
    ADOPTION_ORDER_FOSTER_CARER = (
        "A5",
        "Placed for adoption under a placement order, with current foster carers",
    )
    ADOPTION_ORDER_OTHER = "A6", "Placed for adoption under a placement order, not with current foster carers"
    SECURE_CHILDRENS_HOME = "K1", "Secure children's home"
    CHILDRENS_HOME = "K2", "Children's home subject to the Children's Homes Regulations"
    SUPPORTED_ACCOMMODATION = "K3", "Registered supported accommodation"
    # Held for placements begun before 1 April 2025 (care.timing.SEMI_INDEPENDENT_LAST_START); the 2025-26 903
    # has no H5, and a placement still open then is returned as K3 (returns.years).
    SEMI_INDEPENDENT = "H5", "Semi-independent living accommodation (placements begun before 1 April 2025)"
    WITH_PARENTS = "P1", "Placed with own parents or other person with parental responsibility"
    RESIDENTIAL_EMPLOYMENT = "P3", "Residential employment"
    RESIDENTIAL_CARE_HOME = "R1", "Residential care home"
    NHS_OR_HEALTH = "R2", "NHS or health trust establishment providing medical or nursing care"
    FAMILY_CENTRE = "R3", "Family centre or mother and baby unit"
    YOUNG_OFFENDER_INSTITUTION = "R5", "Young offender institution"
    RESIDENTIAL_SCHOOL = "S1", "Residential school (not dual-registered as a children's home)"
    TEMPORARY_ANY = "T0", "Temporary move of any kind"
    TEMPORARY_HOSPITAL = "T1", "Temporary period in hospital"
    TEMPORARY_HOLIDAY = "T2", "Temporary absence on holiday"
    TEMPORARY_CARER_HOLIDAY = "T3", "Temporary accommodation while the usual foster carers are on holiday"
    TEMPORARY_SEVEN_DAYS = "T4", "Temporary accommodation of seven days or less, for another reason"
    KINSHIP_LONG_TERM = "U1", "Foster placement with relatives or friends: long-term fostering"
    KINSHIP_FOSTERING_FOR_ADOPTION = (
        "U2",
        "Foster placement with relatives or friends: fostering for adoption",
    )
    KINSHIP_OTHER = "U3", "Foster placement with relatives or friends: other"
    FOSTER_LONG_TERM = "U4", "Foster placement with other foster carers: long-term fostering"
    FOSTER_FOR_ADOPTION = "U5", "Foster placement with other foster carers: fostering for adoption"
    FOSTER_OTHER = "U6", "Foster placement with other foster carers: other"
    OTHER_Z11 = "Z11", "Other placement (Z11)"
    OTHER_Z12 = "Z12", "Other placement (Z12)"
    OTHER_Z13 = "Z13", "Other placement (Z13)"
    OTHER_Z14 = "Z14", "Other placement (Z14)"


P = PlacementType
TEMPORARY_PLACEMENTS = {
    P.TEMPORARY_ANY,
    P.TEMPORARY_HOSPITAL,
    P.TEMPORARY_HOLIDAY,
    P.TEMPORARY_CARER_HOLIDAY,
    P.TEMPORARY_SEVEN_DAYS,
}
OTHER_PLACEMENTS = {P.OTHER_Z11, P.OTHER_Z12, P.OTHER_Z13, P.OTHER_Z14}
ADOPTION_PLACEMENTS = {
    P.ADOPTION_CONSENT_FOSTER_CARER,
    P.ADOPTION_CONSENT_OTHER,
    P.ADOPTION_ORDER_FOSTER_CARER,
    P.ADOPTION_ORDER_OTHER,
}
FOSTER_PLACEMENTS = {
    P.KINSHIP_LONG_TERM,
    P.KINSHIP_FOSTERING_FOR_ADOPTION,
    P.KINSHIP_OTHER,
    P.FOSTER_LONG_TERM,
    P.FOSTER_FOR_ADOPTION,
    P.FOSTER_OTHER,
}
# Placements intended to last until 18, which may be visited every 3 months after their first year, and
# every 6 months where the child agrees (long-term foster placements, Care Planning Regulations reg 28(3A)).
LONG_TERM_PLACEMENTS = {P.KINSHIP_LONG_TERM, P.FOSTER_LONG_TERM}
# Foster placements with relatives or friends: a connected person may be temporarily approved (reg 24).
KINSHIP_PLACEMENTS = {P.KINSHIP_LONG_TERM, P.KINSHIP_FOSTERING_FOR_ADOPTION, P.KINSHIP_OTHER}
# No placement provider is reported for these (903 rules 213 and 526) ...
NO_PROVIDER_PLACEMENTS = TEMPORARY_PLACEMENTS | OTHER_PLACEMENTS
# ... and no Ofsted URN (903 rules 218 and 222).
NO_URN_PLACEMENTS = NO_PROVIDER_PLACEMENTS | {
    P.WITH_PARENTS,
    P.RESIDENTIAL_EMPLOYMENT,
    P.RESIDENTIAL_CARE_HOME,
    P.NHS_OR_HEALTH,
    P.YOUNG_OFFENDER_INSTITUTION,
}


class PlacementProvider(models.TextChoices):
    """PLACE_PROVIDER: who provides the placement."""

    PARENTS = "PR0", "Parents or other person with parental responsibility"
    OWN_PROVISION = "PR1", "Own provision (this council, including its regional adoption agency)"
    OTHER_LA = "PR2", "Another local authority's provision"
    OTHER_PUBLIC = "PR3", "Other public provision"
    PRIVATE = "PR4", "Private provision"
    VOLUNTARY = "PR5", "Voluntary or third sector provision"


# Placement types each provider cannot provide (903 rules 527 to 531 and 550).
PROVIDER_CANNOT_PROVIDE = {
    PlacementProvider.OWN_PROVISION: {P.WITH_PARENTS, P.NHS_OR_HEALTH, P.YOUNG_OFFENDER_INSTITUTION},
    PlacementProvider.OTHER_LA: {P.WITH_PARENTS, P.NHS_OR_HEALTH, P.YOUNG_OFFENDER_INSTITUTION},
    PlacementProvider.OTHER_PUBLIC: {P.WITH_PARENTS, P.SECURE_CHILDRENS_HOME, P.CHILDRENS_HOME}
    | ADOPTION_PLACEMENTS
    | FOSTER_PLACEMENTS,
    PlacementProvider.PRIVATE: {P.WITH_PARENTS},
    PlacementProvider.VOLUNTARY: {P.WITH_PARENTS},
}


class ReasonNewEpisode(models.TextChoices):
    """RNE: why a new episode of care started."""

    STARTED = "S", "Started to be looked after"
    LEGAL_STATUS = "L", "Change of legal status only"
    PLACEMENT_AND_CARERS = "P", "Change of placement and carers only"
    PLACEMENT_SAME_CARERS = "T", "Change of placement (but same carers) only"
    LEGAL_PLACEMENT_AND_CARERS = "B", "Change of legal status and placement and carers at the same time"
    LEGAL_AND_PLACEMENT_SAME_CARERS = (
        "U",
        "Change of legal status and of placement (but same carers) at the same time",
    )


PLACEMENT_MOVES = {
    ReasonNewEpisode.STARTED,
    ReasonNewEpisode.PLACEMENT_AND_CARERS,
    ReasonNewEpisode.PLACEMENT_SAME_CARERS,
    ReasonNewEpisode.LEGAL_PLACEMENT_AND_CARERS,
    ReasonNewEpisode.LEGAL_AND_PLACEMENT_SAME_CARERS,
}


class ReasonEpisodeCeased(models.TextChoices):
    """REC: why an episode ended. X1 ends an episode but not the period of care."""

    NEW_EPISODE = "X1", "Episode ceases and a new episode begins on the same day"
    ADOPTED_UNOPPOSED = "E11", "Adopted: application for an adoption order unopposed"
    ADOPTED_CONSENT_DISPENSED = "E12", "Adopted: consent dispensed with by the court"
    DIED = "E2", "Died"
    OTHER_LA = "E3", "Care taken over by another local authority in the UK"
    HOME_PLANNED = (
        "E4A",
        "Returned home to parents or person with parental responsibility as part of the care plan",
    )
    HOME_UNPLANNED = (
        "E4B",
        "Returned home to parents or person with parental responsibility, not part of the care plan",
    )
    RELATIVES_NO_PR = (
        "E13",
        "Left care to live with parents, relatives or others with no parental responsibility",
    )
    CHILD_ARRANGEMENTS_ORDER = "E41", "Residence order or child arrangements order granted"
    SGO_FORMER_FOSTER_KIN = (
        "E45",
        "Special guardianship order to former foster carers who are relatives or friends",
    )
    SGO_FORMER_FOSTER_OTHER = (
        "E46",
        "Special guardianship order to former foster carers, not relatives or friends",
    )
    SGO_OTHER_KIN = "E47", "Special guardianship order to other carers who are relatives or friends"
    SGO_OTHER = "E48", "Special guardianship order to other carers, not relatives or friends"
    INDEPENDENT_SUPPORTED = (
        "E5",
        "Moved to independent living with formalised support (hostel, foyer, Staying Close)",
    )
    INDEPENDENT_UNSUPPORTED = (
        "E6",
        "Moved to independent living without formalised support (own flat, friends)",
    )
    ADULT_SOCIAL_CARE = "E7", "Transferred to residential care funded by adult social care"
    OTHER = "E8", "Ceased for any other reason"
    CUSTODY = "E9", "Sentenced to custody"
    REMAND_ENDED = "E14", "Accommodation on remand ended"
    AGE_ASSESSED_ADULT = "E15", "Age assessment found the child to be 18 or over"
    MOVED_ABROAD = "E16", "Child moved abroad"
    STAYING_PUT = "E17", "Aged 18 or over and stayed with current carers (including Staying Put)"


REC = ReasonEpisodeCeased
ADOPTED = {REC.ADOPTED_UNOPPOSED, REC.ADOPTED_CONSENT_DISPENSED}
SPECIAL_GUARDIANSHIP = {
    REC.SGO_FORMER_FOSTER_KIN,
    REC.SGO_FORMER_FOSTER_OTHER,
    REC.SGO_OTHER_KIN,
    REC.SGO_OTHER,
}
# Left care to live with a parent or someone with parental responsibility or a child arrangements
# order: after six months there the young person is not a relevant child (Care Leavers (England)
# Regulations 2010, reg 3).
RETURNED_TO_PARENTAL_RESPONSIBILITY = {
    REC.HOME_PLANNED,
    REC.HOME_UNPLANNED,
    REC.CHILD_ARRANGEMENTS_ORDER,
} | SPECIAL_GUARDIANSHIP


class ReasonPlaceChange(models.TextChoices):
    """REASON_PLACE_CHANGE: why the placement the episode describes ended."""

    CARE_PLAN = "CARPL", "Change to or implementation of the care plan"
    CLOSURE = "CLOSE", "Resignation or closure of the provision"
    ALLEGATION = "ALLEG", "Allegation (section 47)"
    STANDARDS = "STAND", "Standards of care concern"
    APPROVAL_REMOVED = "APPRR", "Approval removed"
    CARER_BEHAVIOUR = "CREQB", "Carers asked for the placement to end because of the child's behaviour"
    CARER_OTHER = "CREQO", "Carers asked for the placement to end for another reason"
    CHILD = "CHILD", "Child asked for the placement to end"
    LA = "LAREQ", "Responsible or area authority asked for the placement to end"
    STATUS_ONLY = "PLACE", "Change in the status of the placement only"
    CUSTODY = "CUSTOD", "Custody arrangement"
    OTHER = "OTHER", "Other"


class ReviewParticipation(models.TextChoices):
    """REVIEW_CODE: how the child took part in their looked-after review."""

    UNDER_4 = "PN0", "Child aged under 4 at the time of the review"
    SPOKE = "PN1", "Attended and spoke for themselves"
    ATTENDED_ADVOCATE = "PN2", "Attended, and an advocate or the IRO spoke for them"
    ATTENDED_SYMBOLS = "PN3", "Attended and conveyed their views symbolically (non-verbally)"
    ATTENDED_NO_CONTRIBUTION = "PN4", "Attended without contributing"
    ADVOCATE = "PN5", "Did not attend; briefed an advocate or the IRO to speak for them"
    FACILITATIVE = "PN6", "Did not attend; conveyed their views by text, writing, phone or video"
    NO_VIEWS = "PN7", "Did not attend and their views were not conveyed"


class MissingType(models.TextChoices):
    """MISSING: missing (whereabouts unknown) or away without authorisation (whereabouts known)."""

    MISSING = "M", "Missing from care: whereabouts not known"
    AWAY = "A", "Away from placement without authorisation: whereabouts known"


class SDQReason(models.TextChoices):
    """SDQ_REASON: why there is no strengths and difficulties questionnaire score."""

    AGE = "SDQ1", "Child aged under 4 or over 16 at the latest assessment"
    CARER_REFUSED = "SDQ2", "Carers refused to complete and return the questionnaire"
    DISABILITY = "SDQ3", "Not possible because of the severity of the child's disability"
    OTHER = "SDQ4", "Other"
    CHILD_REFUSED = "SDQ5", "Child or young person refused"


class Intervention(models.TextChoices):
    """INTERVENTION_RECEIVED / INTERVENTION_OFFERED for a substance misuse problem."""

    RECEIVED = "received", "Received an intervention"
    REFUSED = "refused", "Offered an intervention but refused it"
    NOT_OFFERED = "none", "Not offered an intervention"


class YouthJusticeOutcome(models.TextChoices):
    """CONVICTED: convicted, or given a youth caution or youth conditional caution."""

    CONVICTION = "conviction", "Convicted"
    YOUTH_CAUTION = "caution", "Youth caution"
    CONDITIONAL_CAUTION = "conditional", "Youth conditional caution"


class PreviousPermanence(models.TextChoices):
    """PREV_PERM: the permanence the child had before this period of care."""

    ADOPTION = "P1", "Adoption"
    SPECIAL_GUARDIANSHIP = "P2", "Special guardianship order"
    CHILD_ARRANGEMENTS = "P3", "Residence order or child arrangements order naming with whom the child lives"
    UNKNOWN = "P4", "Unknown"
    NONE = "Z1", "No previous permanence option"


# LA_PERM besides a three-digit DfE local authority code.
PERMANENCE_ELSEWHERE = {
    "WAL": "Wales",
    "SCO": "Scotland",
    "NIR": "Northern Ireland",
    "NUK": "Outside the UK",
    "999": "Information not available",
}


class AdopterSex(models.TextChoices):
    """SEX_ADOPTR."""

    MALE = "M1", "Single male adopter"
    FEMALE = "F1", "Single female adopter"
    TWO_MALE = "MM", "Couple: both male"
    TWO_FEMALE = "FF", "Couple: both female"
    MALE_FEMALE = "MF", "Couple: male and female"


class AdopterLegalStatus(models.TextChoices):
    """LS_ADOPTR: L11 is a different-sex married couple and L2 a civil partnership (903 rule 520)."""

    SINGLE = "L0", "Single adopter"
    MARRIED_DIFFERENT_SEX = "L11", "Different-sex married couple"
    MARRIED_SAME_SEX = "L12", "Same-sex married couple"
    CIVIL_PARTNERS = "L2", "Couple in a civil partnership"
    UNMARRIED_DIFFERENT_SEX = "L3", "Different-sex couple, not married or in a civil partnership"
    UNMARRIED_SAME_SEX = "L4", "Same-sex couple, not married or in a civil partnership"


class ReasonPlacedCeased(models.TextChoices):
    """REASON_PLACED_CEASED: why the decision that the child should be placed for adoption was reversed."""

    NEEDS_CHANGED = "RD1", "The child's needs changed after the decision"
    NO_PLACEMENT_ORDER = "RD2", "The court did not make a placement order"
    NO_ADOPTERS = "RD3", "Prospective adopters could not be found"
    OTHER = "RD4", "Any other reason"


class SocialWorkerChangeReason(models.TextChoices):
    """SW_REASON: why a looked-after child's social worker episode began (903 social worker episodes).

    FCONTA is first contact: a worker who takes over from no one. The DfE's check SW10bSTG2 rejects it
    for a worker who starts while another is still allocated, so it is never a reason for a change."""

    MANAGEMENT = "MANAGE", "Management decision, for example to balance caseloads"
    FIRST_CONTACT = "FCONTA", "First contact: the child had no social worker before"
    LEFT_ROLE = "LEFTRL", "The social worker left the role"
    RESTRUCTURE = "ORGRST", "Organisational restructure"
    TRANSFER = "TSPROC", "Transfer between teams as part of the council's usual process"
    ABSENCE = "ABSENC", "Social worker absence"
    CHILD_ASKED = "CHCHAN", "The child asked for a change"
    PARENT_ASKED = "PCCHAN", "A parent or carer asked for a change"
    DIED = "SWDIED", "The social worker died"
    OTHER = "OTHERS", "Other"


# Local lists: the DfE does not collect these, but the care plan and the adoption measures need them.


class PermanencePlanKind(models.TextChoices):
    RETURN_HOME = "return_home", "Return home to parents"
    KINSHIP = (
        "kinship",
        "Kinship care: special guardianship or child arrangements order with family or friends",
    )
    ADOPTION = "adoption", "Adoption"
    LONG_TERM_FOSTERING = "long_term_fostering", "Long-term fostering"
    RESIDENTIAL = "residential", "Long-term residential care"
    INDEPENDENCE = "independence", "Supported move to independence"


class HealthAssessmentKind(models.TextChoices):
    INITIAL = "initial", "Initial health assessment"
    REVIEW = "review", "Review health assessment"


class PEPRating(models.TextChoices):
    """The Virtual School's quality rating of a PEP."""

    GREEN = "green", "Green: good"
    AMBER = "amber", "Amber: requires improvement"
    RED = "red", "Red: inadequate"


class ArrivalRoute(models.TextChoices):
    """How an unaccompanied child came to this council."""

    SPONTANEOUS = "spontaneous", "Spontaneous arrival"
    NATIONAL_TRANSFER = "nts", "National Transfer Scheme"
    ADULT_ACCOMMODATION = (
        "adult_accommodation",
        "From adult asylum accommodation (dispersal or contingency hotel)",
    )


class AgeAssessmentOutcome(models.TextChoices):
    AGE_ACCEPTED = "accepted", "A child: claimed age accepted"
    DIFFERENT_AGE = "different", "A child: assessed as a different age from the age claimed"
    ADULT = "adult", "An adult: aged 18 or over"


class CarePlanningKind(models.TextChoices):
    """The documents the Care Planning Regulations require around a placement."""

    CARE_PLAN = "care_plan", "Care plan (reg 4)"
    PLACEMENT_PLAN = "placement_plan", "Placement plan (reg 9)"
    PLACEMENT_NOTICE = "placement_notice", "Written notice of the placement (reg 13)"


class ExtensionReason(models.TextChoices):
    """Why a connected person's temporary approval was extended (Care Planning Regulations reg 25(1))."""

    ASSESSMENT = "assessment", "The full assessment will not finish in time (up to 8 weeks)"
    REVIEW = "review", "They were not approved and asked for a review (until its outcome)"


class TemporaryApprovalOutcome(models.TextChoices):
    APPROVED = "approved", "Approved as a foster carer"
    NOT_APPROVED = "not_approved", "Not approved: the child moved"
    PLACEMENT_ENDED = "placement_ended", "The placement ended first"
