"""CIN census rules about the child: identifiers, characteristics, and the return as a whole."""
import datetime
import re
from collections import Counter

from people.codes import Disability, Ethnicity, Sex, UPNUnknown
from people.identifiers import UPN_LA_NUMBERS, upn_check_letter

from .helpers import add_years, codes, day
from .registry import QUERY
from .rules import CIN

UPN_LAST = set("0123456789ABCDEFGHJKLMNPQRTUVWXYZ")  # no I, O or S
SCHOOL_AGE = 6  # rule 8770Q: born more than about 6 years before the reference date


@CIN.rule("8500", "LA Child ID missing", fields=["LAchildID"])
def child_id_missing(child, year):
    if not child.get("LAchildID"):
        yield "LAchildID", "The child has no council ID."


@CIN.rule("1570", "LA Child ID must not be longer than 20 characters", fields=["LAchildID"])
def child_id_too_long(child, year):
    if len(child.get("LAchildID") or "") > 20:
        yield "LAchildID", f"{child['LAchildID']} has {len(child['LAchildID'])} characters."


@CIN.rule("1580", "LA Child ID must not contain any non-alphanumeric characters", fields=["LAchildID"])
def child_id_characters(child, year):
    if child.get("LAchildID") and not child["LAchildID"].isalnum():
        yield "LAchildID", f"{child['LAchildID']} has characters other than letters and digits."


@CIN.rule("8510", "More than one child record with the same LA Child ID", fields=["LAchildID"], whole_return=True)
def child_id_repeated(children, year):
    counts = Counter(c.get("LAchildID") for c in children)
    for child_id, count in counts.items():
        if child_id and count > 1:
            yield child_id, "LAchildID", f"{child_id} appears {count} times."


def _upn_parts(upn: str):
    return upn[:1], upn[1:4], upn[4:12], upn[12:]


@CIN.rule("1510", "UPN invalid (wrong check letter at character 1)", fields=["UPN"])
def upn_check_letter_wrong(child, year):
    upn = child.get("UPN")
    if upn and len(upn) == 13 and upn[1:12].isdigit() and upn[12] in UPN_LAST and upn[0] != upn_check_letter(upn[1:]):
        yield "UPN", f"UPN {upn}: the check letter should be {upn_check_letter(upn[1:])}."


@CIN.rule("1530", "UPN invalid (characters 2-4 not a recognised LA code)", fields=["UPN"])
def upn_la_code(child, year):
    upn = child.get("UPN")
    if upn and upn[1:4].isdigit() and int(upn[1:4]) not in UPN_LA_NUMBERS:
        yield "UPN", f"UPN {upn}: {upn[1:4]} is not a local authority number."


@CIN.rule("1540", "UPN invalid (characters 5-12 not all numeric)", fields=["UPN"])
def upn_digits(child, year):
    upn = child.get("UPN")
    if upn and not re.fullmatch(r"\d{8}", _upn_parts(upn)[2]):
        yield "UPN", f"UPN {upn} does not have eight digits after the LA number."


@CIN.rule("1550", "UPN invalid (character 13 not a recognised value)", fields=["UPN"])
def upn_last_character(child, year):
    upn = child.get("UPN")
    if upn and (len(upn) != 13 or upn[12] not in UPN_LAST):
        yield "UPN", f"UPN {upn} must end with a digit or a letter other than I, O or S."


@CIN.rule("1520", "More than one record with the same UPN.", fields=["UPN"], whole_return=True)
def upn_repeated(children, year):
    counts = Counter(c.get("UPN") for c in children if c.get("UPN"))
    for child in children:
        if counts.get(child.get("UPN"), 0) > 1:
            yield child.get("LAchildID"), "UPN", f"UPN {child['UPN']} is given for {counts[child['UPN']]} children."


@CIN.rule("1560Q", "Please check and either amend or provide a reason: Former UPN wrongly formatted",
          fields=["FormerUPN"], kind=QUERY)
def former_upn_format(child, year):
    former = child.get("FormerUPN")
    if former and not re.fullmatch(r"[A-Z]\d{11}[0-9A-Z]", former):
        yield "FormerUPN", f"Former UPN {former} is not a letter, eleven digits and a digit or letter."


@CIN.rule("8770Q", "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing "
                   "or is UN1 for a child who is of school age.", fields=["UPN", "UPNunknown"], kind=QUERY)
def upn_missing_school_age(child, year):
    born = child.get("PersonBirthDate")
    further_action = any(not d.get("ReferralNFA") for d in child.get("CINdetails") or [])
    school_age = born and born <= add_years(datetime.date(year.year, 8, 31), -SCHOOL_AGE)
    reason = child.get("UPNunknown")
    if school_age and further_action and not child.get("UPN") and reason in (None, UPNUnknown.NOT_SCHOOL_AGE):
        yield "UPN", f"Born {day(born)}: a school-age child needs a UPN or a reason other than UN1."


@CIN.rule("8772", "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a "
                  "referral going on to further action", fields=["UPNunknown", "ReferralNFA"])
def un7_with_further_action(child, year):
    if child.get("UPNunknown") == UPNUnknown.REFERRAL_NFA and any(
            not d.get("ReferralNFA") for d in child.get("CINdetails") or []):
        yield "UPNunknown", "UN7 is only for children whose every referral had no further action."


@CIN.rule("4180", "Sex must be provided and equal M, F, or U", fields=["Sex"])
def sex_valid(child, year):
    if child.get("Sex") not in codes(Sex):
        yield "Sex", f"'{child.get('Sex') or ''}' is not M, F or U."


@CIN.rule("8750", "Sex must equal U for an unborn child", fields=["Sex", "PersonBirthDate", "ExpectedPersonBirthDate"])
def unborn_sex(child, year):
    if child.get("PersonBirthDate") is None and child.get("ExpectedPersonBirthDate") and child.get("Sex") != Sex.UNKNOWN:
        yield "Sex", f"The child is not yet born (due {day(child['ExpectedPersonBirthDate'])}) so sex is U."


@CIN.rule("2886Q", "Please check and either amend or provide a reason: Percentage of children with no sex recorded "
                   "is more than 2% (excluding unborns)", fields=["Sex"], kind=QUERY, whole_return=True)
def sex_not_recorded_share(children, year):
    born = [c for c in children if c.get("PersonBirthDate")]
    unknown = sum(1 for c in born if c.get("Sex") == Sex.UNKNOWN)
    if born and unknown / len(born) > 0.02:
        yield "", "Sex", f"{unknown} of {len(born)} children born ({unknown / len(born):.1%}) have sex U."


@CIN.rule("4220", "Ethnicity is missing or invalid (see Ethnicity table)", fields=["Ethnicity"])
def ethnicity_valid(child, year):
    if child.get("Ethnicity") not in codes(Ethnicity):
        yield "Ethnicity", f"'{child.get('Ethnicity') or ''}' is not an ethnicity code."


@CIN.rule("8520", "Date of Birth is after data collection period (must be on or before the end of the census period)",
          fields=["PersonBirthDate"])
def born_after_year(child, year):
    if child.get("PersonBirthDate") and child["PersonBirthDate"] > year.end:
        yield "PersonBirthDate", f"Born {day(child['PersonBirthDate'])}."


@CIN.rule("8525Q", "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
          fields=["PersonBirthDate", "ExpectedPersonBirthDate"], kind=QUERY)
def birth_or_expected(child, year):
    if bool(child.get("PersonBirthDate")) == bool(child.get("ExpectedPersonBirthDate")):
        yield "PersonBirthDate", "Give the date of birth, or the expected date for an unborn child, not both."


@CIN.rule("8530Q", "Please check and either amend data or provide a reason: Expected Date of Birth is outside the "
                   "expected range for this census (March to December of the census year)",
          fields=["ExpectedPersonBirthDate"], kind=QUERY)
def expected_birth_range(child, year):
    expected = child.get("ExpectedPersonBirthDate")
    if expected and not datetime.date(year.year, 3, 1) <= expected <= datetime.date(year.year, 12, 31):
        yield "ExpectedPersonBirthDate", f"Due {day(expected)}."


@CIN.rule("8535Q", "Please check and either amend data or provide a reason: Child's date of death should not be "
                   "prior to the date of birth", fields=["PersonDeathDate", "PersonBirthDate"], kind=QUERY)
def death_before_birth(child, year):
    born, died = child.get("PersonBirthDate"), child.get("PersonDeathDate")
    if born and died and died < born:
        yield "PersonDeathDate", f"Died {day(died)}, born {day(born)}."


@CIN.rule("8545Q", "Please check and either amend data or provide a reason: Child's date of death should be within "
                   "the census year", fields=["PersonDeathDate"], kind=QUERY)
def death_in_year(child, year):
    if child.get("PersonDeathDate") and not year.covers(child["PersonDeathDate"]):
        yield "PersonDeathDate", f"Died {day(child['PersonDeathDate'])}."


@CIN.rule("8775Q", "Please check and either amend data or provide a reason: Child is over 25 years old",
          fields=["PersonBirthDate"], kind=QUERY)
def over_25(child, year):
    born = child.get("PersonBirthDate")
    if born and born < add_years(year.end, -25):
        yield "PersonBirthDate", f"Born {day(born)}."


@CIN.rule("8540", "Child's disability is missing or invalid (see Disability table)", fields=["Disability"])
def disability_valid(child, year):
    for code in child.get("Disabilities") or []:
        if code not in codes(Disability):
            yield "Disability", f"'{code}' is not a disability code."


@CIN.rule("8790", "Disability information includes both None and other values", fields=["Disability"])
def disability_none_and_others(child, year):
    given = set(child.get("Disabilities") or [])
    if Disability.NONE in given and len(given) > 1:
        yield "Disability", "NONE is recorded with other disabilities."


@CIN.rule("8794", "Child has two or more disabilities with the same code", fields=["Disability"])
def disability_repeated(child, year):
    for code, count in Counter(child.get("Disabilities") or []).items():
        if count > 1:
            yield "Disability", f"{code} is recorded {count} times."


@CIN.rule("2887Q", "Please check and either amend or provide a reason: Less than 8 disability codes have been used "
                   "in your return", fields=["Disability"], kind=QUERY, whole_return=True)
def few_disability_codes(children, year):
    used = {code for c in children for code in c.get("Disabilities") or [] if code != Disability.NONE}
    if len(used) < 8:
        yield "", "Disability", f"{len(used)} disability codes are used."


@CIN.rule("8590", "Child does not have a recorded CIN episode.", fields=["CINdetails"])
def no_episode(child, year):
    if not child.get("CINdetails"):
        yield "CINreferralDate", "The child has no CIN episode in the year."
