"""The sizes of synthetic council the generator can build, and the rates that shape them.

Every number the generator uses lives here, so a scale is a handful of sizes and the rates are
shared: a `la` council differs from `demo` in how many households it has, not in how families
are made up. Reference figures are Leicestershire's (see DOMAIN.md, "Reference scale").
"""

import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class JourneyRates:
    """How families move through the Families First journey (contact to proceedings).

    Calibrated so `demo` looks like Leicestershire's Q4 2024/25 dashboard (DOMAIN.md): about 1,600
    referrals a quarter, 26% of them re-referrals, 84% of assessments within 45 working days, a
    quarter of CP plans second or subsequent, 88% of CP reviews on time, about 500 children on plans;
    and, where Leicestershire gives no figure, like England's (Characteristics of children in need
    2025, `manage.py england_calibration`): contacts, section 47 enquiries and conferences, how long
    plans last, children in need at 31 March. Days are calendar days unless named working days;
    (low, high) pairs are ranges drawn evenly.
    """

    # Families at the front door. Each family first comes on a day spread over the lead-in and
    # `history_years`; after an episode closes it may come back, soon (months) or later (years).
    # The lead-in years are planned but not kept, so the recorded years start with families coming
    # back as they would in a council that has run for years.
    lead_in_years: int = 3
    first_contact_mean_years: float = 2.6  # a family's wait for its first contact, once it has children
    return_share: float = 0.845
    after_plan_return_share: float = 0.85  # families whose child has had a CP plan
    soon_return_share: float = 0.6
    soon_return_mean_days: int = 70
    later_return_days: tuple = (200, 900)
    whole_family_share: float = 0.85  # the contact is about every child at home, else about one
    prebirth_days: int = 150  # an unborn child can be referred this long before the expected birth
    # What the front door decides: for a family's first contact, a returning family, and a family
    # whose child has been on a child protection plan.
    contact_outcomes: dict = field(
        default_factory=lambda: {
            "first": {"nfa": 0.17, "advice": 0.21, "family_help": 0.21, "referral": 0.25, "strategy": 0.16},
            "return": {"nfa": 0.12, "advice": 0.15, "family_help": 0.15, "referral": 0.35, "strategy": 0.23},
            "after_plan": {
                "nfa": 0.06,
                "advice": 0.08,
                "family_help": 0.08,
                "referral": 0.38,
                "strategy": 0.40,
            },
        }
    )
    # Contacts that go no further: police notifications, information shared, advice asked for, in the
    # months before a family's contact that does. England's front door turns about a quarter of its
    # contacts into referrals; {how many before each kept contact: weight}.
    quiet_contacts: dict = field(
        default_factory=lambda: {
            0: 0.06,
            1: 0.1,
            2: 0.15,
            3: 0.19,
            4: 0.18,
            5: 0.13,
            6: 0.1,
            7: 0.06,
            8: 0.03,
        }
    )
    quiet_contact_days: tuple = (3, 240)  # before the contact that goes further
    quiet_contact_outcomes: dict = field(default_factory=lambda: {"nfa": 0.5, "advice": 0.5})
    contact_sources: dict = field(
        default_factory=lambda: {  # CIN census referral sources, England shares
            "6": 0.29,
            "2A": 0.19,
            "2B": 0.015,
            "3A": 0.03,
            "3B": 0.02,
            "3C": 0.01,
            "3D": 0.03,
            "3E": 0.02,
            "3F": 0.03,
            "4": 0.016,
            "5A": 0.03,
            "5B": 0.04,
            "5C": 0.03,
            "7": 0.035,
            "1A": 0.04,
            "1B": 0.01,
            "1C": 0.01,
            "1D": 0.01,
            "8": 0.05,
            "9": 0.02,
            "10": 0.01,
        }
    )
    out_of_hours_share: float = 0.15  # contacts received outside 9 to 5 (mostly the police)
    recording_minutes: tuple = (5, 180)  # from receipt to recording, when recorded the same day
    late_recording_share: float = 0.12  # recorded a day or more after the contact was received
    late_recording_days: tuple = (1, 6)
    decision_on_time_share: float = 0.91  # decided within 1 working day of receipt
    decision_late_working_days: tuple = (1, 6)
    decision_minutes: tuple = (10, 90)  # at least this long after recording
    decided_by_manager_share: float = 0.7  # else by a senior practitioner in the front door team
    # Referrals (CIN episodes) and assessments.
    referral_nfa_share: float = 0.04  # closed at referral without an assessment
    referral_nfa_working_days: tuple = (0, 2)
    assessment_start_working_days: tuple = (0, 3)
    assessment_on_time_share: float = 0.84
    assessment_working_days: tuple = (10, 45)  # referral to authorisation, when on time
    assessment_late_working_days: tuple = (46, 85)
    assessment_outcomes: dict = field(
        default_factory=lambda: {
            "nfa": 0.33,
            "family_help": 0.25,
            "cin_plan": 0.27,
            "strategy": 0.15,
        }
    )
    # "No factors identified" (code 21), alone, by outcome, where the assessment closed the episode.
    no_factors_share: dict = field(default_factory=lambda: {"nfa": 0.24, "family_help": 0.08})
    factors_per_assessment: dict = field(default_factory=lambda: {1: 0.30, 2: 0.35, 3: 0.22, 4: 0.13})
    assessment_factors: dict = field(
        default_factory=lambda: {  # CIN census factors at assessment
            "3A": 0.16,
            "3B": 0.12,
            "4B": 0.13,
            "4A": 0.06,
            "2B": 0.05,
            "1B": 0.04,
            "16A": 0.07,
            "17A": 0.07,
            "18B": 0.02,
            "19B": 0.01,
            "14A": 0.03,
            "15A": 0.03,
            "24A": 0.03,
            "11A": 0.02,
            "10A": 0.02,
            "5A": 0.03,
            "6A": 0.02,
            "5B": 0.02,
            "7A": 0.01,
            "13A": 0.01,
            "22A": 0.002,
            "23A": 0.002,
            "20": 0.036,
        }
    )
    primary_needs: dict = field(
        default_factory=lambda: {
            "N1": 0.52,
            "N2": 0.05,
            "N3": 0.04,
            "N4": 0.12,
            "N5": 0.15,
            "N6": 0.04,
            "N7": 0.01,
            "N8": 0.03,
            "N9": 0.04,
        }
    )
    # Child in need plans, reviewed at the local interval (CIN_PLAN_REVIEW).
    cin_plan_start_days: tuple = (0, 10)
    cin_review_on_time_share: float = 0.86
    cin_review_early_days: tuple = (0, 10)  # held this many days before the due date, when on time
    cin_review_late_days: tuple = (1, 30)
    cin_plan_ends_at_review_share: float = 0.19
    cin_plan_ends_at_review_by_need: dict = field(default_factory=lambda: {"N2": 0.08})  # disabled children
    cin_step_down_share: float = 0.30  # a CIN plan ends with a step-down to Family Help
    cin_visit_days: tuple = (20, 45)
    # Family Help.
    family_help_days: tuple = (60, 300)
    family_help_step_up_share: float = 0.12
    family_plan_agreed_days: tuple = (5, 20)
    family_plan_review_months: int = 3
    # Strategy discussions, section 47 enquiries and conferences.
    strategy_working_days: tuple = (0, 1)  # after a referral with an immediate safeguarding concern
    strategy_to_section47_share: float = 0.88
    section47_to_icpc_share: float = 0.24
    repeat_section47_to_icpc_share: float = 0.63  # a child in the family has had a plan before
    section47_working_days: tuple = (5, 15)  # enquiries that end without a conference, within 15 working days
    section47_done_before_icpc_working_days: tuple = (1, 3)
    icpc_on_time_share: float = 0.86
    icpc_working_days: tuple = (6, 15)
    icpc_late_working_days: tuple = (16, 30)
    icpc_to_plan_share: float = 0.82
    strategy_agencies: dict = field(
        default_factory=lambda: {"health": 0.95, "education": 0.75, "probation": 0.12}
    )
    conference_agencies: dict = field(
        default_factory=lambda: {"police": 0.85, "health": 0.95, "education": 0.8, "probation": 0.15}
    )
    # Child protection plans: a plan ends at a review conference, or now and then between reviews. Few
    # end at the first review (3 months); after it, a review is now and then brought forward because
    # the plan's aims are met, so England's plans mostly last 6 months to a year.
    cp_categories: dict = field(
        default_factory=lambda: {"NEG": 0.49, "EMO": 0.37, "PHY": 0.06, "SAB": 0.04, "MUL": 0.04}
    )
    cp_category_change_share: float = 0.08
    cp_ends_at_first_review_share: float = 0.11
    cp_ends_at_later_review_share: float = 0.47
    cp_review_brought_forward_share: float = 0.3  # of each interval after the first review
    cp_review_brought_forward_days: tuple = (30, 14)  # at least this long after the last review, before due
    cp_ends_between_reviews_share: float = 0.06
    cp_review_on_time_share: float = 0.95
    cp_review_early_days: tuple = (0, 14)  # held this many days before the due date, when on time
    cp_review_late_days: tuple = (1, 45)
    cp_after_plan: dict = field(
        default_factory=lambda: {"cin_plan": 0.55, "family_help": 0.15, "close": 0.30}
    )
    cp_visit_history_days: int = 120  # visits are generated for the last months of each plan
    cp_visit_working_days: tuple = (4, 10)
    cp_visit_late_share: float = 0.10
    cp_visit_late_working_days: tuple = (11, 22)
    child_seen_share: float = 0.95
    seen_alone_share: float = 0.45  # of children seen who are old enough
    seen_alone_from_age: int = 5
    # Pre-proceedings, FGDM and care proceedings (per family with a CP plan).
    pre_proceedings_share: float = 0.11
    urgent_proceedings_share: float = 0.02  # issued without pre-proceedings
    fgdm_exception_share: float = 0.5  # of urgent proceedings: an offer is not in the child's interests
    fgdm_exception_days_before: tuple = (
        0,
        2,
    )  # decided before the day of issue, explained to the court on it
    fgdm_exception_explained_to_family_days: tuple = (0, 1)  # after the decision, by the day of issue
    urgent_offer_days_before: tuple = (0, 3)
    pre_proceedings_after_days: tuple = (30, 270)  # from the start of the plan
    fgdm_offer_days_before: tuple = (0, 21)
    fgdm_accepted_share: float = 0.72
    fgdm_response_days: tuple = (1, 14)
    fgdm_meeting_share: float = 0.85  # of accepted offers
    fgdm_meeting_days: tuple = (7, 35)
    fgdm_plan_agreed_share: float = 0.7
    fgdm_child_takes_part_from_age: int = 10
    plo_letter_days: tuple = (0, 7)
    plo_meeting_days: tuple = (5, 15)  # after the letter before proceedings
    plo_review_days: tuple = (28, 56)
    plo_weeks: tuple = (6, 28)  # initial meeting to the decision to end pre-proceedings
    plo_outcomes: dict = field(default_factory=lambda: {"A": 0.30, "B": 0.42, "C": 0.23, "D": 0.05})
    court_application_days: tuple = (0, 14)
    letter_initiating_days_before: tuple = (0, 3)  # before the application, after the decision
    proceedings_weeks: tuple = (14, 70)
    court_orders: dict = field(
        default_factory=lambda: {
            "care_order": 0.33,
            "placement_order": 0.12,
            "sgo": 0.22,
            "supervision_order": 0.14,
            "cao": 0.11,
            "no_order": 0.04,
            "withdrawn": 0.04,
        }
    )
    # Managers' recorded oversight.
    oversight_at_allocation_share: float = 0.85
    oversight_allocation_working_days: tuple = (0, 2)
    oversight_at_authorisation_share: float = 0.95


@dataclass(frozen=True)
class CareRates:
    """Children in care and care leavers (care.synthetic, leavers.synthetic).

    Calibrated so `demo` looks like Leicestershire in 2024/25 (DOMAIN.md): 717 children in care, 498
    care leavers, residential care at about £5.8k a week with a few homes over £10k, 84% of children
    in care for a year with a health assessment and 75% with a dental check in the year, about 94% of
    care leavers in suitable accommodation and 60% in education, employment or training. Shares of a
    whole are weights; (low, high) pairs are ranges drawn evenly; days are calendar days.
    """

    # How long children in care at the as-at date have been looked after: {whole years: weight}, the
    # last band running to 12 years.
    years_in_care: dict = field(
        default_factory=lambda: {0: 0.30, 1: 0.18, 2: 0.12, 3: 0.10, 4: 0.08, 5: 0.22}
    )
    # ...for those 16 and over: adolescents come into care late (England 2025: 28% of starters are 16 or 17).
    years_in_care_16_plus: dict = field(
        default_factory=lambda: {0: 0.72, 1: 0.15, 2: 0.04, 3: 0.03, 4: 0.02, 5: 0.04}
    )
    # Children in care at the as-at date (besides the unaccompanied and those whose proceedings brought them
    # in), by age then: {(from, to) years: weight}. England at 31 March 2025 has 27% aged 16 or over with the
    # unaccompanied, most of whom are 16 or 17; so about 20% of the rest.
    in_care_ages: dict = field(
        default_factory=lambda: {(0, 1): 0.07, (1, 5): 0.14, (5, 10): 0.18, (10, 16): 0.35, (16, 18): 0.26}
    )
    # Re-entries: about 30% of children who return home are back in care within 5 years (issue 13). A return
    # home that ended an earlier period comes back after {(from, to) months: weight}; children in care today
    # had such an earlier period this often (the re-entries still looked after), and a period that ended in
    # a return home in the recorded years was followed by another that has also ended this often.
    re_entry_months: dict = field(
        default_factory=lambda: {(1, 6): 0.35, (6, 12): 0.25, (12, 24): 0.22, (24, 60): 0.18}
    )
    returned_before_share: float = 0.05
    re_entry_after_home_share: float = 0.30
    # Care leavers' age on becoming looked after: {(from, to) years: weight}; their care ends at 18.
    leaver_entry_ages: dict = field(
        default_factory=lambda: {(0, 5): 0.08, (5, 10): 0.14, (10, 14): 0.30, (14, 17.5): 0.48}
    )
    moved_on_before_18_share: float = (
        0.08  # left care at 17 for independent living (relevant, then former relevant)
    )
    # Why care leavers' care ended (903 REC codes): at 18 (Staying Put apart), or on moving on at 17.
    ceased_at_18: dict = field(
        default_factory=lambda: {"E5": 0.45, "E6": 0.12, "E4A": 0.08, "E13": 0.10, "E7": 0.03, "E8": 0.22}
    )
    ceased_before_18: dict = field(default_factory=lambda: {"E5": 0.7, "E6": 0.3})
    # Periods that ended before the as-at date for reasons other than reaching 18: a year's leavers as a
    # share of the children in care, their reasons and how long they had been in care (months).
    ended_per_year_share: float = 0.20
    ended_reasons: dict = field(
        default_factory=lambda: {
            "home": 0.34,
            "sgo": 0.25,
            "adopted": 0.26,
            "cao": 0.04,
            "relatives": 0.07,
            "other_la": 0.04,
        }
    )
    ended_months: dict = field(
        default_factory=lambda: {
            "home": (1, 24),
            "sgo": (6, 30),
            "adopted": (14, 40),
            "cao": (6, 24),
            "relatives": (2, 30),
            "other_la": (2, 36),
        }
    )
    interim_care_share: float = 0.6  # children in proceedings ending in an SGO or CAO, looked after meanwhile
    # The legal route into care (UASC are always accommodated under s20), and how long until a final order.
    # England at 31 March 2025: about 19% under s20, the unaccompanied (all s20) included.
    legal_paths: dict = field(
        default_factory=lambda: {
            "s20": 0.08,
            "s20_then_order": 0.12,
            "interim": 0.63,
            "emergency": 0.10,
            "adoption": 0.07,
        }
    )
    adoption_before_age: int = 5  # children older than this at entry are not planned for adoption
    order_weeks: tuple = (16, 52)  # interim care order to full care or placement order
    s20_weeks: tuple = (4, 30)  # accommodated under s20 before proceedings
    emergency_days: tuple = (1, 8)  # an emergency protection order (8 days, or 15 extended)
    police_protection_days: tuple = (1, 3)  # police protection lasts at most 72 hours (903 rule 361)
    # Adoption: best interest decision, match, moving in, order (days after the step before).
    adoption_decision_days: tuple = (60, 200)  # after entering care
    # England 2025: about 28 months on average from entering care to adoption, some much longer.
    adoption_match_days: tuple = (60, 540)  # after the placement order
    adoption_move_days: tuple = (10, 45)
    adoption_order_days: tuple = (150, 400)
    foster_carer_adoption_share: float = 0.15
    adopters: dict = field(
        default_factory=lambda: {
            ("MF", "L11"): 0.62,
            ("MF", "L3"): 0.08,
            ("F1", "L0"): 0.12,
            ("FF", "L12"): 0.08,
            ("MM", "L12"): 0.05,
            ("MM", "L2"): 0.05,
        }
    )
    # Placements: kinds by age at the move, and for unaccompanied children. England at 31 March 2025: 67% in
    # foster care, 11.4% in children's homes, 9.8% in supported accommodation.
    placements: dict = field(
        default_factory=lambda: {
            "under_5": {"in_house": 0.42, "kinship": 0.28, "ifa": 0.20, "parents": 0.10},
            "5_to_11": {"in_house": 0.36, "kinship": 0.21, "ifa": 0.26, "residential": 0.09, "parents": 0.08},
            "12_to_15": {
                "in_house": 0.21,
                "kinship": 0.10,
                "ifa": 0.24,
                "residential": 0.40,
                "parents": 0.05,
            },
            "16_plus": {
                "in_house": 0.07,
                "kinship": 0.02,
                "ifa": 0.07,
                "residential": 0.18,
                "supported": 0.64,
                "parents": 0.02,
            },
            "uasc_under_16": {"in_house": 0.40, "ifa": 0.60},
            "uasc_16_plus": {"supported": 0.78, "ifa": 0.16, "in_house": 0.06},
        }
    )
    long_term_fostering_after_days: int = (
        365  # a foster placement starting after a year in care is long-term...
    )
    long_term_fostering_share: float = 0.6  # ...this often
    # England at 31 March 2025: 44% placed outside the council's boundary (own homes are inside it).
    out_of_area_share: dict = field(
        default_factory=lambda: {
            "in_house": 0.25,
            "kinship": 0.50,
            "ifa": 0.70,
            "residential": 0.90,
            "adoption": 0.50,
            # Registered supported accommodation (K3) in the council only: the 903's rule 241 wants a K3
            # provider's premises in the placing council (its check reads that as the placement being in it).
            "supported": 0.0,
        }
    )
    weekly_costs: dict = field(
        default_factory=lambda: {  # £ a week, drawn evenly
            "in_house": (250, 450),
            "kinship": (200, 350),
            "ifa": (900, 1100),
            "supported": (1500, 3200),
            "residential": (3800, 7000),
        }
    )
    residential_high_cost_share: float = 0.07  # homes for the most complex needs
    residential_high_cost: tuple = (10_000, 14_500)
    homes_per_100_in_care: float = 8.0  # children's homes and supported accommodation used, per 100 in care
    foster_agencies: int = 12
    # Moves: children settle (few moves a year) or not; a first placement is often an emergency one.
    unsettled_share: float = 0.11
    moves_per_year: tuple = (0.22, 2.4)  # (settled, unsettled)
    early_move_share: float = 0.30
    early_move_days: tuple = (3, 60)
    place_change_reasons: dict = field(
        default_factory=lambda: {
            "CARPL": 0.45,
            "CREQB": 0.15,
            "CREQO": 0.10,
            "CHILD": 0.08,
            "LAREQ": 0.07,
            "STAND": 0.03,
            "ALLEG": 0.02,
            "CLOSE": 0.03,
            "APPRR": 0.01,
            "OTHER": 0.06,
        }
    )
    # Reviews, visits, health and education.
    review_on_time_share: float = 0.90
    review_early_days: tuple = (0, 14)
    review_late_days: tuple = (1, 40)
    participation: dict = field(
        default_factory=lambda: {
            "PN1": 0.45,
            "PN2": 0.10,
            "PN3": 0.03,
            "PN4": 0.05,
            "PN5": 0.10,
            "PN6": 0.20,
            "PN7": 0.07,
        }
    )
    visit_on_time_share: float = 0.90
    visit_early_days: tuple = (0, 10)
    visit_late_days: tuple = (1, 21)
    seen_alone_share: float = 0.6  # of children 5 and over
    health_on_time_share: float = 0.60
    health_early_days: tuple = (0, 40)
    health_late_days: tuple = (30, 300)
    health_under_5_late_days: tuple = (
        20,
        150,
    )  # their assessments are due every 6 months and rarely slip far
    immunisations_share: float = 0.88
    development_checks_share: float = 0.85
    dental_on_time_share: float = 0.35
    dental_early_days: tuple = (0, 60)
    dental_late_days: tuple = (30, 330)
    first_dental_days: tuple = (20, 150)
    sdq_ages: tuple = (4, 16)
    sdq_score_share: float = 0.85
    sdq_no_score: dict = field(default_factory=lambda: {"SDQ2": 0.3, "SDQ4": 0.3, "SDQ5": 0.3, "SDQ3": 0.1})
    sdq_score: tuple = (14.0, 6.5)  # mean, standard deviation
    pep_ages: tuple = (3, 17)
    pep_on_time_share: float = 0.85
    pep_late_days: tuple = (1, 45)
    pep_ratings: dict = field(default_factory=lambda: {"green": 0.70, "amber": 0.25, "red": 0.05})
    substance_misuse_share: float = 0.04  # of children 10 and over, once in a period
    youth_justice_share: float = 0.03
    missing_from_age: int = 11
    missing_child_share: float = 0.12  # children 11 and over who go missing at some time in a year
    missing_per_year: tuple = (1, 10)
    missing_away_share: float = 0.3  # away without authorisation rather than missing
    missing_days: tuple = (0, 3)
    return_interview_offered_share: float = 0.92
    return_interview_accepted_share: float = 0.45
    permanence_plan_days: tuple = (60, 120)  # decided by the second review
    categories_of_need: dict = field(
        default_factory=lambda: {
            "N1": 0.64,
            "N2": 0.03,
            "N3": 0.03,
            "N4": 0.08,
            "N5": 0.14,
            "N6": 0.02,
            "N7": 0.01,
            "N8": 0.05,
        }
    )
    previous_permanence_share: float = 0.05
    # Unaccompanied children.
    arrival_routes: dict = field(
        default_factory=lambda: {"spontaneous": 0.45, "nts": 0.47, "adult_accommodation": 0.08}
    )
    age_assessment_share: float = 0.35
    age_assessment_referral_days: tuple = (0, 14)
    age_assessment_on_time_share: float = 0.6
    age_assessment_days: tuple = (7, 28)
    age_assessment_late_days: tuple = (29, 90)
    age_assessment_different_share: float = 0.45
    # Care leavers.
    eligible_adviser_share: float = 0.8  # 16 and 17-year-olds in care with a personal adviser already
    pathway_plan_days: tuple = (14, 90)  # after becoming eligible
    pathway_review_on_time_share: float = 0.88
    pathway_review_early_days: tuple = (0, 30)
    pathway_review_late_days: tuple = (1, 60)
    keeping_in_touch_days: tuple = (25, 75)
    # England 2025: 91% of care leavers in touch; Leicestershire's 94% in suitable accommodation (the
    # dashboard)
    # needs at least that many in touch, so the council is kept between the two (docs/calibration.md).
    in_touch: dict = field(default_factory=lambda: {"YES": 0.965, "NO": 0.025, "REFU": 0.01})
    staying_put_share: float = 0.35  # of those in foster care at 18
    # Why a child's social worker changed (903 SWEpisodes reason codes).
    social_worker_change_reasons: dict = field(
        default_factory=lambda: {
            "MANAGE": 0.22,
            "LEFTRL": 0.42,
            "ORGRST": 0.05,
            "TSPROC": 0.23,
            "ABSENC": 0.04,
            "CHCHAN": 0.02,
            "OTHERS": 0.02,
        }
    )  # never FCONTA, first contact: a change of worker takes over from someone
    worker_after_care_days: tuple = (7, 56)  # the social worker stays allocated after care ends, to hand over
    staying_put_months: tuple = (6, 36)
    accommodation_moves_per_year: float = 0.6
    accommodation_at_18: dict = field(
        default_factory=lambda: {
            "D": 0.35,
            "E": 0.12,
            "U": 0.18,
            "B": 0.12,
            "T": 0.08,
            "C": 0.03,
            "K": 0.04,
            "Y": 0.03,
            "V": 0.01,
            "W": 0.005,
            "S": 0.005,
            "X": 0.005,
        }
    )
    accommodation_later: dict = field(
        default_factory=lambda: {
            "U": 0.42,
            "D": 0.16,
            "B": 0.14,
            "E": 0.06,
            "T": 0.05,
            "K": 0.06,
            "Y": 0.03,
            "V": 0.01,
            "W": 0.005,
            "S": 0.01,
            "X": 0.01,
        }
    )
    unsuitable_share: float = 0.005  # of accommodation that could be suitable
    activity_changes_per_year: float = 0.7
    activities: dict = field(
        default_factory=lambda: {
            "F1": 0.07,
            "P1": 0.01,
            "F2": 0.25,
            "P2": 0.03,
            "F4": 0.06,
            "P4": 0.01,
            "F5": 0.20,
            "P5": 0.05,
            "G4": 0.10,
            "G5": 0.24,
            "G6": 0.06,
        }
    )  # 68 in education, employment or training to 40 not; with the
    # 3.5% not in touch (no information), about 60% of care leavers, as Leicestershire's dashboard
    staying_close_considered_share: float = 0.85
    staying_close_days: tuple = (-90, 120)  # around the 18th birthday
    staying_close: dict = field(
        default_factory=lambda: {"provided": 0.35, "not_required": 0.5, "declined": 0.15}
    )
    # Around the birthday, mostly before it: the DfE counts a birthday with no record by then as "no
    # information".
    snapshot_recorded_days: tuple = (-45, 20)
    snapshot_missed_share: float = 0.01


@dataclass(frozen=True)
class PartnerRates:
    """Records partner agencies hold about the council's children (sharing.partners.synthetic).

    Each record copies the child's identity as the agency holds it, with the errors real systems
    carry, and keeps the truth beside it so linkage quality can be measured. NHS numbers are mostly
    held by health, rarely by schools (who use the UPN) and the police.
    """

    # Records a child has, by kind: {kind: share of children}; school roll only for 5 to 17-year-olds.
    kinds: dict = field(
        default_factory=lambda: {"school_roll": 0.25, "gp_registration": 0.25, "police_incident": 0.03}
    )
    # Children on a CP or CIN plan always have a school (if of school age) and a GP on record, so
    # notifications about their plans reach someone.
    open_case_kinds: tuple = ("school_roll", "gp_registration")
    nhs_number_held: dict = field(
        default_factory=lambda: {"school_roll": 0.20, "gp_registration": 0.92, "police_incident": 0.10}
    )
    nhs_mistyped_share: float = 0.12  # of NHS numbers held
    # The one identity error each record carries (besides missing or mistyped NHS numbers).
    errors: dict = field(
        default_factory=lambda: {
            "none": 0.38,
            "misspelling": 0.20,
            "nickname": 0.12,
            "swapped_day_month": 0.08,
            "old_address": 0.17,
            "two_errors": 0.05,
        }
    )
    unknown_child_share: float = 0.12  # extra records about children the council does not know...
    unknown_sibling_share: float = 0.5  # ...half of them a brother or sister of a child it does know
    held_out_share: float = 0.5  # records kept back for measuring quality, never used to choose thresholds
    received_days: tuple = (0, 365)  # before the as-at date


@dataclass(frozen=True)
class Rates:
    """Proportions and rates every scale shares (Leicestershire-like unless noted)."""

    # How far back the data go: households first reached services over this many years.
    history_years: int = 5
    population_years: int = 6  # mid-year child population estimates held, latest = as-at year
    male_share: float = 0.512
    population_growth_per_year: float = 0.004
    # Birth cohorts have been shrinking: each year of age is this much larger than the one below.
    population_age_slope: float = 0.008
    population_noise: float = 0.015

    # Households that reach services.
    household_kinds: dict = field(
        default_factory=lambda: {
            "lone_mother": 0.46,
            "two_parents": 0.30,
            "mother_and_step_parent": 0.12,
            "lone_father": 0.06,
            "kinship": 0.06,
        }
    )
    children_per_household: dict = field(
        default_factory=lambda: {1: 0.45, 2: 0.31, 3: 0.15, 4: 0.06, 5: 0.03}
    )
    # Age of the eldest child at the as-at date: 18-21 year olds reached services as children.
    eldest_age_weights: tuple = (
        0.9,
        0.9,
        0.9,
        0.9,
        0.9,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.1,
        1.1,
        1.2,
        1.2,
        1.3,
        1.3,
        1.2,
        1.1,
        0.7,
        0.6,
        0.5,
        0.4,
    )
    sibling_gap_years: dict = field(default_factory=lambda: {1: 0.20, 2: 0.35, 3: 0.25, 4: 0.12, 5: 0.08})
    mother_age_at_first_birth: tuple = (16, 38)  # range; the middle is likelier
    father_age_difference: tuple = (-3, 9)
    grandparent_generation_gap: tuple = (18, 36)
    unborn_share: float = 0.006  # households expecting a baby (pre-birth work)
    fewest_rare_cases: int = 3  # unborn children and duplicate records, even at the smallest scale
    absent_father_recorded_share: float = 0.60
    absent_father_parental_responsibility_share: float = 0.70
    step_family_half_sibling_share: float = 0.40
    grandparents_share: float = 0.35
    second_grandparent_share: float = 0.50
    aunt_uncle_share: float = 0.15
    connected_person_share: float = 0.10
    previous_addresses: dict = field(default_factory=lambda: {0: 0.50, 1: 0.30, 2: 0.14, 3: 0.06})
    moved_within_town_share: float = 0.60
    father_shares_surname_share: float = 0.60  # a resident father with the family's surname
    step_child_surname_share: float = 0.50  # a step-parent's own child takes the step-parent's surname
    kinship_parental_responsibility_share: float = 0.50  # kinship carers with an order giving PR
    unaccompanied_ethnicity_weights: dict = field(
        default_factory=lambda: {
            "BAFR": 0.35,
            "AOTH": 0.35,
            "OOTH": 0.20,
            "WOTH": 0.05,
            "BOTH": 0.05,
        }
    )
    unaccompanied_arrival_ages: tuple = (14, 17)
    unaccompanied_male_share: float = 0.90
    designated_birth_date_share: float = 0.30  # age undetermined: born 1 January
    current_address_max_years: int = 8

    # People's details.
    child_death_share: float = 0.001
    grandparent_death_share: float = 0.04
    duplicate_record_share: float = 0.0035  # households with a second record of a child, without NHS number
    child_nhs_number_share: float = 0.93
    adult_nhs_number_share: float = 0.55
    upn_share: float = 0.96  # of children who have started school
    upn_issued_elsewhere_share: float = 0.12  # first school was in another council's area
    middle_name_share: float = 0.45
    preferred_name_share: float = 0.02
    sex_not_known_share: float = 0.001
    second_heritage_share: float = 0.10  # a second parent of another ethnicity
    disability_share: float = 0.08
    second_disability_share: float = 0.25
    no_disability_recorded_share: float = 0.40  # assessed, recorded as NONE
    ethnicity_weights: dict = field(
        default_factory=lambda: {
            "WBRI": 0.745,
            "WIRI": 0.004,
            "WIRT": 0.002,
            "WOTH": 0.050,
            "WROM": 0.004,
            "AIND": 0.060,
            "APKN": 0.010,
            "ABAN": 0.005,
            "AOTH": 0.012,
            "BCRB": 0.008,
            "BAFR": 0.014,
            "BOTH": 0.003,
            "CHNE": 0.003,
            "OOTH": 0.010,
            "MOTH": 0.010,
            "REFU": 0.005,
            "NOBT": 0.020,
        }
    )
    disability_weights: dict = field(
        default_factory=lambda: {
            "AUT": 0.30,
            "LD": 0.20,
            "COMM": 0.15,
            "BEH": 0.12,
            "MOB": 0.05,
            "HAND": 0.02,
            "PC": 0.03,
            "INC": 0.02,
            "HEAR": 0.03,
            "VIS": 0.02,
            "CON": 0.01,
            "DDA": 0.05,
        }
    )

    # Children open to services at the as-at date, per 10,000 children in the population.
    family_help_per_10k: float = 125.0
    child_in_need_per_10k: float = 60.0
    child_protection_per_10k: float = 33.3  # ~500 CP plans at demo
    children_in_care_per_10k: float = 47.8  # 717 at demo, unaccompanied children included
    care_leavers_per_10k: float = 33.2  # 498 at demo
    # Unaccompanied children who arrived in the last four years: about half (82 at demo) are still
    # children in care, the rest care leavers.
    unaccompanied_per_10k: float = 10.0
    care_leaver_ages: tuple = (18, 21)
    # How long the current allocation has run (mean days, capped), by service.
    allocation_days: dict = field(
        default_factory=lambda: {
            "family_help": (120, 540),
            "child_in_need": (90, 700),
            "child_protection": (200, 730),
            "children_in_care": (300, 1800),
            "care_leavers": (400, 1800),
        }
    )
    assessed_before_transfer_share: float = 0.70  # CP and care children held by assessment first
    multi_child_care_share: float = 0.30  # children coming into care with a sibling

    # Caseloads and team sizes: the staff and teams follow from the open cases.
    caseloads: dict = field(
        default_factory=lambda: {
            "family_help": 18,
            "child_in_need": 17,
            "child_protection": 16,
            "children_in_care": 16,
            "care_leavers": 21,
            "iro": 65,
        }
    )
    workers_per_team: dict = field(
        default_factory=lambda: {
            "family_help": 15,
            "child_in_need": 12,
            "child_protection": 8,
            "children_in_care": 11,
            "care_leavers": 12,
            "iro": 10,
            "front_door": 13,
            "support": 8,
        }
    )
    # Services without caseloads: staff per 10,000 children.
    support_staff_per_10k: dict = field(
        default_factory=lambda: {
            "front_door": 1.7,
            "placements": 0.55,
            "virtual_school": 0.55,
            "education": 0.9,
            "performance": 0.45,
            "admin": 0.25,
            "information_governance": 0.05,
        }
    )
    workforce_female_share: float = 0.80
    macpt_partners: dict = field(default_factory=lambda: {"police": 2, "health": 2, "education": 1})
    macpt_probation_share: float = 0.5
    front_door_partners: dict = field(default_factory=lambda: {"police": 2, "health": 1})
    children_per_locality: int = 37_500

    # Information shared with partner agencies (never the police: their officers see MACPT children).
    share_rate: float = 0.08  # of children on CP or CIN plans
    ended_share_rate: float = 0.20

    journeys: JourneyRates = field(default_factory=JourneyRates)
    partners: PartnerRates = field(default_factory=PartnerRates)
    care: CareRates = field(default_factory=CareRates)


@dataclass(frozen=True)
class Scale:
    """One size of council: how many children live there and how many families reach services."""

    name: str
    description: str
    council_name: str
    dfe_code: str  # invented, in the unused 99x range, so it never names a real council
    child_population: int
    households: int
    schools: int
    chunk_households: int = 5_000  # generated and written together, so memory stays flat
    rates: Rates = field(default_factory=Rates)

    def open_children(self, service: str) -> int:
        """Children open to a service at the as-at date, from its rate per 10,000."""
        per_10k: float = getattr(self.rates, f"{service}_per_10k")
        return round(self.child_population * per_10k / 10_000)

    def support_staff(self, service: str) -> int:
        per_10k: float = self.rates.support_staff_per_10k[service]
        return max(1, round(self.child_population * per_10k / 10_000))

    @property
    def localities(self) -> int:
        return max(1, math.ceil(self.child_population / self.rates.children_per_locality))


SCALES = {
    s.name: s
    for s in (
        Scale(
            "tiny", "for tests: a few hundred households", "Smallshire District Council", "999", 3_000, 360, 8
        ),
        Scale("demo", "Leicestershire-sized", "Shireshire County Council", "991", 150_000, 18_000, 300),
        Scale("la", "a typical mid-size council", "Midshire Borough Council", "992", 75_000, 9_000, 150),
        Scale("large", "three times demo", "Greater Shireshire Council", "993", 450_000, 54_000, 900),
        Scale(
            "national",
            "England-sized",
            "Synthetic England (national scale)",
            "990",
            12_000_000,
            1_440_000,
            24_000,
            chunk_households=20_000,
        ),
    )
}
