"""Every timescale Thrive counts, in the order of a child's journey, each with its source.

`checked` names where a citation was read against the text it cites: LEGISLATION is the text on
legislation.gov.uk. Where a paragraph number could not be checked, only the instrument and its
regulation or section (or the guidance and its chapter) are cited, never a guessed paragraph.
"""

from .definitions import Basis, Timescale, Unit

LAW, GUIDANCE, DATA, LOCAL = Basis.LAW, Basis.GUIDANCE, Basis.DATA, Basis.LOCAL
WD, DAYS, WEEKS, MONTHS, SCHOOL_DAYS, AGE = (
    Unit.WORKING_DAYS,
    Unit.CALENDAR_DAYS,
    Unit.WEEKS,
    Unit.MONTHS,
    Unit.SCHOOL_DAYS,
    Unit.YEARS_OF_AGE,
)
LEGISLATION = "legislation.gov.uk"

WORKING_TOGETHER = "Working Together to Safeguard Children 2023 (statutory guidance), chapter 3"
CPPCR = "Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)"
CARE_LEAVERS_REGS = "Care Leavers (England) Regulations 2010 (SI 2010/2571)"
ADOPTION_REGS = "Adoption Agencies Regulations 2005 (SI 2005/389)"
PRIVATE_FOSTERING_REGS = "Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533)"
HEALTH_GUIDANCE = "Promoting the health and well-being of looked-after children (DfE and DHSC, 2015)"
EDUCATION_GUIDANCE = (
    "Promoting the education of looked-after children and previously looked-after children (DfE, 2018)"
)
CLA_STATISTICS = "DfE Children looked after in England including adoptions: long-term placement stability"
NTS_PROTOCOL = (
    "National transfer scheme protocol for unaccompanied asylum seeking children (Home Office, "
    "version 7.0, June 2025), which councils must follow under a direction made under the "
    "Immigration Act 2016 s72(3); transfers under s69"
)
STAYING_CLOSE = (
    "Children Act 1989 s23CZAA, inserted by the Children's Wellbeing and Schools Act 2026 s7 "
    "(enacted 29 April 2026; in force on the day commencement regulations appoint)"
)

TIMESCALES: tuple[Timescale, ...] = (
    # The front door and assessment.
    Timescale(
        "CONTACT_DECISION",
        "Decision on a contact",
        1,
        WD,
        "contact received",
        f"{WORKING_TOGETHER} (a decision on the response within one working day of a referral; Thrive "
        "applies "
        "it to every contact at the front door)",
        GUIDANCE,
    ),
    Timescale(
        "ASSESSMENT",
        "Child and family assessment completed",
        45,
        WD,
        "referral",
        f"{WORKING_TOGETHER} (45 working days from the point of referral); Children Act 1989 s17 and s47",
        GUIDANCE,
    ),
    Timescale(
        "RE_REFERRAL_WINDOW",
        "Re-referral window",
        12,
        MONTHS,
        "previous referral",
        "DfE children in need census guide (re-referral: a referral within 12 months of a previous one)",
        DATA,
    ),
    Timescale(
        "CIN_PLAN_REVIEW",
        "Child in need plan review",
        3,
        MONTHS,
        "start of the plan or previous review",
        f"The council's standard: {WORKING_TOGETHER} asks for regular review of a child in need plan "
        "without a "
        "national interval",
        LOCAL,
    ),
    # Child protection.
    Timescale(
        "ICPC",
        "Initial child protection conference",
        15,
        WD,
        "strategy discussion that started the section 47 enquiry",
        f"{WORKING_TOGETHER}; Children Act 1989 s47",
        GUIDANCE,
    ),
    Timescale(
        "CP_CORE_GROUP_FIRST",
        "First core group meeting",
        10,
        WD,
        "initial child protection conference",
        WORKING_TOGETHER,
        GUIDANCE,
    ),
    Timescale(
        "CP_REVIEW_FIRST",
        "First child protection review conference",
        3,
        MONTHS,
        "initial child protection conference",
        WORKING_TOGETHER,
        GUIDANCE,
    ),
    Timescale(
        "CP_REVIEW_SUBSEQUENT",
        "Later child protection review conferences",
        6,
        MONTHS,
        "previous review conference",
        WORKING_TOGETHER,
        GUIDANCE,
    ),
    Timescale(
        "CP_VISIT",
        "Visit to a child on a child protection plan",
        10,
        WD,
        "previous visit",
        (
            "The council's standard: no national visiting frequency for a child protection plan "
            f"({WORKING_TOGETHER})"
        ),
        LOCAL,
    ),
    Timescale(
        "CP_PLAN_DRIFT",
        "Child protection plan open for a long time (drift check)",
        18,
        MONTHS,
        "start of the child protection plan",
        "The council's standard for management oversight of drift",
        LOCAL,
    ),
    Timescale(
        "CP_PLAN_TWO_YEARS",
        "Child protection plan lasting 2 years or more",
        24,
        MONTHS,
        "start of the child protection plan",
        "DfE children in need census and Characteristics of children in need statistics indicator",
        DATA,
    ),
    # Pre-proceedings and care proceedings.
    Timescale(
        "PRE_PROCEEDINGS_DRIFT",
        "Pre-proceedings (Public Law Outline) running long",
        16,
        WEEKS,
        "pre-proceedings meeting",
        "The council's standard, after the Public Law Working Group's final report (2021), "
        "pre-proceedings best "
        "practice guidance",
        LOCAL,
    ),
    Timescale(
        "CARE_PROCEEDINGS",
        "Care proceedings concluded",
        26,
        WEEKS,
        "issue of the care or supervision order application",
        "Children Act 1989 s32(1)(a), as amended by the Children and Families Act 2014 s14 (26 weeks "
        "beginning "
        "with the day the application was issued)",
        LAW,
        start_is_day_one=True,
    ),
    # Looked after children: plans and placements.
    Timescale(
        "CARE_PLAN",
        "Care plan prepared",
        10,
        WD,
        "start of the first placement",
        f"{CPPCR}, reg 4(2): before the child is first placed or, if that is not practicable, within 10 "
        "working "
        "days of the start of the first placement (not for a child whose care plan is made for the "
        "court under "
        "Children Act 1989 s31A)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "PLACEMENT_PLAN",
        "Placement plan prepared",
        5,
        WD,
        "start of the placement",
        f"{CPPCR}, reg 9(2): before the placement or, if that is not reasonably practicable, within 5 "
        "working "
        "days of its start",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "PLACEMENT_NOTICE",
        "Written notice of the placement arrangements",
        5,
        WD,
        "start of the placement",
        f"{CPPCR}, reg 13(1): before the placement is made or, in an emergency, within 5 working days of its "
        "start, to the people reg 13(2) lists",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "CONNECTED_PERSON_APPROVAL",
        "Temporary approval of a connected person as foster carer ends",
        16,
        WEEKS,
        "temporary approval",
        f"{CPPCR}, reg 24 (temporary approval of a relative, friend or other connected "
        "person for up to 16 weeks); the placement ends when it expires unless they are approved, reg 25(6)",
        LAW,
        start_is_day_one=True,
        checked=f"{LEGISLATION} (reg 25; reg 24's 16 weeks not checked here)",
    ),
    Timescale(
        "CONNECTED_PERSON_EXTENSION",
        "Extended temporary approval of a connected person ends",
        8,
        WEEKS,
        "end of the first temporary approval",
        f"{CPPCR}, reg 25(2): extended once, for up to 8 further weeks, when the full assessment will "
        "not finish "
        "in time (reg 25(3): until the outcome of a review of a refusal)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "CLA_REVIEW_FIRST",
        "First looked-after review",
        20,
        WD,
        "becoming looked after",
        f"{CPPCR}, reg 33",
        LAW,
    ),
    Timescale(
        "CLA_REVIEW_SECOND",
        "Second looked-after review",
        3,
        MONTHS,
        "first looked-after review",
        f"{CPPCR}, reg 33",
        LAW,
    ),
    Timescale(
        "CLA_REVIEW_SUBSEQUENT",
        "Later looked-after reviews",
        6,
        MONTHS,
        "previous looked-after review",
        f"{CPPCR}, reg 33; also the 6-monthly review of a child the adoption agency may place "
        f"({ADOPTION_REGS}, "
        "reg 36(1)(b))",
        LAW,
    ),
    # Looked after children: visits (reg 28, read with the placement, the order and the reviews).
    Timescale(
        "CLA_VISIT_FIRST",
        "First visit in a new placement",
        1,
        WEEKS,
        "start of the placement",
        f"{CPPCR}, reg 28(2)(a)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "CLA_VISIT_WEEKLY",
        "Weekly visit until the first review (placed with parents, with a connected person, "
        "or at home on an interim care order)",
        1,
        WEEKS,
        "previous visit, until the first review after the placement began",
        f"{CPPCR}, reg 28(3)(a) (placed with a parent under reg 19) and reg 28(4)(a) "
        "(a connected person under reg 24, or living with a parent on an interim care order)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "CLA_VISIT_FOUR_WEEKS",
        "Visit every 4 weeks after the first review (connected person, or at home on an interim care order)",
        4,
        WEEKS,
        "previous visit",
        f"{CPPCR}, reg 28(4)(b)",
        LAW,
        statutory_limit=4,
        checked=LEGISLATION,
    ),
    Timescale(
        "CLA_VISIT_CARE_ORDER_AT_HOME",
        "Visit after a care order for a child living with a parent",
        1,
        WEEKS,
        "making of the care order",
        f"{CPPCR}, reg 28(5)(a)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "CLA_VISIT",
        "Statutory visit to a child in care",
        6,
        WEEKS,
        "previous visit",
        f"{CPPCR}, reg 28(2)(b) and (c)(ii), (3)(b) and (5)(b): at most 6 weeks apart; the council may set a "
        "shorter standard",
        LAW,
        statutory_limit=6,
        checked=LEGISLATION,
    ),
    Timescale(
        "CLA_VISIT_LONG_TERM",
        "Statutory visit in a long-term placement after its first year",
        3,
        MONTHS,
        "previous visit",
        f"{CPPCR}, reg 28(2)(c)(i) (a placement intended to last until the child is 18)",
        LAW,
        statutory_limit=3,
        checked=LEGISLATION,
    ),
    Timescale(
        "CLA_VISIT_LONG_TERM_AGREED",
        "Visit in a long-term foster placement of a year or more, the child agreeing",
        6,
        MONTHS,
        "previous visit",
        f"{CPPCR}, reg 28(3A), inserted by the Care Planning and Fostering (Miscellaneous Amendments) "
        "(England) "
        "Regulations 2015 (SI 2015/495): a child of sufficient age and understanding who agrees may be "
        "visited "
        "at most every 6 months",
        LAW,
        checked=(
            "a council's procedures quoting reg 28(3A); the revised text on legislation.gov.uk not read here"
        ),
    ),
    # Looked after children: health and education.
    Timescale(
        "CLA_HEALTH_INITIAL",
        "Initial health assessment",
        20,
        WD,
        "becoming looked after",
        f"{HEALTH_GUIDANCE}; {CPPCR}, reg 7",
        GUIDANCE,
    ),
    Timescale(
        "CLA_HEALTH_REVIEW",
        "Review health assessment (aged 5 and over)",
        12,
        MONTHS,
        "previous health assessment",
        f"{CPPCR}, reg 7; {HEALTH_GUIDANCE}",
        LAW,
    ),
    Timescale(
        "CLA_HEALTH_REVIEW_UNDER_5",
        "Review health assessment (under 5)",
        6,
        MONTHS,
        "previous health assessment",
        f"{CPPCR}, reg 7; {HEALTH_GUIDANCE}",
        LAW,
    ),
    Timescale(
        "CLA_DENTAL",
        "Dental check",
        12,
        MONTHS,
        "previous dental check",
        f"{HEALTH_GUIDANCE}; SSDA903 outcomes (dental check in the last 12 months)",
        GUIDANCE,
    ),
    Timescale(
        "CLA_LONG_TERM_IN_CARE",
        "Looked after long term (placement stability measure)",
        30,
        MONTHS,
        "becoming looked after",
        f"{CLA_STATISTICS}: looked after continuously for at least 2.5 years",
        DATA,
    ),
    Timescale(
        "CLA_LONG_TERM_PLACEMENT",
        "Living with the same carers for 2 years or more (placement stability measure)",
        24,
        MONTHS,
        "start of living with the current carers",
        f"{CLA_STATISTICS}: living in the same placement (with the same carers) for at least 2 years",
        DATA,
    ),
    Timescale(
        "CLA_LONG_TERM_AGE",
        "Age up to which long-term placement stability is measured",
        16,
        AGE,
        "date of birth",
        f"{CLA_STATISTICS}: children aged under 16",
        DATA,
    ),
    Timescale(
        "PEP_INITIAL",
        "Personal Education Plan in place",
        20,
        WD,
        "becoming looked after",
        f"{EDUCATION_GUIDANCE} (PEP ready for the first review); {CPPCR}, reg 5 and Sch 1",
        GUIDANCE,
    ),
    Timescale(
        "PEP_REVIEW",
        "Personal Education Plan review (termly)",
        4,
        MONTHS,
        "previous PEP review",
        f"The council's reading of a term: {EDUCATION_GUIDANCE} asks for a review each term; the PEP is "
        "part of "
        f"the care plan reviewed at every looked-after review ({CPPCR}, reg 33)",
        LOCAL,
        statutory_limit=6,
    ),
    Timescale(
        "UASC_AGE_ASSESSMENT",
        "Age assessment of an unaccompanied child",
        28,
        DAYS,
        "referral for age assessment",
        "The council's standard; assessments follow the ADCS Age Assessment Guidance (2015) and the "
        "Nationality "
        "and Borders Act 2022, Part 4",
        LOCAL,
    ),
    Timescale(
        "NTS_TRANSFER",
        "Transfer of an unaccompanied child under the National Transfer Scheme",
        10,
        WD,
        "allocation of a receiving council",
        NTS_PROTOCOL,
        GUIDANCE,
        checked="not checked: the 10 working days as regional partnerships summarise the protocol",
    ),
    # Adoption: once placed for adoption the Adoption Agencies Regulations set reviews and visits.
    Timescale(
        "ADOPTION_AUTHORITY_REVIEW",
        "First review once the agency may place the child for adoption",
        3,
        MONTHS,
        "authority to place (placement order or consent)",
        f"{ADOPTION_REGS}, reg 36(1)(a)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "ADOPTION_REVIEW_FIRST",
        "First review after placement for adoption",
        4,
        WEEKS,
        "placement for adoption",
        f"{ADOPTION_REGS}, reg 36(3)(a)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "ADOPTION_REVIEW_SECOND",
        "Second review after placement for adoption",
        3,
        MONTHS,
        "first review",
        f"{ADOPTION_REGS}, reg 36(3)(b)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "ADOPTION_REVIEW_SUBSEQUENT",
        "Later reviews of a child placed for adoption",
        6,
        MONTHS,
        "previous review",
        f"{ADOPTION_REGS}, reg 36(3)(c)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "ADOPTION_VISIT_FIRST",
        "First visit to a child placed for adoption",
        1,
        WEEKS,
        "placement for adoption",
        f"{ADOPTION_REGS}, reg 36(4)(a)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "ADOPTION_VISIT_WEEKLY",
        "Weekly visit to a child placed for adoption until the first review",
        1,
        WEEKS,
        "previous visit",
        f"{ADOPTION_REGS}, reg 36(4)(a)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "ADOPTION_VISIT",
        "Visit to a child placed for adoption after the first review",
        6,
        WEEKS,
        "previous visit",
        (
            f"The council's standard: {ADOPTION_REGS}, reg 36(4)(a) leaves the frequency to the agency at "
            "each review"
        ),
        LOCAL,
    ),
    # Statutory returns.
    Timescale(
        "RETURN_FIX",
        "Record corrected for a statutory return",
        10,
        WD,
        "the analyst's request",
        "The council's standard, so corrections reach the CIN census and SSDA903 before the DfE's deadlines",
        LOCAL,
    ),
    # Education.
    Timescale(
        "EXCLUDED_PUPIL_EDUCATION",
        "Full-time education for a permanently excluded pupil",
        6,
        SCHOOL_DAYS,
        "first school day of the exclusion",
        "Education Act 1996 s19(3A) and (3B), inserted by the Education and Inspections Act 2006 s101; "
        "Education "
        "(Provision of Full-Time Education for Excluded Pupils) (England) Regulations 2007 (SI "
        "2007/1870), reg 4: "
        "from the sixth school day of the exclusion",
        LAW,
        start_is_day_one=True,
        checked=f"{LEGISLATION} (s19(3A)-(3B) and the 2007 Regulations' explanatory note)",
    ),
    Timescale(
        "HEALTH_NEEDS_EDUCATION",
        "Education for a child who cannot attend school because of health needs",
        15,
        SCHOOL_DAYS,
        "school days the child has missed, or is expected to miss, through ill health in the school "
        "year (consecutive or cumulative)",
        "Education Act 1996 s19; Arranging education for children who cannot attend school because of "
        "health needs "
        "(DfE statutory guidance, 2023): provision as soon as it is clear the child will be away for 15 "
        "school days "
        "or more, consecutive or cumulative",
        GUIDANCE,
    ),
    # Care leavers.
    Timescale(
        "PERSONAL_ADVISER_FROM_16",
        "Personal adviser for an eligible child",
        16,
        AGE,
        "date of birth",
        "Children Act 1989 Sch 2 paras 19B and 19C",
        LAW,
    ),
    Timescale(
        "LEAVING_CARE_NEEDS_ASSESSMENT",
        "Needs assessment of an eligible child",
        3,
        MONTHS,
        "16th birthday, or becoming an eligible child after it",
        f"{CPPCR}, reg 42(1) (and reg 41(a)); Children Act 1989 Sch 2 para 19B(4)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "PATHWAY_PLAN",
        "Pathway plan prepared",
        3,
        MONTHS,
        "16th birthday, or becoming an eligible child after it",
        f"{CPPCR}, reg 41(b) and reg 43: the plan follows the needs assessment; no separate period is "
        "set, so "
        "Thrive expects it by the assessment's deadline, or the day the assessment is completed if that "
        "is later",
        LAW,
        checked=f"{LEGISLATION} (reg 41)",
    ),
    Timescale(
        "PATHWAY_PLAN_REVIEW",
        "Pathway plan review",
        6,
        MONTHS,
        "previous pathway plan review",
        (
            f"{CARE_LEAVERS_REGS}, reg 7 (relevant and former relevant children); {CPPCR}, Part 7 (eligible "
            "children)"
        ),
        LAW,
    ),
    Timescale(
        "PERSONAL_ADVISER_VISIT_AFTER_MOVE",
        "Personal adviser's visit to accommodation the council provides",
        7,
        DAYS,
        "accommodation first provided",
        f"{CARE_LEAVERS_REGS}, reg 8(2): within 7 days of accommodation under Children Act 1989 s23B or "
        "s24B first "
        "being provided",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "PERSONAL_ADVISER_VISIT",
        "Personal adviser's visit to accommodation the council provides",
        2,
        MONTHS,
        "previous visit",
        f"{CARE_LEAVERS_REGS}, reg 8(2): at intervals of not more than two months, and before "
        "each review of the pathway plan",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "CARE_LEAVER_SUPPORT_TO_25",
        "Personal adviser support for a former relevant child ends",
        25,
        AGE,
        "date of birth",
        "Children Act 1989 s23CZB, inserted by the Children and Social Work Act 2017 s3",
        LAW,
    ),
    Timescale(
        "STAYING_CLOSE_TO_25",
        "Staying Close duty towards a former relevant child ends",
        25,
        AGE,
        "date of birth",
        f"{STAYING_CLOSE}, subsection (1)(c): a former relevant child under 25",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "STAYING_CLOSE_ASSESSMENT",
        "Assessment of whether Staying Close support is needed",
        3,
        MONTHS,
        "becoming a former relevant child (usually the 18th birthday)",
        f"The council's standard: {STAYING_CLOSE}, subsection (2) requires the assessment but sets no period",
        LOCAL,
    ),
    Timescale(
        "CARE_LEAVER_BIRTHDAY_INFORMATION",
        "Care leaver's circumstances at their 17th to 21st birthday recorded",
        1,
        MONTHS,
        "the birthday",
        "DfE SSDA903 guide, care leavers (OC3): in touch, activity and accommodation "
        "around the birthday, from 3 months before it to 1 month after",
        DATA,
    ),
    # Private fostering.
    Timescale(
        "PRIVATE_FOSTERING_FIRST_VISIT",
        "First visit to a privately fostered child",
        7,
        WD,
        "the council being notified of the arrangement",
        f"{PRIVATE_FOSTERING_REGS}, reg 4(1) (notice of a proposed arrangement) and reg 7 (notice of "
        "one that has "
        "begun): an officer visits within 7 working days",
        LAW,
        checked=(
            "reg 4(1) as reproduced in the National Minimum Standards for Private Fostering; reg 7 not "
            "checked"
        ),
    ),
    Timescale(
        "PRIVATE_FOSTERING_VISIT",
        "Visit to a privately fostered child in the first year",
        6,
        WEEKS,
        "previous visit",
        f"{PRIVATE_FOSTERING_REGS}, reg 8(1)(a); the arrangement begins when the council becomes "
        "aware of it, reg 8(6)",
        LAW,
        checked=LEGISLATION,
    ),
    Timescale(
        "PRIVATE_FOSTERING_VISIT_LATER",
        "Visit to a privately fostered child in the second and later years",
        12,
        WEEKS,
        "previous visit",
        f"{PRIVATE_FOSTERING_REGS}, reg 8(1)(b)",
        LAW,
        checked=LEGISLATION,
    ),
    # Information sharing with partner agencies.
    Timescale(
        "SHARE_REVIEW",
        "Review of an information share with a partner agency",
        6,
        MONTHS,
        "start of the share or its previous review",
        "The council's standard: UK GDPR Article 5(1)(c) and (e) (no more, and for no longer, than the "
        "purpose "
        "needs); Information sharing: advice for practitioners providing safeguarding services (DfE, "
        "2024) sets "
        "no interval",
        LOCAL,
    ),
)
