"""The synthetic council's education rates, calibrated to Leicestershire's inclusion report and Virtual School
annual report (seed 004, September 2025) for a council of 150,000 children; other scales scale by children.

Every figure here is invented to match those published totals; no record of a real child is used.
"""

# Academic year (first calendar year) -> notices of home education (2022/23 to 2025/26 from the report;
# 2025/26 is 158 by mid-October, so the year runs at the 2024/25 rate).
HOME_EDUCATION_NOTICES = {2019: 330, 2020: 380, 2021: 410, 2022: 437, 2023: 578, 2024: 608, 2025: 620}
# Reasons of the children home educated in October 2025 (the report's table of 1,271).
HOME_EDUCATION_REASONS = {
    "attendance": 94,
    "awaiting_place": 15,
    "relationships": 89,
    "bullying": 5,
    "medical_send": 84,
    "cultural": 214,
    "provision": 103,
    "preference": 11,
    "mental_health": 187,
    "none_given": 221,
    "other": 234,
    "emotional": 11,
    "no_place": 3,
}
# Home education ages at the notice (5 to 15): most families choose it in the secondary years.
HOME_EDUCATION_AGES = {5: 4, 6: 5, 7: 6, 8: 6, 9: 7, 10: 8, 11: 11, 12: 12, 13: 13, 14: 14, 15: 10}
RETURN_TO_SCHOOL_EACH_SUMMER = (
    0.06  # of home-educated children still of school age, back on a roll in September
)
MOVE_AWAY_A_YEAR = 0.03
CONSENT_REFUSED_SHARE = 0.55  # of consent decisions for children subject to s47 or on a CP plan
CP_NOTICE_SHARE = 0.025  # of notices, for a child subject to a s47 enquiry or on a CP plan when it is given
HELD_NOW = 6  # notices held for consent at the as-at date (at demo scale)
FIRST_ENQUIRY_ON_TIME = 0.85
UNSUITABLE_SHARE = 0.05  # of suitability decisions

# Children missing education: referrals by month (September's moves are the peak), scaled so that the
# summer term 2025 has 285 and September to mid-October 2025 about 324; the earlier years rise to it.
CME_MONTH_WEIGHTS = {
    9: 3.9,
    10: 2.6,
    11: 1.0,
    12: 0.6,
    1: 1.2,
    2: 0.9,
    3: 0.9,
    4: 1.0,
    5: 1.0,
    6: 1.0,
    7: 1.0,
    8: 0.7,
}
CME_PER_WEIGHT = {2021: 30, 2022: 38, 2023: 48, 2024: 60.6, 2025: 62}
CME_REASONS = {
    "missing": 50,
    "awaiting_place": 3,
    "moved_to_la": 2,
    "bullying": 5,
    "medical_send": 1,
    "dissatisfaction": 3,
    "abroad": 42,
    "preference": 14,
    "from_la": 136,
    "not_recorded": 20,
    "other": 40,
    "appeal": 3,
    "waiting_start": 2,
    "attendance": 5,
}
CME_DAYS_OPEN = (38, 0.12, 150)  # mean days open; share that take long; their mean
CME_OUTCOMES = {"school_place": 60, "moved_away": 20, "sao": 8, "found": 8, "home_educated": 4}
CME_WITH_SOCIAL_WORKER = 0.08

# Pupils missing out on education (PME) referrals a year.
PME_REFERRALS = {2022: 800, 2023: 882, 2024: 739, 2025: 760}
PME_SECOND_STEP = 0.45
PME_SECOND = {"school_support": 30, "youth_group": 10, "waiting_list": 55, "medical": 5}
PME_WAIT_DAYS = 55  # mean wait for an education officer

# Exclusions by academic year: (primary, secondary, special) x (permanent, suspensions). 2024/25 suspensions
# are the autumn and spring terms, as the report gives them; the summer adds its share.
PERMANENT = {2021: (10, 50, 0), 2022: (11, 56, 0), 2023: (13, 59, 0), 2024: (11, 85, 0), 2025: (12, 88, 0)}
SUSPENSIONS = {
    2021: (650, 6900, 35),
    2022: (732, 7672, 40),
    2023: (1089, 9444, 89),
    2024: (852, 6371, 82),
    2025: (1200, 9000, 110),
}
AUTUMN_SPRING_ONLY = {2024}  # years whose suspensions above cover September to March
SUMMER_SHARE = 0.3  # of a year's suspensions in the summer term
SUSPENSIONS_PER_PUPIL = 2.3
SUSPENSIONS_IN_CARE = 63  # suspensions of children in care a year; none permanently excluded
PROVISION_ON_TIME = 0.85
PERMANENT_WITH_SOCIAL_WORKER = 0.2  # permanently excluded pupils who have a social worker (never in care)

# Pupils on roll at the census of 15 May 2025, by phase; a little lower each year before.
ROLL_2025 = {"primary": 54_226, "secondary": 44_493, "special": 1_935}
ROLL_GROWTH = 0.012

# Virtual School: PEPs rated, PP+ targets achieved (82.7% in 2024/25), the grant per child a year.
PUPIL_PREMIUM_PLUS = 2_570
TARGET_RESULTS = {"achieved": 82.7, "partly": 10.3, "not_achieved": 7.0}
ATTENDANCE_IN_CARE = 0.905  # sessions attended
PERSISTENT_ABSENCE_IN_CARE = 0.12

# EHC needs assessments: requests a calendar year; decisions; plans within 20 weeks (below the national
# average).
EHC_REQUESTS = {2019: 900, 2020: 1000, 2021: 1200, 2022: 1400, 2023: 1600, 2024: 1800, 2025: 1900}
EHC_ASSESS_SHARE = 0.75
EHC_ISSUE_SHARE = 0.9
EHC_DECISION_ON_TIME = 0.8
EHC_PLAN_ON_TIME = {2019: 0.55, 2020: 0.5, 2021: 0.45, 2022: 0.35, 2023: 0.3, 2024: 0.35, 2025: 0.5}
EHC_NEEDS = {
    "ASD": 30,
    "SEMH": 17,
    "SLCN": 22,
    "MLD": 9,
    "SPLD": 5,
    "SLD": 4,
    "PMLD": 1,
    "PD": 3,
    "HI": 2,
    "VI": 1,
    "MSI": 0.3,
    "OTH": 3,
}
EHC_HOME_EDUCATED = 0.04
EHC_APPEAL_SHARE = 0.03

# NEET: 16 and 17 year olds. Not known at the September reset, found out over the autumn; NEET by month.
NOT_KNOWN_RESOLVED_BY = {9: 0.10, 10: 0.25, 11: 0.72, 12: 0.93, 1: 0.96}
STILL_NOT_KNOWN = 0.04
NEET_SHARE = 0.006
NEET_LATER_IN_YEAR = 0.008
# NEET at the reset already (known to the service from the year before)  # leave education in January to March
NEET_KNOWN_IN_SEPTEMBER = 0.006
SEPTEMBER_GUARANTEE = 0.963
