"""Fictitious identity numbers and phone numbers for the demo."""

from __future__ import annotations

import datetime as dt
import random

from desktop.services.validation import luhn_check_digit

# PTS keeps these mobile numbers for fiction (film, books, examples): never a real line.
FICTION_PHONES: tuple[str, ...] = tuple(f"070-174 06 {n:02d}" for n in range(5, 100))


def personnummer(rng: random.Random, birth: dt.date, male: bool = True) -> str:
    """A well-formed personnummer ``ÅÅÅÅMMDD-NNNK`` with a correct Luhn check digit.

    The third serial digit is odd for men and even for women, as Skatteverket issues
    them. The numbers are random, so the dataset is marked fictitious (Setting
    ``demo_dataset``); no samordningsnummer is generated.
    """
    serial = f"{rng.randint(0, 99):02d}{rng.choice('13579' if male else '02468')}"
    if serial == "000":
        serial = "001"
    short = birth.strftime("%y%m%d") + serial
    return f"{birth:%Y%m%d}-{serial}{luhn_check_digit(short)}"


def phone(rng: random.Random) -> str:
    return rng.choice(FICTION_PHONES)
