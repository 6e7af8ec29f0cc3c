"""NHS number (Modulus 11) and UPN (modulus 23 check letter), worked by hand."""

import pytest
from django.core.exceptions import ValidationError

from people.identifiers import normalise_nhs_number, validate_nhs_number, validate_upn


def test_valid_nhs_number_is_accepted_with_spaces():
    # 9 4 3 4 7 6 5 9 1 weighted 10..2: 90+36+24+28+42+30+20+27+2 = 299;
    # 299 mod 11 = 2; 11 - 2 = 9, which is the tenth digit.
    validate_nhs_number("943 476 5919")
    assert normalise_nhs_number("943-476-5919") == "9434765919"


def test_nhs_number_with_wrong_check_digit_is_refused_with_a_message():
    with pytest.raises(ValidationError) as refused:
        validate_nhs_number("9434765918")
    assert "not valid" in refused.value.messages[0]
    assert "check digit" in refused.value.messages[0]


def test_nhs_number_whose_check_would_be_ten_is_never_valid():
    # 0 0 0 0 0 0 0 0 1 weighted: 1*2 = 2; 11 - 2 = 9 -> 0000000019 valid;
    # 0 0 0 0 0 0 0 1 0: 1*3 = 3 -> 8; ... 000000060: 6*3 = 18, 18 mod 11 = 7, 11-7 = 4.
    # 0 0 0 0 0 0 0 0 5: 5*2 = 10, 11 - 10 = 1 -> 0000000051 valid.
    # 0 0 0 0 0 0 0 0 6? 6*2 = 12, 12 mod 11 = 1, 11 - 1 = 10: no digit fits, so every ending fails.
    validate_nhs_number("0000000019")
    validate_nhs_number("0000000051")
    for last in "0123456789":
        with pytest.raises(ValidationError):
            validate_nhs_number("000000006" + last)


@pytest.mark.parametrize("typed", ["12345", "94347659190", "94347A5919", ""])
def test_nhs_number_must_be_ten_digits(typed):
    with pytest.raises(ValidationError) as refused:
        validate_nhs_number(typed)
    assert "10 digits" in refused.value.messages[0]


def test_upn_check_letter():
    # B801200005001: digits 8,0,1,2,0,0,0,0,5,0,0,1 weighted 2..13:
    # 16+0+4+10+0+0+0+0+50+0+0+13 = 93; 93 mod 23 = 1 -> the second letter of
    # ABCDEFGHJKLMNPQRTUVWXYZ, B.
    validate_upn("B801200005001")
    with pytest.raises(ValidationError) as refused:
        validate_upn("A801200005001")
    assert "check letter" in refused.value.messages[0]


def test_upn_with_unknown_la_number_is_refused():
    with pytest.raises(ValidationError) as refused:
        validate_upn("E000200005001")
    assert "13 characters" in refused.value.messages[0]


def test_complete_nhs_number_finds_the_check_digit_or_none():
    from people.identifiers import complete_nhs_number

    assert complete_nhs_number("943476591") == "9434765919"
    assert complete_nhs_number("000000006") is None
