"""Children in care: the SSDA903 return's tables, one module each, and the rules that run on them."""

from .education import PersonalEducationPlan
from .health import (
    DentalCheck,
    HealthAssessment,
    StrengthsAndDifficulties,
    SubstanceMisuse,
    YouthJusticeDisposal,
)
from .missing import MissingEpisode
from .periods import DeprivationOfLiberty, Episode, InCare, PeriodOfCare, SocialWorkerChange
from .permanence import Adoption, AdoptionMeasures, PermanencePlan
from .placements import CarePlanning, TemporaryApproval
from .reviews import Review, ReviewRecommendation, Visit
from .uasc import AgeAssessment, NationalTransfer, UnaccompaniedChild

__all__ = [
    "Adoption",
    "AdoptionMeasures",
    "AgeAssessment",
    "CarePlanning",
    "DentalCheck",
    "DeprivationOfLiberty",
    "Episode",
    "HealthAssessment",
    "InCare",
    "MissingEpisode",
    "NationalTransfer",
    "PeriodOfCare",
    "PermanencePlan",
    "PersonalEducationPlan",
    "Review",
    "ReviewRecommendation",
    "SocialWorkerChange",
    "StrengthsAndDifficulties",
    "SubstanceMisuse",
    "TemporaryApproval",
    "UnaccompaniedChild",
    "Visit",
    "YouthJusticeDisposal",
]
