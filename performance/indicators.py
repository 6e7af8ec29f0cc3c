"""Every standard indicator, declared once as data.

Names are the names printed on the published scrutiny dashboards, so a printed dashboard maps onto
the registry; `aliases` hold the other printed forms (the Q4 2024/25 dashboard truncates long names
with ".."). Targets are the council's local targets as printed; a council can change one with
THRIVE_PERFORMANCE = {"TARGETS": {"CSC_RE_REFERRALS": "<19%"}}.

Indicators computed from case records say which app is expected to supply the computation
(`computed_by`); until that app registers it they are shown as "not yet computable".
"""

from typing import Any

from .definitions import Frequency, Indicator, Obtained, Polarity, RagRule, Target, ValueType
from .periods import CompareWith, Span, YearKind

# Outcomes of the departmental plan (the dashboards' "Topic" / "Strategic Plan Outcome").
FAMILIES = "Help children and their families build strength, resilience, confidence and capacity"
SAFE_STABLE = "Help children to live in safe, stable environments and have secure attachments"
BEST_START = "Help every child to get the best possible start in life"
EDUCATION = (
    "Help every child to have access to good quality education to ensure they achieve their maximum potential"
)
SAFE_DAILY = "People are safe in their daily lives"

# Areas (the dashboards' "Theme" / "Area").
SEND = "SEND"
SOCIAL_CARE = "Social Care"
EARLY_YEARS = "Early Years"
SCHOOLS = "Education"
YOUTH_JUSTICE = "Youth Justice"

CIN_CENSUS = "DfE children in need census; Characteristics of children in need (DfE statistics)"
CIN_METHOD = (
    "DfE Characteristics of children in need: methodology and tables "
    "(explore-education-statistics.service.gov.uk), "
    "from the children in need census"
)
CLA_STATS = "DfE SSDA903 return; Children looked after in England including adoptions (DfE statistics)"
SCHOOL_CENSUS = "DfE school census (termly); Special educational needs in England (DfE statistics)"
EARLY_YEARS_SOURCE = (
    "Local termly headcount and DWP eligibility lists; Education provision: children under 5 years of age "
    "(DfE statistics, from the early years and school censuses)"
)
OFSTED_MI = "Ofsted state-funded schools inspections and outcomes (monthly management information)"
OFSTED_LM_NOTE = (
    " From September 2024 Ofsted no longer gives an overall effectiveness grade, so this series uses the "
    "leadership and management judgement; it is not comparable with the overall effectiveness series."
)
EYFSP = "DfE Early years foundation stage profile results (annual)"
KS2 = "DfE Key stage 2 attainment (national curriculum assessments, annual)"
KS4 = "DfE Key stage 4 performance (annual)"
EXCLUSIONS = "DfE Suspensions and permanent exclusions in England (annual, school census)"

# Repeated phrases in the education definitions.
GLD = (
    "Children at the end of the reception year reaching at least the expected level in the early learning "
    "goals of the prime areas and of literacy and mathematics (a good level of development)"
)
RWM = "Pupils at the end of key stage 2 reaching the expected standard in reading, writing and mathematics"
P8 = "Average Progress 8 score of pupils at the end of key stage 4 in state-funded schools"


def _social_care(
    code: str,
    name: str,
    definition: str,
    source: str,
    computed_by: str,
    polarity: Polarity,
    *,
    target: str = "",
    benchmark_key: str = "",
    aliases: tuple[str, ...] = (),
    value_type: ValueType = ValueType.PERCENT,
    rag_rule: RagRule = RagRule.TARGET_THEN_QUARTILE,
    **counting: Any,
) -> Indicator:
    return Indicator(
        code,
        name,
        SAFE_STABLE,
        SOCIAL_CARE,
        value_type,
        polarity,
        Frequency.QUARTER,
        definition,
        source,
        Obtained.COMPUTED,
        computed_by=computed_by,
        target=Target.parse(target),
        benchmark_key=benchmark_key,
        aliases=aliases,
        rag_rule=rag_rule,
        **counting,
    )


def _school(
    code: str,
    name: str,
    definition: str,
    source: str,
    *,
    value_type: ValueType = ValueType.PERCENT,
    frequency: Frequency = Frequency.ANNUAL,
    benchmark_key: str = "",
    aliases: tuple[str, ...] = (),
    polarity: Polarity = Polarity.HIGH_GOOD,
    decimals: int | None = None,
    phrase: str = "",
) -> Indicator:
    return Indicator(
        code,
        name,
        EDUCATION,
        SCHOOLS,
        value_type,
        polarity,
        frequency,
        definition,
        source,
        Obtained.IMPORTED,
        benchmark_key=benchmark_key,
        aliases=aliases,
        year_kind=YearKind.ACADEMIC,
        decimals=decimals,
        phrase=phrase,
    )


INDICATORS: tuple[Indicator, ...] = (
    # Social care: computed from case records by the journey apps (their `indicators.py`).
    _social_care(
        "CSC_CP_REVIEWS_ON_TIME",
        "Child protection cases which were reviewed within timescales",
        "Children on a child protection plan at the end of the period who had been on it for at least 3 "
        "months "
        "(the first review's timescale), all of whose review conferences were held on time, with no review "
        "overdue at the end of the period, as a % of those children. The first review is due within 3 "
        "months of "
        "the plan starting (the initial conference), later ones within 6 months of the previous review; "
        "a review "
        "on its due date is on time.",
        f"{CIN_METHOD}: child protection plan reviews; DfE children in need census COLLECT key "
        "indicator 'CPPs "
        "reviewed within timescales'; Working Together to Safeguard Children 2023 for the timescales. Every "
        "review of the plan counts, as the DfE counts them: a review held late more than 12 months ago still "
        "makes the plan late.",
        "protection",
        Polarity.HIGH_GOOD,
        target=">97.2%",
        benchmark_key="cp_reviews_on_time",
        span=Span.AT_END,
        case_date="Plan started",
    ),
    _social_care(
        "CSC_CPP_SECOND_OR_LATER",
        "Children becoming subject to a CPP for second or subsequent time",
        "Child protection plans started in the financial year to the end of the period for a child who "
        "had been "
        "on a plan before, as a % of all plans started in that time. Each plan start counts. Earlier "
        "plans are "
        "those held in Thrive for the child, including on records since merged into theirs.",
        f"{CIN_METHOD}: children who became the subject of a child protection plan for a second or "
        "subsequent "
        "time (the census's NumberOfPreviousCPP). Reported year to date, as the council's dashboard does.",
        "protection",
        Polarity.LOW_GOOD,
        target="<20.8%",
        benchmark_key="cpp_second_or_later",
        aliases=("Children becoming subject to a child protection plan for a second or subsequent time",),
        span=Span.YEAR_TO_DATE,
        counts=("plan started", "plans started"),
        case_date="Plan started",
        phrase="children becoming subject to a child protection plan for a second or subsequent time",
    ),
    _social_care(
        "CSC_RE_REFERRALS",
        "Re-referrals to CSC within 12 mths",
        "Referrals to children's social care in the period that were within 12 months of a previous referral "
        "for the same child, as a % of referrals in the period. Each referral counts; a child's "
        "referrals on one "
        "day count as one, and neither is a re-referral of the other.",
        f"{CIN_METHOD}: re-referrals within 12 months of a previous referral (%), table C1 (each referral "
        "counted).",
        "frontdoor",
        Polarity.LOW_GOOD,
        target="<18.7%",
        benchmark_key="re_referrals",
        aliases=("Re-referrals to children's social care within 12 months",),
        counts=("referral", "referrals"),
        case_date="Referral date",
        phrase="re-referrals to children's social care within 12 months",
    ),
    _social_care(
        "CSC_ASSESSMENTS_45_DAYS",
        "Assessments completed within 45 days",
        "Child and family assessments completed (authorised) in the financial year to the end of the period "
        "within 45 working days of the assessment's start, as a % of assessments completed in that time. An "
        "assessment authorised on the 45th working day after it started is on time.",
        f"{CIN_METHOD}: assessments completed, duration in working days from the assessment start date "
        "to the "
        "assessment authorisation date. Working Together counts the 45 working days from the referral, "
        "as the "
        "practitioner's due date does; the two readings are shown side by side by journey_calibration. "
        "Reported "
        "year to date, as the council's dashboard does: its Q4 2024/25 83.6% is the year's figure (1,268 of "
        "1,608 within Q4 alone is 78.9%).",
        "familyhelp",
        Polarity.HIGH_GOOD,
        target=">90.3%",
        benchmark_key="assessments_45_days",
        span=Span.YEAR_TO_DATE,
        counts=("assessment", "assessments"),
        case_date="Completed",
        phrase="assessments completed within 45 working days",
    ),
    _social_care(
        "CSC_CPP_TWO_YEARS",
        "CPP lasting 2 yrs or more open at the end of the quarter",
        "Child protection plans open at the end of the period that had lasted 2 years or more (24 calendar "
        "months from the start), as a % of all plans open at the end of the period. The DfE's own measure "
        "differs: plans that ended in the year having lasted 2 years or more.",
        f"{CIN_METHOD}: children who were the subject of a plan at 31 March by length of time on the plan; "
        "the council's dashboard indicator as named. The DfE's key indicator counts plans ceasing in "
        "the year.",
        "protection",
        Polarity.LOW_GOOD,
        target="<3.0%",
        benchmark_key="cpp_two_years",
        span=Span.AT_END,
        counts=("plan", "plans"),
        case_date="Plan started",
        phrase="child protection plans open at the end of the quarter that had lasted 2 years or more",
    ),
    # Slots for the children-in-care and care-leaver apps (computed_by "care" and "leavers"): shown as
    # "not yet computable" until those apps register them (docs/performance.md, "Slots").
    _social_care(
        "CL_SUITABLE_ACCOMMODATION",
        "Care leavers in suitable accommodation",
        "Care leavers aged 17 to 21 whose 17th to 21st birthday fell in the 12 months to the end of the "
        "period, "
        "whose accommodation recorded for that birthday was judged suitable, as a % of all those care "
        "leavers; "
        "one with nothing recorded for that birthday counts as no information (not suitable).",
        f"{CLA_STATS}: care leavers at their 17th to 21st birthdays (table OC3)",
        "leavers",
        Polarity.HIGH_GOOD,
        target=">92.0%",
        benchmark_key="care_leavers_suitable_accommodation",
        aliases=("Care leavers aged up to 21 in suitable accommodation",),
        span=Span.AT_END,
        case_date="Birthday contact",
        counts=("young person", "young people"),
        phrase="care leavers aged up to 21 in suitable accommodation",
    ),
    _social_care(
        "CL_EET",
        "Care leavers EET",
        "Care leavers aged 17 to 21 whose 17th to 21st birthday fell in the 12 months to the end of the "
        "period, "
        "in education, employment or training at that birthday's contact, as a % of all those care "
        "leavers; one "
        "with nothing recorded for that birthday counts as no information.",
        f"{CLA_STATS}: care leavers at their 17th to 21st birthdays (table OC3)",
        "leavers",
        Polarity.HIGH_GOOD,
        target=">54.0%",
        benchmark_key="care_leavers_eet",
        aliases=("Care leavers in education, employment or training",),
        span=Span.AT_END,
        case_date="Birthday contact",
        counts=("young person", "young people"),
        phrase="care leavers aged up to 21 in education, employment or training",
    ),
    _social_care(
        "CLA_DENTAL_CHECKS",
        "Children in care who have had dental checks within last 12 months (at end of period)",
        "Children looked after continuously for 12 months or more at the end of the period who had a dental "
        "check in the previous 12 months, as a % of those children.",
        f"{CLA_STATS}: outcomes for children looked after for 12 months or more (table OC2)",
        "care",
        Polarity.HIGH_GOOD,
        benchmark_key="cla_dental_checks",
        span=Span.AT_END,
        case_date="Became looked after",
        phrase="children in care who had a dental check within the last 12 months",
    ),
    _social_care(
        "CLA_HEALTH_ASSESSMENTS",
        "Children in care who have their annual health assessment within last 12 months (at end of period)",
        "Children looked after continuously for 12 months or more at the end of the period whose health "
        "assessment was in the previous 12 months (6 months for children under 5), as a % of those children.",
        f"{CLA_STATS}: outcomes for children looked after for 12 months or more (table OC2)",
        "care",
        Polarity.HIGH_GOOD,
        benchmark_key="cla_health_assessments",
        aliases=("Children in care who have their annual health assessment within last 12 months (..",),
        span=Span.AT_END,
        case_date="Became looked after",
        phrase="children in care who had their annual health assessment within the last 12 months",
    ),
    _social_care(
        "CLA_THREE_PLACEMENTS",
        "Children in care with 3 or more placements in the last 12 months",
        "Children looked after at the end of the period who had three or more placements during the previous "
        "12 months, as a % of all children looked after at the end of the period.",
        f"{CLA_STATS}: placement stability (short term)",
        "care",
        Polarity.LOW_GOOD,
        benchmark_key="cla_three_placements",
        span=Span.AT_END,
        case_date="Became looked after",
    ),
    _social_care(
        "CLA_LONG_TERM_STABILITY",
        "Children in care in long-term stable placements",
        "Children under 16 at the end of the period who had been looked after continuously for 2 and a half "
        "years or more and living with the same carers for at least 2 years (a change of placement type with "
        "the same carers, such as foster carers becoming long-term carers or adopters, does not restart the "
        "count; a child placed for adoption with new carers counts that and the previous placement "
        "together), "
        "as a % of children under 16 looked after for 2 and a half years or more.",
        f"{CLA_STATS}: placement stability (long term)",
        "care",
        Polarity.HIGH_GOOD,
        benchmark_key="cla_long_term_stability",
        span=Span.AT_END,
        case_date="Became looked after",
    ),
    _social_care(
        "CIN_RATE",
        "Children in need per 10,000 children",
        "Children in need at the end of the period (an open referral, the census's episode of need, "
        "including "
        "children on a child protection plan and in care; unborn children included) who are under 18, per "
        "10,000 children aged under 18 in the latest mid-year population estimate (30 June) on or before the "
        "end of the period. An episode closed on the last day of the period is not open at its end.",
        f"{CIN_METHOD}: children in need at 31 March, rate per 10,000 children aged under 18; ONS mid-year "
        "population estimates",
        "familyhelp",
        Polarity.NONE,
        value_type=ValueType.RATE,
        benchmark_key="cin_rate",
        rag_rule=RagRule.NONE,
        span=Span.AT_END,
        case_date="Referral date",
        phrase="rate of children in need per 10,000 children",
    ),
    _social_care(
        "CP_RATE",
        "Children on a child protection plan per 10,000 children",
        "Children on a child protection plan at the end of the period (unborn children included) who "
        "are under "
        "18, per 10,000 children aged under 18 in the latest mid-year population estimate on or before "
        "the end "
        "of the period. A plan ended on the last day of the period is not open at its end.",
        f"{CIN_METHOD}: children who were the subject of a child protection plan at 31 March, rate per "
        "10,000 "
        "children aged under 18; ONS mid-year population estimates",
        "protection",
        Polarity.NONE,
        value_type=ValueType.RATE,
        benchmark_key="cp_rate",
        rag_rule=RagRule.NONE,
        span=Span.AT_END,
        case_date="Plan started",
        phrase="rate of children on a child protection plan per 10,000 children",
    ),
    _social_care(
        "CLA_RATE",
        "Children looked after per 10,000 children",
        "Children looked after at the end of the period per 10,000 children aged under 18.",
        f"{CLA_STATS}; ONS mid-year population estimates",
        "care",
        Polarity.NONE,
        value_type=ValueType.RATE,
        benchmark_key="cla_rate",
        rag_rule=RagRule.NONE,
        span=Span.AT_END,
        case_date="Became looked after",
        phrase="rate of children looked after per 10,000 children",
    ),
    # SEND: counts from the termly school census.
    Indicator(
        "SEN_EHCP_MAINSTREAM",
        "Children in mainstream schools with EHCP",
        FAMILIES,
        SEND,
        ValueType.NUMBER,
        Polarity.NONE,
        Frequency.TERM,
        "Pupils on the roll of mainstream schools in the area with an education, health and care plan on the "
        "termly school census day.",
        SCHOOL_CENSUS,
        Obtained.IMPORTED,
        rag_rule=RagRule.NONE,
    ),
    Indicator(
        "SEN_SUPPORT_MAINSTREAM",
        "Children in mainstream schools in receipt of SEN Support (without EHCP)",
        FAMILIES,
        SEND,
        ValueType.NUMBER,
        Polarity.NONE,
        Frequency.TERM,
        "Pupils on the roll of mainstream schools in the area receiving SEN support without an education, "
        "health and care plan on the termly school census day.",
        SCHOOL_CENSUS,
        Obtained.IMPORTED,
        rag_rule=RagRule.NONE,
    ),
    # Early years: funded early education entitlement (FEEE) take-up, termly.
    Indicator(
        "EY_FEEE_TWO",
        "Eligible 2 year olds taking up their FEEE",
        BEST_START,
        EARLY_YEARS,
        ValueType.PERCENT,
        Polarity.HIGH_GOOD,
        Frequency.TERM,
        "Eligible two-year-olds taking up their funded early education entitlement in the term, as a % of "
        "eligible two-year-olds.",
        EARLY_YEARS_SOURCE,
        Obtained.IMPORTED,
        benchmark_key="feee_two",
    ),
    Indicator(
        "EY_FEEE_THREE",
        "Eligible 3 year olds taking up their FEEE",
        BEST_START,
        EARLY_YEARS,
        ValueType.PERCENT,
        Polarity.HIGH_GOOD,
        Frequency.TERM,
        "Three-year-olds taking up their universal funded early education entitlement in the term, as a % of "
        "three-year-olds in the area.",
        EARLY_YEARS_SOURCE,
        Obtained.IMPORTED,
        benchmark_key="feee_three",
    ),
    Indicator(
        "EY_FEEE_HIGH_QUALITY",
        "Eligible 2 and 3-year olds taking up their FEEE in a high-quality provision",
        BEST_START,
        EARLY_YEARS,
        ValueType.PERCENT,
        Polarity.HIGH_GOOD,
        Frequency.TERM,
        "Two- and three-year-olds taking up funded early education in a setting rated good or outstanding by "
        "Ofsted, as a % of all two- and three-year-olds taking it up.",
        EARLY_YEARS_SOURCE,
        Obtained.IMPORTED,
    ),
    # Education: Ofsted judgements (quarterly, from Ofsted's monthly management information).
    _school(
        "EDU_PRIMARY_GOOD",
        "Primary schools rated 'Good' or 'Outstanding'",
        "State-funded primary schools in the area whose latest Ofsted overall effectiveness grade was "
        "good or "
        "outstanding, as a % of inspected primary schools.",
        OFSTED_MI,
        frequency=Frequency.QUARTER,
        benchmark_key="ofsted_primary_good",
    ),
    _school(
        "EDU_SECONDARY_GOOD",
        "Secondary schools rated 'Good' or 'Outstanding'",
        "State-funded secondary schools in the area whose latest Ofsted overall effectiveness grade was good "
        "or outstanding, as a % of inspected secondary schools.",
        OFSTED_MI,
        frequency=Frequency.QUARTER,
        benchmark_key="ofsted_secondary_good",
    ),
    _school(
        "EDU_PUPILS_GOOD",
        "Pupils in Good or Outstanding schools",
        "Pupils in state-funded schools whose latest Ofsted overall effectiveness grade was good or "
        "outstanding, as a % of pupils in inspected schools.",
        OFSTED_MI,
        frequency=Frequency.QUARTER,
        benchmark_key="ofsted_pupils_good",
    ),
    _school(
        "EDU_PRIMARY_GOOD_LM",
        "Primary schools rated 'Good' or 'Outstanding' for leadership and management",
        "State-funded primary schools in the area whose latest Ofsted leadership and management "
        "judgement was "
        "good or outstanding, as a % of inspected primary schools." + OFSTED_LM_NOTE,
        OFSTED_MI,
        frequency=Frequency.QUARTER,
        benchmark_key="ofsted_primary_good_lm",
        aliases=("Primary schools rated 'Good' or 'Outstanding' for leadership and managem..",),
    ),
    _school(
        "EDU_SECONDARY_GOOD_LM",
        "Secondary schools rated 'Good' or 'Outstanding' for leadership and management",
        "State-funded secondary schools in the area whose latest Ofsted leadership and management judgement "
        "was good or outstanding, as a % of inspected secondary schools." + OFSTED_LM_NOTE,
        OFSTED_MI,
        frequency=Frequency.QUARTER,
        benchmark_key="ofsted_secondary_good_lm",
        aliases=("Secondary schools rated 'Good' or 'Outstanding' for leadership and managem..",),
    ),
    _school(
        "EDU_PUPILS_GOOD_LM",
        "Pupils in Good or Outstanding schools for leadership and management",
        "Pupils in state-funded schools whose latest Ofsted leadership and management judgement was good or "
        "outstanding, as a % of pupils in inspected schools." + OFSTED_LM_NOTE,
        OFSTED_MI,
        frequency=Frequency.QUARTER,
        benchmark_key="ofsted_pupils_good_lm",
    ),
    # Education: attainment (annual, academic year).
    _school(
        "EYFS_GLD",
        "Reception pupils reaching a 'Good level of development'",
        f"{GLD}, as a % of children assessed.",
        EYFSP,
        benchmark_key="eyfs_gld",
    ),
    _school(
        "EYFS_GLD_FSM",
        "Reception pupils with Free School Meals (FSM) status achieving 'Good level of development'",
        f"{GLD}, among children eligible for free school meals, as a % of those children assessed.",
        EYFSP,
        benchmark_key="eyfs_gld_fsm",
    ),
    _school(
        "EYFS_GLD_EHCP",
        "Reception pupils with Education, Health and Care Plans achieving 'Good Level of Development'",
        f"{GLD}, among children with an education, health and care plan, as a % of those children assessed.",
        EYFSP,
        benchmark_key="eyfs_gld_ehcp",
    ),
    _school(
        "KS2_RWM",
        "KS2 - pupils achieving expected standard in Reading, Writing and Mathematics",
        f"{RWM}, as a % of pupils at the end of key stage 2.",
        KS2,
        benchmark_key="ks2_rwm",
    ),
    _school(
        "KS2_RWM_FSM",
        "KS2 - Expected level in Reading, Writing and Maths - pupils eligible for FSM",
        f"{RWM}, among pupils eligible for free school meals, as a % of those pupils.",
        KS2,
        benchmark_key="ks2_rwm_fsm",
    ),
    _school(
        "KS2_RWM_EHCP",
        "KS2 - Expected level in Reading, Writing and Maths - EHCP",
        f"{RWM}, among pupils with an education, health and care plan, as a % of those pupils.",
        KS2,
        benchmark_key="ks2_rwm_ehcp",
    ),
    _school(
        "KS2_RWM_SEN_SUPPORT",
        "KS2 - Expected level in Reading, Writing and Maths - SEN Support",
        f"{RWM}, among pupils receiving SEN support, as a % of those pupils.",
        KS2,
        benchmark_key="ks2_rwm_sen_support",
    ),
    _school(
        "KS4_P8",
        "KS4 - Progress 8",
        f"{P8}.",
        KS4,
        value_type=ValueType.SCORE,
        benchmark_key="ks4_p8",
    ),
    _school(
        "KS4_P8_FSM",
        "KS4 - Progress 8 (FSM)",
        f"{P8}, among pupils eligible for free school meals.",
        KS4,
        value_type=ValueType.SCORE,
        benchmark_key="ks4_p8_fsm",
    ),
    _school(
        "KS4_P8_EHCP",
        "KS4 - Progress 8 (EHCP)",
        f"{P8}, among pupils with an education, health and care plan.",
        KS4,
        value_type=ValueType.SCORE,
        benchmark_key="ks4_p8_ehcp",
    ),
    _school(
        "KS4_P8_SEN_SUPPORT",
        "KS4 - Progress 8 (SEN Support)",
        f"{P8}, among pupils receiving SEN support.",
        KS4,
        value_type=ValueType.SCORE,
        benchmark_key="ks4_p8_sen_support",
    ),
    # Education: inclusion, computed from the education app's records (education/indicators.py).
    Indicator(
        "EHE",
        "Children Electively Educated at Home",
        EDUCATION,
        SCHOOLS,
        ValueType.NUMBER,
        Polarity.NONE,
        Frequency.QUARTER,
        "Children of compulsory school age on the council's Children Not in School register as home "
        "educated at "
        "the end of the period. Compared with the same quarter a year earlier, as the numbers are seasonal.",
        "Council records of children in elective home education (the Children Not in School register, "
        "Education "
        "Act 1996 s436B); DfE Elective home education statistics",
        Obtained.COMPUTED,
        computed_by="education",
        rag_rule=RagRule.NONE,
        compare_with=CompareWith.SAME_PERIOD_LAST_YEAR,
        span=Span.AT_END,
        case_date="On the register from",
        phrase="children electively educated at home",
    ),
    Indicator(
        "EDU_CME_REFERRALS",
        "Children missing education referrals",
        EDUCATION,
        SCHOOLS,
        ValueType.NUMBER,
        Polarity.NONE,
        Frequency.TERM,
        "Referrals of children missing education (of compulsory school age, not on a school roll and "
        "not receiving "
        "suitable education otherwise) received in the term, each referral counted.",
        "Council records of children missing education (Education Act 1996 s436A; Children missing "
        "education: "
        "statutory guidance for local authorities, DfE 2024)",
        Obtained.COMPUTED,
        computed_by="education",
        rag_rule=RagRule.NONE,
        year_kind=YearKind.ACADEMIC,
        compare_with=CompareWith.SAME_PERIOD_LAST_YEAR,
        counts=("referral", "referrals"),
        case_date="Referred",
        phrase="children missing education referrals",
    ),
    Indicator(
        "NEET_16_17",
        "NEET young people aged 16-17",
        EDUCATION,
        SCHOOLS,
        ValueType.PERCENT,
        Polarity.LOW_GOOD,
        Frequency.LAST_MONTH_OF_QUARTER,
        "Young people of academic age 16 and 17 known to the council who are not in education, employment or "
        "training at the end of the last month of the quarter (their latest recorded activity), as a % "
        "of 16 and "
        "17 year olds known to the council (those whose activity is not known included).",
        "DfE NEET and participation: local authority figures (NCCIS returns); council tracking records",
        Obtained.COMPUTED,
        computed_by="education",
        target=Target.parse("<2.1%"),
        benchmark_key="neet_16_17",
        span=Span.AT_END,
        counts=("young person", "young people"),
        case_date="Activity recorded",
        phrase="young people aged 16-17 not in education, employment or training (NEET)",
    ),
    Indicator(
        "EXCL_SUSPENSION_RATE",
        "Children receiving at least one fixed term suspension as a % of School population",
        EDUCATION,
        SCHOOLS,
        ValueType.PERCENT,
        Polarity.LOW_GOOD,
        Frequency.ANNUAL,
        "Suspensions from the council's schools in the academic year, as a % of pupils on roll at the spring "
        "census (the DfE's suspension rate, which counts suspensions, as the dashboard's printed "
        "figures do).",
        EXCLUSIONS,
        Obtained.COMPUTED,
        computed_by="education",
        benchmark_key="suspension_rate",
        decimals=2,
        year_kind=YearKind.ACADEMIC,
        counts=("suspension", "suspensions"),
        case_date="Suspended from",
        phrase="children receiving at least one fixed term suspension, as a share of the school population",
    ),
    Indicator(
        "EXCL_PERMANENT_RATE",
        "Permanent exclusions as a % of School population",
        EDUCATION,
        SCHOOLS,
        ValueType.PERCENT,
        Polarity.LOW_GOOD,
        Frequency.ANNUAL,
        "Permanent exclusions from the council's schools in the academic year, as a % of pupils on roll "
        "at the "
        "spring census.",
        EXCLUSIONS,
        Obtained.COMPUTED,
        computed_by="education",
        benchmark_key="permanent_exclusion_rate",
        decimals=2,
        year_kind=YearKind.ACADEMIC,
        counts=("exclusion", "exclusions"),
        case_date="Excluded from",
        phrase="permanent exclusions, as a share of the school population",
    ),
    Indicator(
        "SEN_EHCP_20_WEEKS",
        "New EHC plans issued within 20 weeks",
        FAMILIES,
        SEND,
        ValueType.PERCENT,
        Polarity.HIGH_GOOD,
        Frequency.QUARTER,
        "New education, health and care plans issued in the financial year to the end of the period "
        "within 20 "
        "weeks of the request for assessment, exceptions under regulation 13(3) left out, as a % of new "
        "plans "
        "issued in that time.",
        "DfE SEN2 return; Education, health and care plans (DfE statistics): EHC plans issued within 20 "
        "weeks; "
        "Special Educational Needs and Disability Regulations 2014, reg 13",
        Obtained.COMPUTED,
        computed_by="education",
        span=Span.YEAR_TO_DATE,
        counts=("plan", "plans"),
        case_date="Plan issued",
        phrase="new EHC plans issued within 20 weeks",
    ),
    # Youth justice.
    Indicator(
        "YJ_FIRST_TIME_ENTRANTS",
        "No. of first time entrants to the criminal justice system aged 10-17 (year to date)",
        SAFE_DAILY,
        YOUTH_JUSTICE,
        ValueType.NUMBER,
        Polarity.LOW_GOOD,
        Frequency.QUARTER,
        "Young people aged 10 to 17 living in the area who received their first youth caution, youth "
        "conditional caution or court conviction, in the financial year to date.",
        "Youth justice service records; Youth Justice Board and Ministry of Justice first time entrants "
        "statistics (Police National Computer)",
        Obtained.IMPORTED,
        phrase="first time entrants to the criminal justice system aged 10-17 in the year to date",
    ),
)
