"""Education and inclusion: schools, the Children Not in School register, home education and consent,
children and pupils missing education, exclusions and attendance, the Virtual School, EHC plans, NEET."""

from .exclusions import Attendance, Exclusion
from .inclusion import CmeReferral, Enquiry, PmeReferral, TeamAroundSchool
from .neet import ActivityRecord, SeptemberGuarantee
from .register import AttendanceOrderStep, ConsentDecision, HomeEducationNotice, RegisterEntry
from .schools import Phase, School, SchoolRoll
from .send import AnnualReview, EhcPlan, EhcRequest, TribunalAppeal
from .virtual_school import PepQualityAssurance, PepSectionRating, PepTarget

__all__ = [
    "ActivityRecord",
    "AnnualReview",
    "Attendance",
    "AttendanceOrderStep",
    "CmeReferral",
    "ConsentDecision",
    "EhcPlan",
    "EhcRequest",
    "Enquiry",
    "Exclusion",
    "HomeEducationNotice",
    "PepQualityAssurance",
    "PepSectionRating",
    "PepTarget",
    "Phase",
    "PmeReferral",
    "RegisterEntry",
    "School",
    "SchoolRoll",
    "SeptemberGuarantee",
    "TeamAroundSchool",
    "TribunalAppeal",
]
