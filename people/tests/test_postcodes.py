"""Postcodes placed from the ONS postcode directory the DfE's 903 checks use, hand-checked against it."""

from people import postcodes


def test_a_postcode_is_found_however_it_is_typed():
    place = postcodes.find("le11 3ab")
    assert place.postcode == "LE11 3AB"
    assert (place.district, place.council) == ("E07000130", "E10000018")  # Charnwood, in Leicestershire


def test_a_made_up_or_malformed_postcode_is_not_found():
    assert postcodes.find("SX17 3BZ") is None
    assert postcodes.find("not a postcode") is None
    assert postcodes.find("") is None


def test_distance_is_the_straight_line_in_miles_as_the_dfe_measures_it():
    # LE1 1AA (459318, 304176) to LE4 6AB (459579, 305942): 1785 m = 1.1 miles
    assert postcodes.distance_miles(postcodes.find("LE1 1AA"), postcodes.find("LE4 6AB")) == 1.1
    assert postcodes.distance_miles(postcodes.find("LE1 1AA"), postcodes.find("LE1 1AA")) == 0.0


def test_outside_england_the_council_is_the_country_as_the_903_names_it():
    assert postcodes.find("CF10 1AA").council == "WAL"
    assert postcodes.find("EH1 1AA").council == "SCO"


def test_council_names_come_from_the_same_reference():
    assert postcodes.council_names()["E10000018"] == "Leicestershire"
    assert postcodes.council_of("E07000130") == "E10000018"
