"""Tests for desktop.services.validation: Swedish identity numbers and other input."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from personnummer import personnummer as reference

from desktop.services.errors import ValidationError
from desktop.services.names import names_similar, normalise_name, similarity
from desktop.services.validation import (
    luhn_check_digit,
    parse_category,
    parse_date,
    parse_identity_number,
    parse_phone,
    parse_postcode,
    parse_yes_no,
)

TODAY = date(2026, 3, 15)


def with_check(ten_minus_one: str) -> str:
    """Append the Luhn digit to ``ÅÅMMDDNNN``."""
    return ten_minus_one + str(luhn_check_digit(ten_minus_one))


@pytest.mark.parametrize(
    ("text", "value", "birth", "coordination"),
    [
        ("811218-9876", "19811218-9876", date(1981, 12, 18), False),
        ("8112189876", "19811218-9876", date(1981, 12, 18), False),
        ("19811218-9876", "19811218-9876", date(1981, 12, 18), False),
        ("198112189876", "19811218-9876", date(1981, 12, 18), False),
        (" 811218 - 9876 ", "19811218-9876", date(1981, 12, 18), False),
        ("811218+9876", "18811218-9876", date(1881, 12, 18), False),
        ("701063-2391", "19701063-2391", date(1970, 10, 3), True),
        ("197010632391", "19701063-2391", date(1970, 10, 3), True),
    ],
)
def test_valid_identity_numbers(text: str, value: str, birth: date, coordination: bool) -> None:
    parsed = parse_identity_number(text, TODAY)
    assert parsed.value == value
    assert parsed.birth_date == birth
    assert parsed.is_coordination is coordination
    assert parsed.masked == value[:9] + "****"
    assert value not in repr(parsed)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("811218-9875", "pnr.checksum"),
        ("811318-9876", "pnr.no_date"),
        ("811232-9876", "pnr.no_date"),
        ("701093-2391", "pnr.no_date"),
        ("19811218+9876", "pnr.plus_needs_short_year"),
        ("81121-89876", "pnr.format"),
        ("abc", "pnr.format"),
        ("", "pnr.format"),
        ("000101-0008", "pnr.serial_zero"),
        ("811218-98765", "pnr.format"),
        ("811218–9876", "pnr.format"),
    ],
)
def test_invalid_identity_numbers(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_identity_number(text, TODAY, field="pnr")
    assert caught.value.code == code
    assert caught.value.field == "pnr"


def test_future_birth_date_is_rejected() -> None:
    number = "2027" + with_check("270101123")[2:]
    with pytest.raises(ValidationError, match=r"^pnr\.birth_in_future$"):
        parse_identity_number(number, TODAY)


class TestCentury:
    def test_two_digit_year_is_the_latest_not_in_the_future(self) -> None:
        assert parse_identity_number(with_check("260315123"), TODAY).birth_date == date(2026, 3, 15)
        # One day after "today" in this century has not happened yet: last century.
        assert parse_identity_number(with_check("260316123"), TODAY).birth_date == date(1926, 3, 16)
        assert parse_identity_number(with_check("051231123"), TODAY).birth_date.year == 2005

    def test_plus_means_a_hundred_years_more(self) -> None:
        number = with_check("260315123")
        plus = number[:6] + "+" + number[6:]
        assert parse_identity_number(plus, TODAY).birth_date == date(1926, 3, 15)

    def test_coordination_day_is_used_for_the_century(self) -> None:
        number = with_check("260375123")  # 15 March + 60
        parsed = parse_identity_number(number, TODAY)
        assert parsed.birth_date == date(2026, 3, 15)
        assert parsed.is_coordination
        assert parsed.value == "20260375-" + number[6:]


class TestLeapDays:
    def test_leap_day_in_leap_year(self) -> None:
        assert parse_identity_number(with_check("000229123"), TODAY).birth_date == date(2000, 2, 29)
        assert parse_identity_number(with_check("040289123"), TODAY).birth_date == date(2004, 2, 29)

    def test_leap_day_1900_is_not_a_date(self) -> None:
        number = with_check("000229123")
        with pytest.raises(ValidationError, match=r"^pnr\.no_date$"):
            parse_identity_number(number[:6] + "+" + number[6:], TODAY)

    def test_leap_day_in_common_year(self) -> None:
        with pytest.raises(ValidationError, match=r"^pnr\.no_date$"):
            parse_identity_number(with_check("230229123"), TODAY)


@given(st.dates(min_value=date(1901, 1, 1), max_value=TODAY), st.integers(1, 999), st.booleans())
def test_agrees_with_the_personnummer_package(birth: date, serial: int, coordination: bool) -> None:
    day = birth.day + (60 if coordination else 0)
    body = f"{birth:%y%m}{day:02d}{serial:03d}"
    full = f"{birth.year}{body[2:]}{luhn_check_digit(body)}"
    ours = parse_identity_number(full, TODAY)
    theirs = reference.Personnummer(full)
    assert ours.value.replace("-", "") == theirs.format(True)
    assert ours.is_coordination == theirs.is_coordination_number()
    assert ours.birth_date == birth


@given(st.text(max_size=20))
def test_arbitrary_text_raises_only_validation_error(text: str) -> None:
    with contextlib.suppress(ValidationError):
        parse_identity_number(text, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"), [("21145", "211 45"), ("211 45", "211 45"), (" SE-211 45 ", "211 45")]
)
def test_postcode(text: str, expected: str) -> None:
    assert parse_postcode(text) == expected


@pytest.mark.parametrize("text", ["2114", "211456", "ABC DE", "011 45", "２１１４５"])
def test_bad_postcode(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_postcode(text)
    assert caught.value.field == "postcode"


@pytest.mark.parametrize(
    ("text", "e164", "display"),
    [
        ("070-123 45 67", "+46701234567", "070-123 45 67"),
        ("0701234567", "+46701234567", "070-123 45 67"),
        ("+46 70 123 45 67", "+46701234567", "070-123 45 67"),
        ("+46 (0)70-123 45 67", "+46701234567", "070-123 45 67"),
        ("0046701234567", "+46701234567", "070-123 45 67"),
        ("040-12 34 56", "+4640123456", "040-12 34 56"),
        ("08-123 456 78", "+46812345678", "08-123 456 78"),
        ("0480-123 45", "+4648012345", "0480-123 45"),
        ("010-123 45 67", "+46101234567", "010-123 45 67"),
        ("+47 22 12 34 56", "+4722123456", "+4722123456"),
    ],
)
def test_phone(text: str, e164: str, display: str) -> None:
    phone = parse_phone(text)
    assert (phone.e164, phone.display) == (e164, display)


@pytest.mark.parametrize(
    "text", ["070-123", "hej", "701234567", "+46 0701234567", "+", "07012345678901"]
)
def test_bad_phone(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_phone(text)


def test_dates() -> None:
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    assert parse_date("20240229") == date(2024, 2, 29)
    with pytest.raises(ValidationError, match=r"^date\.not_in_calendar$"):
        parse_date("2023-02-29")
    with pytest.raises(ValidationError, match=r"^date\.format$"):
        parse_date("29/2/2024")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", True),
        ("JA", True),
        ("x", True),
        ("1", True),
        ("true", True),
        ("nej", False),
        ("", False),
        ("0", False),
        ("False", False),
        (" X ", True),
    ],
)
def test_yes_no(text: str, expected: bool) -> None:
    assert parse_yes_no(text) is expected


def test_yes_no_rejects_other_words() -> None:
    with pytest.raises(ValidationError, match=r"^value\.yes_no$"):
        parse_yes_no("kanske", field="tolk")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("misstänkt", "suspect"),
        ("Dömd", "convicted"),
        ("brottsoffer", "victim"),
        ("ANHÖRIG", "relative"),
        ("övrig", "other"),
        ("", "other"),
        ("ovrig", "other"),
    ],
)
def test_category(text: str, code: str) -> None:
    assert parse_category(text) == code


def test_unknown_category() -> None:
    with pytest.raises(ValidationError, match=r"^category\.unknown$") as caught:
        parse_category("ledare")
    assert caught.value.params == {"category": "ledare"}


class TestNames:
    @pytest.mark.parametrize(
        ("a", "b"),
        [
            ("Mohammed Ali", "Muhammad Ali"),
            ("Youssef Hassan", "Jusuf Hasan"),
            ("Anna Svensson", "SVENSSON anna"),
            ("Åsa Öberg", "Asa Oberg"),
            ("Ahmed Abdi", "Ahmad Abdi"),
            ("Søren Ærø", "Soren Aero"),
            ("Anna Maria Svensson", "Anna Svensson"),
        ],
    )
    def test_similar(self, a: str, b: str) -> None:
        assert names_similar(a, b)

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            ("Ali Omar", "Ali Osman"),
            ("Lina Berg", "Nils Berg"),
            ("Adam Ek", "Adam Berg"),
            ("", "Bo"),
        ],
    )
    def test_not_similar(self, a: str, b: str) -> None:
        assert not names_similar(a, b)

    def test_normalise_name(self) -> None:
        assert normalise_name("  Öberg,  Åsa ") == "asa obarg"

    @given(st.text(max_size=30), st.text(max_size=30))
    def test_similarity_is_symmetric_and_bounded(self, a: str, b: str) -> None:
        value = similarity(a, b)
        assert 0.0 <= value <= 1.0
        assert value == pytest.approx(similarity(b, a))
