"""CIN census factors identified at assessment, and Family Help step decisions."""

from django.db import models


class AssessmentFactor(models.TextChoices):
    ALCOHOL_CHILD = "1A", "Alcohol misuse: concerns about the child"
    ALCOHOL_PARENT = "1B", "Alcohol misuse: concerns about the parent or carer"
    ALCOHOL_OTHER = "1C", "Alcohol misuse: concerns about another person in the household"
    DRUGS_CHILD = "2A", "Drug misuse: concerns about the child"
    DRUGS_PARENT = "2B", "Drug misuse: concerns about the parent or carer"
    DRUGS_OTHER = "2C", "Drug misuse: concerns about another person in the household"
    DOMESTIC_ABUSE_CHILD = "3A", "Domestic abuse: concerns about the child"
    DOMESTIC_ABUSE_PARENT = "3B", "Domestic abuse: concerns about the parent or carer"
    DOMESTIC_ABUSE_OTHER = "3C", "Domestic abuse: concerns about another person in the household"
    MENTAL_HEALTH_CHILD = "4A", "Mental health: concerns about the child"
    MENTAL_HEALTH_PARENT = "4B", "Mental health: concerns about the parent or carer"
    MENTAL_HEALTH_OTHER = "4C", "Mental health: concerns about another person in the household"
    LEARNING_DISABILITY_CHILD = "5A", "Learning disability: concerns about the child"
    LEARNING_DISABILITY_PARENT = "5B", "Learning disability: concerns about the parent or carer"
    LEARNING_DISABILITY_OTHER = "5C", "Learning disability: concerns about another person in the household"
    PHYSICAL_DISABILITY_CHILD = "6A", "Physical disability or illness: concerns about the child"
    PHYSICAL_DISABILITY_PARENT = "6B", "Physical disability or illness: concerns about the parent or carer"
    PHYSICAL_DISABILITY_OTHER = (
        "6C",
        "Physical disability or illness: concerns about another person in the household",
    )
    YOUNG_CARER = "7A", "Young carer"
    PRIVATE_FOSTERING_OVERSEAS_RETURNING = "8B", "Privately fostered: overseas child who intends to return"
    PRIVATE_FOSTERING_OVERSEAS_REMAINING = "8C", "Privately fostered: overseas child who intends to stay"
    PRIVATE_FOSTERING_UK_EDUCATION = "8D", "Privately fostered: UK child in independent or state education"
    PRIVATE_FOSTERING_UK_FAMILY = "8E", "Privately fostered: UK child making alternative arrangements"
    PRIVATE_FOSTERING_OTHER = "8F", "Privately fostered: other"
    UASC = "9A", "Unaccompanied asylum-seeking child"
    MISSING = "10A", "Going or being missing"
    CSE = "11A", "Child sexual exploitation"
    TRAFFICKING = "12A", "Trafficking"
    GANGS = "13A", "Gangs"
    BEHAVIOUR = "14A", "Socially unacceptable behaviour"
    SELF_HARM = "15A", "Self-harm"
    NEGLECT = "16A", "Abuse or neglect: neglect"
    EMOTIONAL_ABUSE = "17A", "Abuse or neglect: emotional abuse"
    PHYSICAL_ABUSE = "18A", "Abuse or neglect: physical abuse"
    PHYSICAL_ABUSE_ADULT = "18B", "Abuse or neglect: physical abuse by an adult"
    PHYSICAL_ABUSE_CHILD = "18C", "Abuse or neglect: physical abuse by another child"
    SEXUAL_ABUSE = "19A", "Abuse or neglect: sexual abuse"
    SEXUAL_ABUSE_ADULT = "19B", "Abuse or neglect: sexual abuse by an adult"
    SEXUAL_ABUSE_CHILD = "19C", "Abuse or neglect: sexual abuse by another child"
    OTHER = "20", "Other"
    NO_FACTORS = "21", "No factors identified"
    FGM = "22A", "Female genital mutilation"
    FAITH_OR_BELIEF = "23A", "Abuse linked to faith or belief"
    CRIMINAL_EXPLOITATION = "24A", "Child criminal exploitation"


class StepDirection(models.TextChoices):
    UP = "up", "Step-up from Family Help to children's social care"
    DOWN = "down", "Step-down from children's social care to Family Help"
