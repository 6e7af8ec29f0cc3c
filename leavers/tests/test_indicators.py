"""Care leaver indicators worked by hand: suitable accommodation and education, employment or training.

At the end of 31 March 2025 the 12 months looked at run from 1 April 2024: a care leaver counts when
their 17th to 21st birthday fell in them.
"""

import datetime
from decimal import Decimal

import pytest

from care.codes import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from care.models import Episode, PeriodOfCare
from leavers.codes import AccommodationType, Activity, InTouch
from leavers.indicators import in_education_employment_or_training, suitable_accommodation
from leavers.models import BirthdaySnapshot
from performance import periods
from tests.factories.journey import child
from timescales.dates import birthday

pytestmark = pytest.mark.django_db
D = datetime.date
END_OF_Q4 = periods.as_at(D(2025, 3, 31))


def care_leaver(born, left=None, reason=ReasonEpisodeCeased.STAYING_PUT, start=None, person=None):
    """Looked after from 14 until `left` (their 18th birthday unless given)."""
    person = person or child(birth_date=born)
    start, left = start or birthday(born, 14), left or birthday(born, 18)
    period = PeriodOfCare.objects.create(
        person=person, start_date=start, end_date=left, category_of_need="N1"
    )
    Episode.objects.create(
        period=period,
        start_date=start,
        end_date=left,
        reason_new=ReasonNewEpisode.STARTED,
        legal_status=LegalStatus.FULL_CARE_ORDER,
        placement_type=PlacementType.FOSTER_OTHER,
        provider_name="A",
        placement_postcode="LE1 1AA",
        home_postcode="LE2 2AA",
        reason_ceased=reason,
    )
    return person


def snapshot(
    person,
    age,
    recorded_on,
    in_touch=InTouch.YES,
    activity=Activity.EDUCATION_FULL,
    accommodation=AccommodationType.INDEPENDENT,
    suitable=True,
):
    known = in_touch == InTouch.YES
    return BirthdaySnapshot.objects.create(
        person=person,
        age=age,
        in_touch=in_touch,
        recorded_on=recorded_on,
        activity=activity if known else "",
        accommodation=accommodation if known else "",
        accommodation_suitable=suitable if known else None,
    )


def cases(figure):
    return {case.record: (case.date, case.counted) for case in figure.cases}


def key(record):
    return f"{record._meta.label_lower}:{record.pk}"


def test_care_leavers_whose_birthday_fell_in_the_12_months_counted_at_their_latest_contact():
    nineteen = care_leaver(D(2005, 4, 1))  # 19 on the 12 months' first day
    suitable_eet = snapshot(nineteen, 19, D(2024, 4, 10))
    twenty_one = care_leaver(D(2004, 3, 31))  # 21 on the last day
    unsuitable = snapshot(
        twenty_one,
        21,
        D(2025, 3, 20),
        activity=Activity.NEET_OTHER,
        suitable=False,
        accommodation=AccommodationType.HOMELESS,
    )
    not_in_touch = care_leaver(D(2006, 8, 1))
    lost = snapshot(not_in_touch, 18, D(2024, 8, 5), in_touch=InTouch.NO)
    not_recorded = care_leaver(D(2005, 1, 15))  # 20 on 15 January 2025, nothing recorded: not known
    care_leaver(D(2003, 3, 31))  # 22 on 31 March 2025: their 21st birthday was the year before
    care_leaver(D(2004, 4, 1))  # 21 on 1 April 2025: their 20th birthday was on 1 April 2024 ...
    accommodation = suitable_accommodation(END_OF_Q4)
    assert len(accommodation.cases) == 5  # ... so they count too, with nothing recorded
    assert cases(accommodation)[key(suitable_eet)] == (D(2024, 4, 10), True)
    assert cases(accommodation)[key(unsuitable)] == (D(2025, 3, 20), False)
    assert cases(accommodation)[key(lost)] == (D(2024, 8, 5), False)
    assert cases(accommodation)[key(not_recorded)] == (D(2025, 1, 15), False)  # the birthday
    assert (accommodation.numerator, accommodation.denominator, accommodation.value) == (
        1,
        5,
        Decimal("20.0000"),
    )
    assert in_education_employment_or_training(END_OF_Q4).numerator == 1


def test_this_birthdays_information_only_a_missing_record_is_no_information():
    # 19 on 20 March 2025. Last year's record (at 18) is not carried forward: at the end of 31 March 2025 this
    # birthday's information is not yet recorded, so the young person counts as "no information" (in the
    # denominator only, dated the birthday), as the DfE counts them.
    person = care_leaver(D(2006, 3, 20))
    snapshot(person, 18, D(2024, 3, 25), activity=Activity.EDUCATION_FULL)
    this_year = snapshot(person, 19, D(2025, 4, 10), activity=Activity.APPRENTICESHIP_FULL)  # after the end
    eet = in_education_employment_or_training(END_OF_Q4)
    assert cases(eet) == {key(person): (D(2025, 3, 20), False)}
    assert (eet.numerator, eet.denominator) == (0, 1)
    assert cases(in_education_employment_or_training(periods.as_at(D(2025, 4, 30)))) == {
        key(this_year): (D(2025, 4, 10), True)
    }


def test_who_is_not_a_care_leaver_counted_here():
    care_leaver(D(2007, 6, 1), left=None)  # 17 on 1 June 2024, still looked after then
    PeriodOfCare.objects.filter(person__birth_date=D(2007, 6, 1)).update(end_date=None)
    Episode.objects.filter(person__birth_date=D(2007, 6, 1)).update(end_date=None, reason_ceased="")
    care_leaver(D(2005, 6, 1), left=D(2021, 6, 1), reason=ReasonEpisodeCeased.ADOPTED_UNOPPOSED)
    care_leaver(D(2005, 7, 1), start=D(2021, 8, 1), left=D(2021, 9, 1))  # a month in care: not eligible
    went_home = care_leaver(D(2005, 8, 1))
    snapshot(went_home, 19, D(2024, 8, 1), in_touch=InTouch.RETURNED_HOME)  # no accommodation to report
    died = care_leaver(D(2005, 9, 1))
    snapshot(died, 19, D(2024, 9, 1), in_touch=InTouch.DIED)
    assert suitable_accommodation(END_OF_Q4) is None


def test_a_29_february_care_leavers_birthdays_are_on_1_march_in_a_common_year():
    leapling = care_leaver(D(2004, 2, 29), left=D(2022, 3, 1))
    # 21 on 1 March 2025; the 12 months to 28 February 2025 hold their 20th birthday (1 March 2024).
    assert len(suitable_accommodation(periods.as_at(D(2025, 2, 28))).cases) == 1
    recorded = snapshot(leapling, 21, D(2025, 3, 1))
    assert cases(suitable_accommodation(END_OF_Q4)) == {key(recorded): (D(2025, 3, 1), True)}


def test_a_merged_duplicate_is_one_young_person():
    kept = care_leaver(D(2005, 10, 1))
    duplicate = child(birth_date=D(2005, 10, 1), merged_into=kept)
    recorded = snapshot(duplicate, 19, D(2024, 10, 2))
    assert cases(suitable_accommodation(END_OF_Q4)) == {key(recorded): (D(2024, 10, 2), True)}
