"""Education and inclusion timescales, kept in their own block of the registry (see registry.py).

Declared as data like every other timescale and included in `registry.TIMESCALES` at one line, so a
change to the central registry and a change here do not touch the same lines. Each cites its source;
a local standard (no national figure) says so and can be overridden by the council.

The permanently excluded pupil's sixth school day (EXCLUDED_PUPIL_EDUCATION) and education for a
child kept from school by ill health (HEALTH_NEEDS_EDUCATION) are in the central registry, declared before
this block.
"""

EDUCATION_ACT = "Education Act 1996"
CWSA = "Children's Wellbeing and Schools Act 2026"
SEND_REGS = "Special Educational Needs and Disability Regulations 2014 (SI 2014/1530)"
SEND_CODE = "SEND code of practice: 0 to 25 years (DfE and DHSC, 2015)"
CME_GUIDANCE = "Children missing education: statutory guidance for local authorities (DfE, August 2024)"
EHE_GUIDANCE = "Elective home education: departmental guidance for local authorities (DfE, April 2019)"


def education_timescales() -> tuple:
    """The block, built when the registry asks for it (Timescale and Unit live in timescales.definitions)."""
    from .definitions import Basis, Timescale, Unit

    return (
        # Children not in school: consent to home educate, and the route back to school.
        Timescale(
            "HOME_EDUCATION_CONSENT",
            "Decision on consent to home educate",
            15,
            Unit.SCHOOL_DAYS,
            "parent's request to withdraw the child to home educate",
            f"The council's standard: {EDUCATION_ACT} s434A (inserted by {CWSA} s37) requires the "
            "council's consent where "
            "the child is subject to a section 47 enquiry or on a child protection plan, and leaves the "
            "procedure "
            "to regulations not yet made; the child stays on the school roll meanwhile",
            basis=Basis.LOCAL,
        ),
        Timescale(
            "SAO_NOTICE_TO_SATISFY",
            "Parent's time to satisfy the council that education is suitable",
            15,
            Unit.CALENDAR_DAYS,
            "notice served on the parent",
            f"{EDUCATION_ACT} s437(1) and (2): not less than 15 days beginning with the day the notice "
            "is served "
            f"({CWSA} s39 replaces this with a preliminary notice when commenced)",
            start_is_day_one=True,
            basis=Basis.LAW,
        ),
        Timescale(
            "SAO_SCHOOL_CHOICE",
            "Parent's time to choose a school before a school attendance order",
            15,
            Unit.CALENDAR_DAYS,
            "notice of intention to serve a school attendance order",
            f"{EDUCATION_ACT} s438(2) to (4): 15 days beginning with the day the notice is served",
            start_is_day_one=True,
            basis=Basis.LAW,
        ),
        # Elective home education and children missing education.
        Timescale(
            "EHE_FIRST_ENQUIRY",
            "First enquiry to a home-educating family",
            10,
            Unit.WORKING_DAYS,
            "home education notice or referral",
            f"The council's standard: {EHE_GUIDANCE}, sections 6 and 7 (informal enquiries of parents "
            "as soon as the "
            f"council knows of the child); {EDUCATION_ACT} s436A",
            basis=Basis.LOCAL,
        ),
        Timescale(
            "EHE_ANNUAL_ENQUIRY",
            "Yearly enquiry about a home-educated child's education",
            12,
            Unit.MONTHS,
            "previous enquiry or visit",
            f"The council's standard: {EHE_GUIDANCE}, para 6.6 (enquiries at least annually)",
            basis=Basis.LOCAL,
        ),
        Timescale(
            "CME_FIRST_VISIT",
            "First home visit to a child missing education",
            5,
            Unit.WORKING_DAYS,
            "referral of a child missing education",
            f"The council's standard: {CME_GUIDANCE} (establish the child's whereabouts as soon as possible; "
            f"{EDUCATION_ACT} s436A); Leicestershire's education officers visit first (inclusion "
            "report, 2025)",
            basis=Basis.LOCAL,
        ),
        Timescale(
            "CME_ENQUIRIES",
            "Reasonable enquiries for a child missing education completed",
            20,
            Unit.SCHOOL_DAYS,
            "referral of a child missing education",
            f"The council's standard: {CME_GUIDANCE}, making reasonable enquiries (other councils, "
            "HMRC, health, Border "
            "Force); 20 school days follows the School Attendance (Pupil Registration) (England) "
            "Regulations 2024, "
            "under which a pupil absent for 20 consecutive school days may leave the roll only after joint "
            "reasonable enquiries",
            basis=Basis.LOCAL,
        ),
        # Pupils missing out on education.
        Timescale(
            "PME_TRIAGE",
            "First triage of a pupil missing education referral",
            5,
            Unit.WORKING_DAYS,
            "school's referral",
            "The council's standard: Working together to improve school attendance (DfE, August 2024), "
            "the council's "
            "support for schools with pupils who are not attending",
            basis=Basis.LOCAL,
        ),
        Timescale(
            "PME_ALLOCATION",
            "Education officer allocated from the waiting list",
            40,
            Unit.SCHOOL_DAYS,
            "joining the waiting list",
            f"The council's standard for the waiting list; {EDUCATION_ACT} s19 once the pupil misses 15 "
            "school days "
            "(HEALTH_NEEDS_EDUCATION)",
            basis=Basis.LOCAL,
        ),
        # Education, health and care needs assessments and plans.
        Timescale(
            "EHC_DECISION_TO_ASSESS",
            "Decision whether to carry out an EHC needs assessment",
            6,
            Unit.WEEKS,
            "request for an EHC needs assessment",
            f"{SEND_REGS}, reg 4(1) and 5(1); Children and Families Act 2014 s36(4); {SEND_CODE}, 9.14",
            basis=Basis.LAW,
        ),
        Timescale(
            "EHC_DECISION_NOT_TO_ISSUE",
            "Notice of a decision not to issue an EHC plan",
            16,
            Unit.WEEKS,
            "request for an EHC needs assessment",
            f"{SEND_REGS}, reg 10(1); {SEND_CODE}, 9.38",
            basis=Basis.LAW,
        ),
        Timescale(
            "EHC_FINAL_PLAN",
            "Final EHC plan issued",
            20,
            Unit.WEEKS,
            "request for an EHC needs assessment",
            f"{SEND_REGS}, reg 13(2) (exceptions in reg 13(3), e.g. a school closed for 4 weeks or more); "
            f"{SEND_CODE}, 9.40; DfE SEN2 return: new plans issued within 20 weeks",
            basis=Basis.LAW,
        ),
        Timescale(
            "EHC_ANNUAL_REVIEW",
            "EHC plan annual review",
            12,
            Unit.MONTHS,
            "plan issued or previous review",
            f"Children and Families Act 2014 s44(1); {SEND_REGS}, reg 18; {SEND_CODE}, 9.166",
            basis=Basis.LAW,
        ),
        Timescale(
            "EHC_REVIEW_DECISION",
            "Decision after an EHC plan review meeting",
            4,
            Unit.WEEKS,
            "review meeting",
            (
                f"{SEND_REGS}, reg 22 (notify the decision within 4 weeks of the review meeting); "
                f"{SEND_CODE}, 9.176"
            ),
            basis=Basis.LAW,
        ),
    )
