"""Parsing and validation of Swedish input values.

Every parser takes the raw text a user typed (or a spreadsheet held) and either
returns a normalised value or raises :class:`ValidationError` with one Swedish
sentence and the name of the field. No database, no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.services.errors import ValidationError
from desktop.services.names import fold

__all__ = [
    "CATEGORY_CODES",
    "DISPLAY_NAME_MAX",
    "GROUP_NAME_MAX",
    "NAME_MAX",
    "PERSON_NAME_MAX",
    "USERNAME_MAX",
    "IdentityNumber",
    "PhoneNumber",
    "check_account_names",
    "check_first_administrator",
    "check_name",
    "check_username",
    "parse_category",
    "parse_date",
    "parse_identity_number",
    "parse_phone",
    "parse_postcode",
    "parse_yes_no",
]

# --- names ----------------------------------------------------------------------------

# The lengths of the columns that hold names (desktop/models; ``str`` is String(200)).
# Longer text is refused here, in one sentence, instead of being kept by SQLite past
# its column or refused by PostgreSQL with an error no user can read.
USERNAME_MAX = 64
DISPLAY_NAME_MAX = 200
PERSON_NAME_MAX = 100
GROUP_NAME_MAX = 100
NAME_MAX = 200  # operations, teams, staff members and other named things
USERNAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-")
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


def check_name(
    text: str, field: str, maximum: int = NAME_MAX, missing: str = "name.missing"
) -> str:
    """``text`` stripped, or ValidationError when empty, too long or holding control
    characters (a line break in a name breaks lists, paper and the audit detail).
    ``missing`` is the error code for an empty name."""
    value = text.strip()
    if not value:
        raise ValidationError(missing, field=field)
    if len(value) > maximum:
        raise ValidationError("name.too_long", field=field, limit=maximum)
    if _CONTROL_CHARS.search(value):
        raise ValidationError("name.control_chars", field=field)
    return value


def check_username(text: str, field: str = "username") -> str:
    """A user name: a–z, digits, ``.``, ``_`` and ``-``, at most 64 characters."""
    value = text.strip().lower()
    if len(value) > USERNAME_MAX:
        raise ValidationError("username.too_long", field=field, limit=USERNAME_MAX)
    if not value or not set(value) <= USERNAME_CHARS:
        raise ValidationError("username.bad_chars", field=field)
    return value


def check_account_names(username: str, display_name: str) -> tuple[str, str]:
    """A new account's user name and display name, both checked."""
    return check_username(username), check_name(
        display_name, "display_name", DISPLAY_NAME_MAX, "account.display_name_missing"
    )


def check_first_administrator(username: str, display_name: str) -> tuple[str, str]:
    """The names ``init`` and the first-run wizard give the first administrator.

    Their user name has always been free text (``Ada Lind`` logs in as typed), so
    only its length and characters are checked here, not the a–z rule of later
    accounts.
    """
    name = check_name(username, "admin", USERNAME_MAX, "account.admin_name_missing")
    return name, check_name(
        display_name, "display_name", DISPLAY_NAME_MAX, "account.display_name_missing"
    )


# --- personnummer / samordningsnummer -------------------------------------------------

_IDENTITY_RE = re.compile(r"^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$")
# Skatteverket: a samordningsnummer is a personnummer whose day is raised by 60.
_COORDINATION_OFFSET = 60


@dataclass(frozen=True, slots=True)
class IdentityNumber:
    """A checked personnummer or samordningsnummer.

    Attributes:
        value: Normalised ``ÅÅÅÅMMDD-NNNN`` (the day keeps the +60 of a
            samordningsnummer, as Skatteverket writes it).
        birth_date: The real birth date (day minus 60 for a samordningsnummer).
        is_coordination: True for a samordningsnummer.
    """

    value: str
    birth_date: date
    is_coordination: bool

    def __repr__(self) -> str:
        # Keep full numbers out of logs and tracebacks.
        return f"IdentityNumber({self.masked!r}, coordination={self.is_coordination})"

    @property
    def masked(self) -> str:
        """``ÅÅÅÅMMDD-****``: the form shown in lists and on paper."""
        return self.value[:9] + "****"

    def __str__(self) -> str:
        return self.masked


def luhn_check_digit(digits: str) -> int:
    """The Luhn check digit of ``digits`` (weights 2,1,2,1… from the left)."""
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def _resolve_century(yy: int, month: int, day: int, plus: bool, today: date) -> int:
    """The full year for a two-digit year, as Skatteverket defines it.

    With ``-`` the person is younger than 100 on ``today``: the latest year
    ending in ``yy`` whose date is not after today. ``+`` marks 100 or older.
    Tuples rather than dates are compared so that 29 February can be resolved
    before we know whether the year is a leap year.
    """
    year = today.year - (today.year - yy) % 100
    if (year, month, day) > (today.year, today.month, today.day):
        year -= 100
    return year - 100 if plus else year


def parse_identity_number(
    text: str, today: date | None = None, field: str = "identity_number"
) -> IdentityNumber:
    """Parse a personnummer or samordningsnummer.

    Accepts ``ÅÅÅÅMMDD-NNNN``, ``ÅÅÅÅMMDDNNNN``, ``ÅÅMMDD-NNNN``,
    ``ÅÅMMDDNNNN`` and ``ÅÅMMDD+NNNN`` (100 years or older).

    Args:
        text: The raw value; surrounding spaces are ignored.
        today: The reference day for two-digit years (defaults to today).
        field: Field name carried by a raised error.

    Raises:
        ValidationError: Wrong form, impossible date, future date or wrong
            check digit.
    """
    today = today or date.today()
    raw = "".join(text.split())
    match = _IDENTITY_RE.match(raw)
    if match is None:
        raise ValidationError("pnr.format", field=field)
    century, yy_s, mm_s, dd_s, sign, serial, check = match.groups()
    if century is not None and sign == "+":
        raise ValidationError("pnr.plus_needs_short_year", field=field)
    month, coded_day = int(mm_s), int(dd_s)
    is_coordination = coded_day > _COORDINATION_OFFSET
    day = coded_day - _COORDINATION_OFFSET if is_coordination else coded_day
    if century is not None:
        year = int(century + yy_s)
    else:
        year = _resolve_century(int(yy_s), month, day, sign == "+", today)
    try:
        birth_date = date(year, month, day)
    except ValueError:
        raise ValidationError("pnr.no_date", field=field) from None
    if birth_date > today:
        raise ValidationError("pnr.birth_in_future", field=field)
    if serial == "000":
        # Skatteverket never issues birth number 000.
        raise ValidationError("pnr.serial_zero", field=field)
    if luhn_check_digit(yy_s + mm_s + dd_s + serial) != int(check):
        raise ValidationError("pnr.checksum", field=field)
    value = f"{year:04d}{mm_s}{dd_s}-{serial}{check}"
    return IdentityNumber(value=value, birth_date=birth_date, is_coordination=is_coordination)


# --- postcode, phone, date, yes/no, category ------------------------------------------


def parse_postcode(text: str, field: str = "postcode") -> str:
    """``NNN NN``, ``NNNNN`` or ``SE-NNN NN`` → ``NNN NN``.

    Raises:
        ValidationError: Not five digits, or a leading zero (no Swedish
            postcode starts with 0).
    """
    raw = "".join(text.split()).upper()
    raw = raw.removeprefix("SE-").removeprefix("S-")
    if not (len(raw) == 5 and raw.isascii() and raw.isdigit()):
        raise ValidationError("postcode.format", field=field)
    if raw[0] == "0":
        raise ValidationError("postcode.leading_zero", field=field)
    return f"{raw[:3]} {raw[3:]}"


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A phone number: ``e164`` (``+46701234567``) for storage, ``display`` for people."""

    e164: str
    display: str


# Two-digit Swedish area codes (after the trunk 0); 8 is Stockholm, 7x mobiles,
# 10 and 20 non-geographic numbers.
_TWO_DIGIT_AREAS = frozenset(
    "10 20 11 13 16 18 19 21 23 26 31 33 35 36 40 42 44 46 54 60 63 90".split()  # noqa: SIM905
)


def _group_subscriber(digits: str) -> str:
    # Svensk standard SS 014221 groups from the right in pairs, a triple first.
    patterns = {5: (3, 2), 6: (2, 2, 2), 7: (3, 2, 2), 8: (3, 3, 2)}
    sizes = patterns.get(len(digits))
    if sizes is None:
        return digits
    parts, start = [], 0
    for size in sizes:
        parts.append(digits[start : start + size])
        start += size
    return " ".join(parts)


def parse_phone(text: str, field: str = "phone") -> PhoneNumber:
    """Swedish (``070-123 45 67``, ``040-12 34 56``, ``+46 70…``) or international numbers.

    Raises:
        ValidationError: Letters, or a number of digits no phone number has.
    """
    raw = re.sub(r"[\s\-./()]", "", text.replace("(0)", ""))
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    digits = raw.removeprefix("+")
    if not digits or not (digits.isascii() and digits.isdigit()):
        raise ValidationError("phone.chars", field=field)
    if raw.startswith("+") and not raw.startswith("+46"):
        if not 7 <= len(digits) <= 15:
            raise ValidationError("phone.digit_count", field=field)
        return PhoneNumber(e164=raw, display=raw)
    if raw.startswith("+46"):
        national = digits[2:]
    elif raw.startswith("0"):
        national = digits[1:]
    else:
        raise ValidationError("phone.prefix", field=field)
    if not 7 <= len(national) <= 9 or national.startswith("0"):
        raise ValidationError("phone.digit_count", field=field)
    if national[0] in "78":
        area_len = 2 if national[0] == "7" else 1
    else:
        area_len = 2 if national[:2] in _TWO_DIGIT_AREAS else 3
    display = f"0{national[:area_len]}-{_group_subscriber(national[area_len:])}"
    return PhoneNumber(e164="+46" + national, display=display)


_DATE_RE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")


def parse_date(text: str, field: str = "date") -> date:
    """``ÅÅÅÅ-MM-DD`` or ``ÅÅÅÅMMDD`` → date.

    Raises:
        ValidationError: Another form, or a day that does not exist.
    """
    match = _DATE_RE.match(text.strip())
    if match is None:
        raise ValidationError("date.format", field=field)
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise ValidationError("date.not_in_calendar", field=field) from None


_YES = frozenset({"ja", "j", "x", "1", "true", "sant", "yes", "y"})
_NO = frozenset({"nej", "n", "", "0", "false", "falskt", "no", "-"})


def parse_yes_no(text: str, field: str = "yes_no") -> bool:
    """ja/nej, x/tomt, 1/0, true/false (any case) → bool.

    Raises:
        ValidationError: Any other value.
    """
    key = text.strip().casefold()
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValidationError("value.yes_no", field=field)


CATEGORY_CODES: tuple[str, ...] = ("suspect", "convicted", "victim", "relative", "other")
_CATEGORY_WORDS = {
    "misstankt": "suspect",
    "domd": "convicted",
    "brottsoffer": "victim",
    "offer": "victim",
    "anhorig": "relative",
    "ovrig": "other",
    "ovriga": "other",
} | {code: code for code in CATEGORY_CODES}


def parse_category(text: str, field: str = "category") -> str:
    """misstänkt, dömd, brottsoffer, anhörig, övrig (empty → övrig) → a category code.

    Raises:
        ValidationError: An unknown word.
    """
    key = fold(text.strip())
    if not key:
        return "other"
    code = _CATEGORY_WORDS.get(key)
    if code is None:
        raise ValidationError("category.unknown", field=field, category=text.strip())
    return code
