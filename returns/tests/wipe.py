"""Emptying the case records between an export and its re-import, children last (they are protected)."""

from django.apps import apps

ORDER = [
    "protection.ConferenceAttendee",
    "protection.ChildProtectionConference",
    "protection.Section47",
    "protection.StrategyAttendee",
    "protection.StrategyDiscussion",
    "protection.ChildProtectionPlan",
    "proceedings.FGDMMeeting",
    "proceedings.FGDMOffer",
    "proceedings.PLOMeeting",
    "proceedings.PreProceedings",
    "familyhelp.AssessmentFactorRecord",
    "familyhelp.Assessment",
    "familyhelp.CINPlanReview",
    "familyhelp.CINPlan",
    "care.Review",
    "care.Episode",
    "care.MissingEpisode",
    "care.HealthAssessment",
    "care.DentalCheck",
    "care.StrengthsAndDifficulties",
    "care.SubstanceMisuse",
    "care.YouthJusticeDisposal",
    "care.Adoption",
    "care.DeprivationOfLiberty",
    "care.PermanencePlan",
    "care.Visit",
    "care.PersonalEducationPlan",
    "care.PeriodOfCare",
    "care.AgeAssessment",
    "care.UnaccompaniedChild",
    "leavers.BirthdaySnapshot",
    "frontdoor.Referral",
    "people.PersonDisability",
    "people.Relationship",
    "care.SocialWorkerChange",
    "access.Involvement",
    "people.Person",
]


def wipe_case_records():
    for label in ORDER:
        apps.get_model(label).objects.all().delete()
