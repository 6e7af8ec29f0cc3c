"""Every statutory timescale in one place, declared as data.

Journey apps ask this registry for due dates rather than writing "45" or "3 months" themselves,
so a change in law or in a council's local standard is one edit here (or one setting).

Local standards (marked `local_standard`) can be changed by a council without editing code:

    THRIVE_TIMESCALE_OVERRIDES = {"CLA_VISIT": 4, "CP_VISIT": 5}

The amount keeps the timescale's unit. Where the local standard sits under a statutory maximum
(`statutory_limit`) a council may tighten it but never loosen it; `manage.py check` reports a bad
override.
"""
import datetime
import enum
from dataclasses import dataclass, replace

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

from .workdays import Calendar, default_calendar

WORKING_TOGETHER = "Working Together to Safeguard Children 2023, chapter 3"
CARE_PLANNING_REGS = "Care Planning, Placement and Case Review (England) Regulations 2010"
HEALTH_GUIDANCE = "Promoting the health and well-being of looked-after children (DfE and DHSC, 2015)"
CLA_STABILITY = "DfE Children looked after in England including adoptions: long-term placement stability"
EDUCATION_GUIDANCE = (
    "Promoting the education of looked-after children and previously looked-after children (DfE, 2018)"
)


class Unit(enum.StrEnum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    WEEKS = "weeks"
    MONTHS = "months"
    SCHOOL_DAYS = "school_days"
    YEARS_OF_AGE = "years_of_age"


_UNIT_WORDS = {
    Unit.WORKING_DAYS: ("working day", "working days"),
    Unit.CALENDAR_DAYS: ("calendar day", "calendar days"),
    Unit.WEEKS: ("week", "weeks"),
    Unit.MONTHS: ("month", "months"),
    Unit.SCHOOL_DAYS: ("school day", "school days"),
    Unit.YEARS_OF_AGE: ("year of age", "years of age"),
}


def birthday(date_of_birth: datetime.date, age: int) -> datetime.date:
    """The day a person reaches `age`.

    Someone born on 29 February reaches an age on 1 March in a common year, the usual reading of
    the Family Law Reform Act 1969 s9, so support that lasts "up to 25" is never ended a day early.
    """
    try:
        return date_of_birth.replace(year=date_of_birth.year + age)
    except ValueError:
        return datetime.date(date_of_birth.year + age, 3, 1)


@dataclass(frozen=True)
class Timescale:
    """One statutory (or local-standard) timescale.

    `due(start)` is the last day on which the thing is on time; the day after, it is overdue.
    `start_is_day_one` is for law worded "beginning with the day" or "the sixth day of":
    the start date counts as the first day rather than day 0.
    """

    code: str
    name: str
    amount: int
    unit: Unit
    starts_from: str
    source: str
    local_standard: bool = False
    statutory_limit: int | None = None
    start_is_day_one: bool = False

    def due(self, start: datetime.date, calendar: Calendar | None = None) -> datetime.date:
        """The due date for a timescale that started on `start` (a date of birth for ages).

        Working and school days use `calendar`, or the council's calendar from the database.
        """
        if self.unit in (Unit.WORKING_DAYS, Unit.SCHOOL_DAYS):
            calendar = calendar or default_calendar()
            add = calendar.add_working_days if self.unit == Unit.WORKING_DAYS else calendar.add_school_days
            if self.start_is_day_one:
                return add(start - datetime.timedelta(days=1), self.amount)
            return add(start, self.amount)
        if self.unit == Unit.YEARS_OF_AGE:
            return birthday(start, self.amount)
        if self.unit == Unit.MONTHS:
            end = start + relativedelta(months=self.amount)
        elif self.unit == Unit.WEEKS:
            end = start + datetime.timedelta(weeks=self.amount)
        else:
            end = start + datetime.timedelta(days=self.amount)
        return end - datetime.timedelta(days=1) if self.start_is_day_one else end

    def on_time(self, start: datetime.date, done: datetime.date, calendar: Calendar | None = None) -> bool:
        """Whether something done on `done` met the timescale that started on `start`."""
        return done <= self.due(start, calendar)

    def describe(self) -> str:
        """The amount in words, e.g. "45 working days" or "age 25"."""
        if self.unit == Unit.YEARS_OF_AGE:
            return f"age {self.amount}"
        singular, plural = _UNIT_WORDS[self.unit]
        return f"{self.amount} {singular if self.amount == 1 else plural}"


TIMESCALES: tuple[Timescale, ...] = (
    # The front door and assessment.
    Timescale(
        "CONTACT_DECISION", "Decision on a contact", 1, Unit.WORKING_DAYS,
        "contact received", WORKING_TOGETHER,
    ),
    Timescale(
        "ASSESSMENT", "Child and family assessment completed", 45, Unit.WORKING_DAYS,
        "referral", f"{WORKING_TOGETHER}; Children Act 1989 s17 and s47",
    ),
    Timescale(
        "RE_REFERRAL_WINDOW", "Re-referral window", 12, Unit.MONTHS,
        "previous referral",
        "DfE children in need census guide (re-referral: a referral within 12 months of a previous one)",
    ),
    Timescale(
        "CIN_PLAN_REVIEW", "Child in need plan review", 3, Unit.MONTHS,
        "start of the plan or previous review",
        f"Local standard: {WORKING_TOGETHER} asks for regular review of a child in need plan without "
        "a national interval",
        local_standard=True,
    ),
    # Child protection.
    Timescale(
        "ICPC", "Initial child protection conference", 15, Unit.WORKING_DAYS,
        "strategy discussion that started the section 47 enquiry",
        f"{WORKING_TOGETHER}; Children Act 1989 s47",
    ),
    Timescale(
        "CP_CORE_GROUP_FIRST", "First core group meeting", 10, Unit.WORKING_DAYS,
        "initial child protection conference", WORKING_TOGETHER,
    ),
    Timescale(
        "CP_REVIEW_FIRST", "First child protection review conference", 3, Unit.MONTHS,
        "initial child protection conference", WORKING_TOGETHER,
    ),
    Timescale(
        "CP_REVIEW_SUBSEQUENT", "Later child protection review conferences", 6, Unit.MONTHS,
        "previous review conference", WORKING_TOGETHER,
    ),
    Timescale(
        "CP_VISIT", "Visit to a child on a child protection plan", 10, Unit.WORKING_DAYS,
        "previous visit",
        f"Local standard: no national visiting frequency for a child protection plan ({WORKING_TOGETHER})",
        local_standard=True,
    ),
    Timescale(
        "CP_PLAN_DRIFT", "Child protection plan open for a long time (drift check)", 18, Unit.MONTHS,
        "start of the child protection plan", "Local standard for management oversight of drift",
        local_standard=True,
    ),
    Timescale(
        "CP_PLAN_TWO_YEARS", "Child protection plan lasting 2 years or more", 24, Unit.MONTHS,
        "start of the child protection plan",
        "DfE children in need census and Characteristics of children in need statistics indicator",
    ),
    # Pre-proceedings and care proceedings.
    Timescale(
        "PRE_PROCEEDINGS_DRIFT", "Pre-proceedings (Public Law Outline) running long", 16, Unit.WEEKS,
        "pre-proceedings meeting",
        "Public Law Working Group, Recommendations to achieve best practice in the child protection "
        "and family justice systems: final report (2021), pre-proceedings best practice guidance",
        local_standard=True,
    ),
    Timescale(
        "CARE_PROCEEDINGS", "Care proceedings concluded", 26, Unit.WEEKS,
        "issue of the care or supervision order application",
        "Children Act 1989 s32(1)(a), as amended by the Children and Families Act 2014 s14 "
        "(26 weeks beginning with the day the application was issued)",
        start_is_day_one=True,
    ),
    # Children looked after.
    Timescale(
        "CLA_REVIEW_FIRST", "First looked-after review", 20, Unit.WORKING_DAYS,
        "becoming looked after", f"{CARE_PLANNING_REGS}, reg 33",
    ),
    Timescale(
        "CLA_REVIEW_SECOND", "Second looked-after review", 3, Unit.MONTHS,
        "first looked-after review", f"{CARE_PLANNING_REGS}, reg 33",
    ),
    Timescale(
        "CLA_REVIEW_SUBSEQUENT", "Later looked-after reviews", 6, Unit.MONTHS,
        "previous looked-after review", f"{CARE_PLANNING_REGS}, reg 33",
    ),
    Timescale(
        "CLA_VISIT_FIRST", "First visit in a new placement", 1, Unit.WEEKS,
        "start of the placement", f"{CARE_PLANNING_REGS}, reg 28(2)(a)",
    ),
    Timescale(
        "CLA_VISIT", "Statutory visit to a child in care", 6, Unit.WEEKS,
        "previous visit",
        f"{CARE_PLANNING_REGS}, reg 28(2)(b) (at most 6 weeks apart; councils may set a shorter standard)",
        local_standard=True, statutory_limit=6,
    ),
    Timescale(
        "CLA_VISIT_LONG_TERM", "Statutory visit in a long-term placement after its first year", 3, Unit.MONTHS,
        "previous visit",
        f"{CARE_PLANNING_REGS}, reg 28(2)(c)(i) (placement intended to last until 18)",
        local_standard=True, statutory_limit=3,
    ),
    Timescale(
        "CLA_HEALTH_INITIAL", "Initial health assessment", 20, Unit.WORKING_DAYS,
        "becoming looked after", f"{CARE_PLANNING_REGS}, reg 7; {HEALTH_GUIDANCE}",
    ),
    Timescale(
        "CLA_HEALTH_REVIEW", "Review health assessment (aged 5 and over)", 12, Unit.MONTHS,
        "previous health assessment", f"{CARE_PLANNING_REGS}, reg 7",
    ),
    Timescale(
        "CLA_HEALTH_REVIEW_UNDER_5", "Review health assessment (under 5)", 6, Unit.MONTHS,
        "previous health assessment", f"{CARE_PLANNING_REGS}, reg 7",
    ),
    Timescale(
        "CLA_DENTAL", "Dental check", 12, Unit.MONTHS,
        "previous dental check",
        f"{HEALTH_GUIDANCE}; SSDA903 outcomes (dental check in the last 12 months)",
    ),
    Timescale(
        "CLA_LONG_TERM_IN_CARE", "Looked after long term (placement stability measure)", 30, Unit.MONTHS,
        "becoming looked after", f"{CLA_STABILITY}: looked after continuously for at least 2.5 years",
    ),
    Timescale(
        "CLA_LONG_TERM_PLACEMENT", "Same placement for 2 years or more (placement stability measure)", 24,
        Unit.MONTHS, "start of the placement", f"{CLA_STABILITY}: in the same placement for at least 2 years",
    ),
    Timescale(
        "CLA_LONG_TERM_AGE", "Age up to which long-term placement stability is measured", 16, Unit.YEARS_OF_AGE,
        "date of birth", f"{CLA_STABILITY}: children aged under 16",
    ),
    Timescale(
        "PEP_INITIAL", "Personal Education Plan in place", 20, Unit.WORKING_DAYS,
        "becoming looked after",
        f"{EDUCATION_GUIDANCE} (PEP ready for the first review); {CARE_PLANNING_REGS}, reg 5 and Sch 1",
    ),
    Timescale(
        "PEP_REVIEW", "Personal Education Plan review (termly)", 4, Unit.MONTHS,
        "previous PEP review",
        f"{EDUCATION_GUIDANCE} (reviewed each term); the PEP is part of the care plan reviewed at "
        f"every looked-after review ({CARE_PLANNING_REGS}, reg 33)",
        local_standard=True, statutory_limit=6,
    ),
    Timescale(
        "UASC_AGE_ASSESSMENT", "Age assessment of an unaccompanied child", 28, Unit.CALENDAR_DAYS,
        "referral for age assessment",
        "Local standard; assessments follow the ADCS Age Assessment Guidance (2015) and the "
        "Nationality and Borders Act 2022, Part 4",
        local_standard=True,
    ),
    # Statutory returns.
    Timescale(
        "RETURN_FIX", "Record corrected for a statutory return", 10, Unit.WORKING_DAYS,
        "the analyst's request",
        "Local standard, so corrections reach the CIN census and SSDA903 before the DfE's deadlines",
        local_standard=True,
    ),
    # Education.
    Timescale(
        "EXCLUDED_PUPIL_EDUCATION", "Full-time education for a permanently excluded pupil", 6,
        Unit.SCHOOL_DAYS, "first school day of the exclusion",
        "Education Act 1996 s19 and the Education (Provision of Full-Time Education for Excluded "
        "Pupils) (England) Regulations 2007 (from the sixth school day of the exclusion)",
        start_is_day_one=True,
    ),
    Timescale(
        "PUPIL_MISSING_EDUCATION", "Education arranged for a pupil missing school", 15, Unit.SCHOOL_DAYS,
        "first school day of absence",
        "Education Act 1996 s19; Arranging education for children who cannot attend school because of "
        "health needs (DfE, 2023): provision once a child misses 15 school days, consecutive or cumulative",
        start_is_day_one=True,
    ),
    # Care leavers.
    Timescale(
        "PERSONAL_ADVISER_FROM_16", "Personal adviser for an eligible child", 16, Unit.YEARS_OF_AGE,
        "date of birth", "Children Act 1989 Sch 2 paras 19B and 19C",
    ),
    Timescale(
        "PATHWAY_PLAN_REVIEW", "Pathway plan review", 6, Unit.MONTHS,
        "previous pathway plan review",
        "Care Leavers (England) Regulations 2010 (review at intervals of not more than six months); "
        f"{CARE_PLANNING_REGS}, Part 7 for eligible children",
    ),
    Timescale(
        "CARE_LEAVER_SUPPORT_TO_25", "Personal adviser support for a former relevant child ends", 25,
        Unit.YEARS_OF_AGE, "date of birth",
        "Children Act 1989 s23CZB, inserted by the Children and Social Work Act 2017 s3",
    ),
    Timescale(
        "STAYING_CLOSE_TO_25", "Staying Close support considered for a former relevant child", 25,
        Unit.YEARS_OF_AGE, "date of birth",
        "Children's Wellbeing and Schools Bill (Staying Close duty to age 25); Keeping Children Safe, "
        "Helping Families Thrive (DfE, 2024)",
    ),
    Timescale(
        "CARE_LEAVER_BIRTHDAY_INFORMATION", "Care leaver's circumstances at their 17th to 21st birthday recorded", 1,
        Unit.MONTHS, "the birthday",
        "DfE SSDA903 guide, care leavers (OC3): in touch, activity and accommodation around the birthday, "
        "from 3 months before it to 1 month after",
    ),
)

_DECLARED = {t.code: t for t in TIMESCALES}
if len(_DECLARED) != len(TIMESCALES):
    raise ImproperlyConfigured("Two timescales share a code")


def override_errors(overrides: dict) -> list[str]:
    """What is wrong with a THRIVE_TIMESCALE_OVERRIDES value, one sentence per problem."""
    errors = []
    for code, amount in overrides.items():
        timescale = _DECLARED.get(code)
        if timescale is None:
            errors.append(f"{code} is not a timescale code.")
        elif not timescale.local_standard:
            errors.append(f"{code} is set in law or national guidance, not a local standard.")
        elif isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
            errors.append(f"{code} must be a positive whole number of {_UNIT_WORDS[timescale.unit][1]}.")
        elif timescale.statutory_limit is not None and amount > timescale.statutory_limit:
            limit = replace(timescale, amount=timescale.statutory_limit).describe()
            errors.append(f"{code} cannot be longer than the statutory {limit}.")
    return errors


def _configured_overrides() -> dict:
    return getattr(settings, "THRIVE_TIMESCALE_OVERRIDES", None) or {}


def _apply(overrides: dict) -> dict[str, Timescale]:
    errors = override_errors(overrides)
    if errors:
        raise ImproperlyConfigured("THRIVE_TIMESCALE_OVERRIDES: " + " ".join(errors))
    table = dict(_DECLARED)
    for code, amount in overrides.items():
        table[code] = replace(table[code], amount=amount)
    return table


# Settings do not change while Thrive runs, so the table is built once; tests that change the
# setting send setting_changed, which rebuilds it.
_effective: dict[str, Timescale] | None = None


@receiver(setting_changed)
def _forget_overrides(setting, **kwargs):
    global _effective
    if setting == "THRIVE_TIMESCALE_OVERRIDES":
        _effective = None


def _table() -> dict[str, Timescale]:
    global _effective
    if _effective is None:
        _effective = _apply(_configured_overrides())
    return _effective


def get(code: str) -> Timescale:
    """The timescale with this code, with the council's local standard applied."""
    try:
        return _table()[code]
    except KeyError:
        raise KeyError(f"No timescale with code {code!r}") from None


def all_timescales() -> list[Timescale]:
    """Every timescale in declaration order (the order of a child's journey), overrides applied."""
    table = _table()
    return [table[t.code] for t in TIMESCALES]


def health_review_code(date_of_birth: datetime.date, last_assessment: datetime.date) -> str:
    """Which health review timescale applies: 6-monthly before the fifth birthday, then yearly."""
    return "CLA_HEALTH_REVIEW_UNDER_5" if last_assessment < birthday(date_of_birth, 5) else "CLA_HEALTH_REVIEW"


def check_overrides(app_configs=None, **kwargs) -> list[Error]:
    """Django system check: report a bad THRIVE_TIMESCALE_OVERRIDES at start-up, not mid-request."""
    return [Error(message, id="timescales.E001") for message in override_errors(_configured_overrides())]
