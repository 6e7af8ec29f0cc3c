"""DfE code lists for the person fields the CIN census and SSDA903 collect.

Held once here so forms, the generator and the returns agree on them.
"""

from django.db import models


class Sex(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Not known or not recorded"


class Ethnicity(models.TextChoices):
    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy/Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Black Caribbean"
    BAFR = "BAFR", "Black African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class Disability(models.TextChoices):
    """CIN census disability codes; NONE means assessed as having no disability."""

    NONE = "NONE", "No disability"
    MOB = "MOB", "Mobility"
    HAND = "HAND", "Hand function"
    PC = "PC", "Personal care"
    INC = "INC", "Incontinence"
    COMM = "COMM", "Communication"
    LD = "LD", "Learning"
    HEAR = "HEAR", "Hearing"
    VIS = "VIS", "Vision"
    BEH = "BEH", "Behaviour"
    CON = "CON", "Consciousness"
    AUT = "AUT", "Diagnosed with autism or Asperger syndrome"
    DDA = "DDA", "Other disability"


class UPNUnknown(models.TextChoices):
    """Why a child has no UPN (UPNunknown in the CIN census, UPN in the 903 header); the 903 takes UN1 to
    UN5."""

    NOT_SCHOOL_AGE = "UN1", "Child is not of school age and has not yet been given a UPN"
    NEVER_IN_SCHOOL_IN_ENGLAND = "UN2", "Child has never attended a school in England"
    EDUCATED_OUTSIDE_ENGLAND = "UN3", "Child is educated outside England"
    NEWLY_ARRIVED = "UN4", "Child is newly looked after or newly arrived: UPN not yet obtained"
    DISCREPANCY = "UN5", "Sources collating UPNs reflect a discrepancy in the child's details"
    OTHER = "UN6", "Other reason (CIN census only)"
    REFERRAL_NFA = "UN7", "Referral with no further action (CIN census only)"


class RelationshipKind(models.TextChoices):
    """What the relative is to the person (read: relative is the person's ...)."""

    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    PARENT = "parent", "Parent"
    STEP_PARENT = "step_parent", "Step-parent"
    SIBLING = "sibling", "Sibling"
    HALF_SIBLING = "half_sibling", "Half-sibling"
    GRANDPARENT = "grandparent", "Grandparent"
    AUNT_UNCLE = "aunt_uncle", "Aunt or uncle"
    OTHER_RELATIVE = "other_relative", "Other relative"
    CONNECTED_PERSON = "connected_person", "Connected person (friend or family friend)"
    CHILD = "child", "Child"
    GRANDCHILD = "grandchild", "Grandchild"
    NIECE_NEPHEW = "niece_nephew", "Niece or nephew"
    CARER = "carer", "Carer (not a relative)"
    CARED_FOR = "cared_for", "Child they care for"
    HOUSEHOLD = "household", "Other member of the household"


# Reading a relationship from the other side: if R is P's mother, P is R's child.
INVERSE_KIND = {
    RelationshipKind.MOTHER: RelationshipKind.CHILD,
    RelationshipKind.FATHER: RelationshipKind.CHILD,
    RelationshipKind.PARENT: RelationshipKind.CHILD,
    RelationshipKind.STEP_PARENT: RelationshipKind.CHILD,
    RelationshipKind.SIBLING: RelationshipKind.SIBLING,
    RelationshipKind.HALF_SIBLING: RelationshipKind.HALF_SIBLING,
    RelationshipKind.GRANDPARENT: RelationshipKind.GRANDCHILD,
    RelationshipKind.AUNT_UNCLE: RelationshipKind.NIECE_NEPHEW,
    RelationshipKind.OTHER_RELATIVE: RelationshipKind.OTHER_RELATIVE,
    RelationshipKind.CONNECTED_PERSON: RelationshipKind.CONNECTED_PERSON,
    RelationshipKind.CHILD: RelationshipKind.PARENT,
    RelationshipKind.GRANDCHILD: RelationshipKind.GRANDPARENT,
    RelationshipKind.NIECE_NEPHEW: RelationshipKind.AUNT_UNCLE,
    RelationshipKind.CARER: RelationshipKind.CARED_FOR,
    RelationshipKind.CARED_FOR: RelationshipKind.CARER,
    RelationshipKind.HOUSEHOLD: RelationshipKind.HOUSEHOLD,
}

# The kinds a worker adds from a child's record (what the other person is to the child).
KINDS_ADDED_FROM_A_CHILD = [
    kind
    for kind in RelationshipKind
    if kind
    not in (
        RelationshipKind.CHILD,
        RelationshipKind.GRANDCHILD,
        RelationshipKind.NIECE_NEPHEW,
        RelationshipKind.CARED_FOR,
    )
]


class FlagKind(models.TextChoices):
    """Warnings a worker records on a person's record, shown as alerts at the top of it."""

    RISK_TO_STAFF = "risk_to_staff", "Risk to staff"
    OTHER = "other", "Other warning"
