"""SSDA903 rules: each takes one child's rows from every table (as exported or imported)."""
import datetime
import re
from collections import Counter

from dateutil.relativedelta import relativedelta

from care.codes import (LegalStatus, PlacementProvider, PlacementType, PreviousPermanence, ReasonEpisodeCeased,
                        ReasonNewEpisode, ReviewParticipation, NO_PROVIDER_PLACEMENTS, NO_URN_PLACEMENTS,
                        PROVIDER_CANNOT_PROVIDE, SHORT_BREAKS, TEMPORARY_PLACEMENTS, MissingType)
from care.models.periods import URN_NOT_REQUIRED
from leavers.codes import InTouch
from people.codes import Ethnicity, Sex

from ..codes import OTHER_PLACEMENT_BEFORE_SPLIT
from .helpers import codes, day
from .registry import QUERY
from .rules import SSDA903

UPN_OR_UNKNOWN = re.compile(r"^((?![IOS])[A-Z](\d{12}|\d{11}[A-Z])|UN[1-5])$")
NEW_EPISODE = ReasonEpisodeCeased.NEW_EPISODE


def _header(child):
    return (child.get("Header") or [{}])[0]


def _episodes(child):
    return sorted(child.get("Episodes") or [], key=lambda e: e.get("DECOM") or datetime.date.min)


def _label(episode):
    return f"Episode from {day(episode.get('DECOM'))}"


def _age_on(child, on):
    born = _header(child).get("DOB")
    return relativedelta(on, born).years if born and on else None


def _place_codes(year):
    places = codes(PlacementType)
    if not year.placement_types_split:
        places = places - {"Z11", "Z12", "Z13", "Z14"} | {OTHER_PLACEMENT_BEFORE_SPLIT}
    return places


@SSDA903.rule("101", "The child or young person's reported sex is not valid.", fields=["SEX"])
def sex_valid(child, year):
    if _header(child).get("SEX") not in codes(Sex):
        yield "SEX", f"'{_header(child).get('SEX') or ''}' is not M, F or U."


@SSDA903.rule("232", "Sex of the child/young person has been reported as unknown.", fields=["SEX"], kind=QUERY)
def sex_unknown(child, year):
    if _header(child).get("SEX") == Sex.UNKNOWN:
        yield "SEX", "Sex is U."


@SSDA903.rule("102", "Date of birth is not a valid date.", fields=["DOB"])
def birth_date(child, year):
    if not _header(child).get("DOB"):
        yield "DOB", "No date of birth."


@SSDA903.rule("103", "The ethnicity code is either not valid or has not been entered.", fields=["ETHNIC"])
def ethnicity(child, year):
    if _header(child).get("ETHNIC") not in codes(Ethnicity):
        yield "ETHNIC", f"'{_header(child).get('ETHNIC') or ''}' is not an ethnicity code."


@SSDA903.rule("168", "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 "
                     "or UN5.", fields=["UPN"])
def upn_format(child, year):
    upn = _header(child).get("UPN")
    if upn and not UPN_OR_UNKNOWN.match(upn):
        yield "UPN", f"'{upn}' is neither a UPN nor UN1 to UN5."


@SSDA903.rule("442", "Unique Pupil Number (UPN) field is not completed.", fields=["UPN"], kind=QUERY)
def upn_missing(child, year):
    if child.get("Episodes") and not _header(child).get("UPN"):
        yield "UPN", "Give the UPN, or UN1 to UN5 for why there is none."


@SSDA903.rule("444", "Duplicate UPN has been reported", fields=["UPN"], whole_return=True)
def upn_repeated(children, year):
    counts = Counter(c.get("UPN") for c in children if c.get("UPN") and not c["UPN"].startswith("UN"))
    for c in children:
        if counts.get(c.get("UPN"), 0) > 1:
            yield c.get("CHILD"), "UPN", f"UPN {c['UPN']} is given for {counts[c['UPN']]} children."


@SSDA903.rule("INT32", "Internal Check: Child should only exist once in Header.", fields=["CHILD"], whole_return=True)
def child_repeated(children, year):
    for child_id, count in Counter(c.get("CHILD") for c in children).items():
        if count > 1:
            yield child_id, "CHILD", f"{child_id} appears {count} times."


@SSDA903.rule("301", "Date of birth falls after the year ended.", fields=["DOB"])
def born_after_year(child, year):
    if _header(child).get("DOB") and _header(child)["DOB"] > year.end:
        yield "DOB", f"Born {day(_header(child)['DOB'])}."


@SSDA903.rule("302", "First episode starts before child was born.", fields=["DECOM", "DOB"])
def episode_before_birth(child, year):
    episodes, born = _episodes(child), _header(child).get("DOB")
    if episodes and born and episodes[0].get("DECOM") and episodes[0]["DECOM"] < born:
        yield "DECOM", f"{_label(episodes[0])}; born {day(born)}."


@SSDA903.rule("393", "Child is looked after but mother field is not completed.", fields=["MOTHER"], kind=QUERY)
def mother_missing(child, year):
    header = _header(child)
    looked_after = any(e.get("LS") not in SHORT_BREAKS for e in child.get("Episodes") or [])
    if header.get("SEX") == Sex.FEMALE and looked_after and header.get("MOTHER") is None:
        yield "MOTHER", "Say whether she is a mother (1) or not (0)."


@SSDA903.rule("174", "Mother's child date of birth is recorded but sex shows that the child is a male.",
              fields=["SEX", "MC_DOB"])
def male_mother(child, year):
    if _header(child).get("MC_DOB") and _header(child).get("SEX") == Sex.MALE:
        yield "MC_DOB", "A first child's date of birth is given for a boy."


@SSDA903.rule("611", "Date of birth field is blank, but child is a mother.", fields=["MOTHER", "MC_DOB"])
def mother_without_child_birth(child, year):
    if _header(child).get("MOTHER") and not _header(child).get("MC_DOB"):
        yield "MC_DOB", "Give the date her first child was born."


@SSDA903.rule("141", "Date episode began is not a valid date.", fields=["DECOM"])
def episode_start(child, year):
    for episode in child.get("Episodes") or []:
        if not episode.get("DECOM"):
            yield "DECOM", "An episode has no start date."


@SSDA903.rule("143", "The reason for new episode code is not a valid code.", fields=["RNE"])
def reason_new(child, year):
    for episode in _episodes(child):
        if episode.get("RNE") not in codes(ReasonNewEpisode):
            yield "RNE", f"{_label(episode)}: '{episode.get('RNE') or ''}'."


@SSDA903.rule("144", "The legal status code is not a valid code.", fields=["LS"])
def legal_status(child, year):
    for episode in _episodes(child):
        if episode.get("LS") not in codes(LegalStatus):
            yield "LS", f"{_label(episode)}: '{episode.get('LS') or ''}'."


@SSDA903.rule("145", "Category of need code is not a valid code.", fields=["CIN"])
def category_of_need(child, year):
    for episode in _episodes(child):
        if episode.get("CIN") not in {f"N{n}" for n in range(1, 9)}:
            yield "CIN", f"{_label(episode)}: '{episode.get('CIN') or ''}'."


@SSDA903.rule("146", "Placement type code is not a valid code.", fields=["PLACE"])
def placement_type(child, year):
    places = _place_codes(year)
    for episode in _episodes(child):
        if episode.get("PLACE") not in places:
            yield "PLACE", f"{_label(episode)}: '{episode.get('PLACE') or ''}'."


@SSDA903.rule("148", "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
              fields=["DEC", "REC"])
def end_and_reason(child, year):
    for episode in _episodes(child):
        if bool(episode.get("DEC")) != bool(episode.get("REC")):
            yield "REC", f"{_label(episode)}."


@SSDA903.rule("149", "Reason episode ceased code is not valid. ", fields=["REC"])
def reason_ceased(child, year):
    for episode in _episodes(child):
        if episode.get("REC") and episode["REC"] not in codes(ReasonEpisodeCeased):
            yield "REC", f"{_label(episode)}: '{episode['REC']}'."


@SSDA903.rule("178", "Placement provider code is not a valid code.", fields=["PLACE_PROVIDER"])
def provider_code(child, year):
    for episode in _episodes(child):
        if episode.get("PLACE_PROVIDER") and episode["PLACE_PROVIDER"] not in codes(PlacementProvider):
            yield "PLACE_PROVIDER", f"{_label(episode)}: '{episode['PLACE_PROVIDER']}'."


@SSDA903.rule("213", "Placement provider information not required.", fields=["PLACE_PROVIDER"])
def provider_not_required(child, year):
    for episode in _episodes(child):
        if episode.get("PLACE") in NO_PROVIDER_PLACEMENTS | {OTHER_PLACEMENT_BEFORE_SPLIT} and episode.get("PLACE_PROVIDER"):
            yield "PLACE_PROVIDER", f"{_label(episode)}: no provider for placement {episode['PLACE']}."


@SSDA903.rule("526", "Child is missing a placement provider code for at least one episode.",
              fields=["PLACE", "PLACE_PROVIDER"])
def provider_missing(child, year):
    for episode in _episodes(child):
        place = episode.get("PLACE")
        if place and place not in NO_PROVIDER_PLACEMENTS | {OTHER_PLACEMENT_BEFORE_SPLIT} and not episode.get("PLACE_PROVIDER"):
            yield "PLACE_PROVIDER", f"{_label(episode)}: placement {place} needs a provider."


@SSDA903.rule("527", "A placement provider code cannot be associated with this placement type (rules 527 to 531, 550).",
              fields=["PLACE", "PLACE_PROVIDER"])
def provider_cannot_provide(child, year):
    for episode in _episodes(child):
        place, provider = episode.get("PLACE"), episode.get("PLACE_PROVIDER")
        if not provider or provider not in codes(PlacementProvider):
            continue
        if place in PROVIDER_CANNOT_PROVIDE.get(provider, ()) or (provider == PlacementProvider.PARENTS) != (
                place == PlacementType.WITH_PARENTS):
            yield "PLACE_PROVIDER", f"{_label(episode)}: {provider} cannot provide placement {place}."


@SSDA903.rule("218", "Ofsted Unique reference number (URN) is required.", fields=["URN"])
def urn_required(child, year):
    for episode in _episodes(child):
        place = episode.get("PLACE")
        if place and place not in NO_URN_PLACEMENTS | {OTHER_PLACEMENT_BEFORE_SPLIT} and not episode.get("URN"):
            yield "URN", f"{_label(episode)}: placement {place} needs the provider's URN."


@SSDA903.rule("222", "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
              fields=["URN"])
def urn_not_required(child, year):
    for episode in _episodes(child):
        urn = episode.get("URN")
        if urn and urn != URN_NOT_REQUIRED and episode.get("PLACE") in NO_URN_PLACEMENTS | {OTHER_PLACEMENT_BEFORE_SPLIT}:
            yield "URN", f"{_label(episode)}: placement {episode['PLACE']} has no URN."


@SSDA903.rule("142", "A new episode has started, but the previous episode has not ended.", fields=["DEC", "REC"])
def previous_not_ended(child, year):
    episodes = _episodes(child)
    for earlier in episodes[:-1]:
        if not earlier.get("DEC"):
            yield "DEC", f"{_label(earlier)} is still open though a later episode starts."


@SSDA903.rule("501", "A new episode has started before the end date of the previous episode.", fields=["DECOM", "DEC"])
def episodes_overlap(child, year):
    episodes = _episodes(child)
    for earlier, later in zip(episodes, episodes[1:]):
        if earlier.get("DEC") and later.get("DECOM") and later["DECOM"] < earlier["DEC"]:
            yield "DECOM", f"{_label(later)} starts before the one before it ended ({day(earlier['DEC'])})."


@SSDA903.rule("388", "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
              fields=["REC"])
def x1_without_next(child, year):
    episodes = _episodes(child)
    for index, episode in enumerate(episodes):
        after = episodes[index + 1] if index + 1 < len(episodes) else None
        if episode.get("REC") == NEW_EPISODE and (after is None or after.get("DECOM") != episode.get("DEC")):
            yield "REC", f"{_label(episode)} ends with X1 but no episode starts that day."


@SSDA903.rule("433", "The reason for new episode suggests that this is a continuation episode, but the episode does "
                     "not start on the same day as the last episode finished.", fields=["RNE", "DECOM"])
def continuation_gap(child, year):
    episodes = _episodes(child)
    for earlier, later in zip(episodes, episodes[1:]):
        if later.get("RNE") != ReasonNewEpisode.STARTED and earlier.get("DEC") and later.get("DECOM") != earlier["DEC"]:
            yield "DECOM", f"{_label(later)} continues an episode that ended {day(earlier['DEC'])}."


@SSDA903.rule("385", "Date episode ceased must be on or before the end of the current collection year.", fields=["DEC"])
def ended_after_year(child, year):
    for episode in _episodes(child):
        if episode.get("DEC") and episode["DEC"] > year.end:
            yield "DEC", f"{_label(episode)} ended {day(episode['DEC'])}."


@SSDA903.rule("380", "A period of care cannot start with a temporary placement.", fields=["PLACE", "RNE"])
def starts_temporary(child, year):
    for episode in _episodes(child):
        if episode.get("RNE") == ReasonNewEpisode.STARTED and episode.get("PLACE") in TEMPORARY_PLACEMENTS:
            yield "PLACE", f"{_label(episode)} starts care in a temporary placement."


@SSDA903.rule("381", "A period of care cannot end with a temporary placement.", fields=["PLACE", "REC"])
def ends_temporary(child, year):
    for episode in _episodes(child):
        if episode.get("REC") and episode["REC"] != NEW_EPISODE and episode.get("PLACE") in TEMPORARY_PLACEMENTS:
            yield "PLACE", f"{_label(episode)} ends care from a temporary placement."


@SSDA903.rule("392c", "Postcode(s) provided are invalid.", fields=["HOME_POST", "PL_POST"])
def postcodes(child, year):
    pattern = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$")
    for episode in _episodes(child):
        for column in ("HOME_POST", "PL_POST"):
            if episode.get(column) and not pattern.match(episode[column]):
                yield column, f"{_label(episode)}: '{episode[column]}'."


@SSDA903.rule("166", "Date of review is invalid or blank.", fields=["REVIEW"])
def review_date(child, year):
    for review in child.get("Reviews") or []:
        if not review.get("REVIEW"):
            yield "REVIEW", "A review has no date."


@SSDA903.rule("167", "Data entry for participation is invalid or blank.", fields=["REVIEW_CODE"])
def review_participation(child, year):
    for review in child.get("Reviews") or []:
        if review.get("REVIEW_CODE") not in codes(ReviewParticipation):
            yield "REVIEW_CODE", f"Review of {day(review.get('REVIEW'))}."


@SSDA903.rule("440", "Participation method indicates child was under 4 years old at the time of the review, but date "
                     "of birth and review date indicates the child was 4 years old or over.", fields=["REVIEW_CODE"])
def pn0_over_four(child, year):
    for review in child.get("Reviews") or []:
        age = _age_on(child, review.get("REVIEW"))
        if review.get("REVIEW_CODE") == ReviewParticipation.UNDER_4 and age is not None and age >= 4:
            yield "REVIEW_CODE", f"Review of {day(review['REVIEW'])}: the child was {age}."


@SSDA903.rule("441", "Participation method indicates child was 4 years old or over at the time of the review, but the "
                     "date of birth and review date indicates the child was under 4 years old.", fields=["REVIEW_CODE"])
def not_pn0_under_four(child, year):
    for review in child.get("Reviews") or []:
        age = _age_on(child, review.get("REVIEW"))
        if review.get("REVIEW_CODE") not in (None, ReviewParticipation.UNDER_4) and age is not None and age < 4:
            yield "REVIEW_CODE", f"Review of {day(review['REVIEW'])}: the child was {age}."


@SSDA903.rule("304", "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th "
                     "birthday of a child.", fields=["DUC"])
def uasc_ceased_after_18(child, year):
    born = _header(child).get("DOB")
    for row in child.get("UASC") or []:
        if row.get("DUC") and born and row["DUC"] > born + relativedelta(years=18):
            yield "DUC", f"Ceased {day(row['DUC'])}, after the 18th birthday."


@SSDA903.rule("1006", "Missing type invalid.", fields=["MISSING"])
def missing_type(child, year):
    for row in child.get("Missing") or []:
        if row.get("MISSING") not in codes(MissingType):
            yield "MISSING", f"Missing from {day(row.get('MIS_START'))}: '{row.get('MISSING') or ''}'."


@SSDA903.rule("567", "The date that the missing episode or episode that the child was away from placement without "
                     "authorisation ended is before the date that it started.", fields=["MIS_START", "MIS_END"])
def missing_ends_before_start(child, year):
    for row in child.get("Missing") or []:
        if row.get("MIS_END") and row.get("MIS_START") and row["MIS_END"] < row["MIS_START"]:
            yield "MIS_END", f"Missing from {day(row['MIS_START'])}, back {day(row['MIS_END'])}."


@SSDA903.rule("570", "The date that the child started to be missing or away from placement without authorisation is "
                     "after the end of the collection year.", fields=["MIS_START"])
def missing_after_year(child, year):
    for row in child.get("Missing") or []:
        if row.get("MIS_START") and row["MIS_START"] > year.end:
            yield "MIS_START", f"Missing from {day(row['MIS_START'])}."


@SSDA903.rule("631", "Previous permanence option not a valid value.", fields=["PREV_PERM"])
def previous_permanence(child, year):
    for row in child.get("PrevPerm") or []:
        if row.get("PREV_PERM") not in codes(PreviousPermanence):
            yield "PREV_PERM", f"'{row.get('PREV_PERM') or ''}'."


@SSDA903.rule("635", "There are entries for date of order and local authority code where previous permanence option "
                     "was arranged but previous permanence code is Z1", fields=["LA_PERM", "DATE_PERM", "PREV_PERM"])
def permanence_details_without_order(child, year):
    for row in child.get("PrevPerm") or []:
        if row.get("PREV_PERM") == PreviousPermanence.NONE and (row.get("LA_PERM") or row.get("DATE_PERM")):
            yield "PREV_PERM", "Z1 (no previous permanence) with a council or date given."


@SSDA903.rule("131", "Data entry for being in touch after leaving care is invalid.", fields=["IN_TOUCH"])
def in_touch(child, year):
    for row in child.get("OC3") or []:
        if row.get("IN_TOUCH") not in codes(InTouch):
            yield "IN_TOUCH", f"'{row.get('IN_TOUCH') or ''}'."


@SSDA903.rule("391", "Young person was not 17, 18, 19, 20 or 21 during the current collection year.",
              fields=["DOB", "IN_TOUCH"])
def oc3_age(child, year):
    age = _age_on(child, year.end)
    if child.get("OC3") and (age is None or not 17 <= age <= 21):
        yield "DOB", f"Aged {age} at the end of the year."


@SSDA903.rule("180", "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
              fields=["SDQ_SCORE"])
def sdq_score(child, year):
    for row in child.get("OC2") or []:
        if row.get("SDQ_SCORE") is not None and not 0 <= row["SDQ_SCORE"] <= 40:
            yield "SDQ_SCORE", f"Score {row['SDQ_SCORE']}."


@SSDA903.rule("197a", "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and "
                      "Difficulties Questionnaire score is filled in.", fields=["SDQ_SCORE", "SDQ_REASON"])
def sdq_score_and_reason(child, year):
    for row in child.get("OC2") or []:
        if row.get("SDQ_SCORE") is not None and row.get("SDQ_REASON"):
            yield "SDQ_REASON", "Both a score and a reason for no score."


@SSDA903.rule("511", "If reporting that the number of person(s) adopting the looked after child is two adopters then "
                     "the code should only be MM, FF or MF.", fields=["NB_ADOPTR", "SEX_ADOPTR"])
def two_adopters(child, year):
    for row in child.get("AD1") or []:
        if row.get("NB_ADOPTR") == 2 and row.get("SEX_ADOPTR") not in ("MM", "FF", "MF"):
            yield "SEX_ADOPTR", f"Two adopters, '{row.get('SEX_ADOPTR') or ''}'."


@SSDA903.rule("522", "Date of decision that the child should be placed for adoption must be on or before the date "
                     "that a child should no longer be placed for adoption.", fields=["DATE_PLACED", "DATE_PLACED_CEASED"])
def decision_reversed_before_made(child, year):
    for row in child.get("PlacedAdoption") or []:
        if row.get("DATE_PLACED_CEASED") and row.get("DATE_PLACED") and row["DATE_PLACED_CEASED"] < row["DATE_PLACED"]:
            yield "DATE_PLACED_CEASED", f"Decided {day(row['DATE_PLACED'])}, reversed {day(row['DATE_PLACED_CEASED'])}."


@SSDA903.rule("333", "Date should be placed for adoption must be on or prior to the date of matching child with "
                     "adopter(s).", fields=["DATE_INT"])
def matched_before_decision(child, year):
    for row in child.get("AD1") or []:
        if row.get("DATE_INT") and row.get("DATE_MATCH") and row["DATE_MATCH"] < row["DATE_INT"]:
            yield "DATE_INT", f"Decided {day(row['DATE_INT'])}, matched {day(row['DATE_MATCH'])}."
