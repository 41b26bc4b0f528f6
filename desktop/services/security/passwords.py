"""Password policy: at least 12 characters, no composition rules, no common or context words.

Following NIST SP 800-63B: length matters, composition rules do not; a password is
refused when it is (or is built only from) a common password or a word from the
context — the programme, the agencies, the user's own names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

from desktop.services.errors import ValidationError

MIN_LENGTH = 12
PROGRAMME_WORDS = (
    "rondplan",
    "slutaskjut",
    "gvi",
    "grupvåld",
    "gruppvåld",
    "polisen",
    "polis",
    "socialtjänsten",
    "socialtjanst",
    "socialtjänst",
    "kriminalvården",
    "kriminalvarden",
    "hembesök",
    "insats",
    "stormöte",
)


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, normalised."""
    text = (
        resources.files("desktop.services.security")
        .joinpath("resources/common_passwords.txt")
        .read_text(encoding="utf-8")
    )
    words = (line.strip() for line in text.splitlines())
    return frozenset(_core(w) for w in words if w and not w.startswith("#"))


def _core(text: str) -> str:
    """Lower case, NFC, without spaces and without digits/punctuation at either end.

    So "Sommar2026!" and "sommar" compare equal: appending a year or a symbol to a
    common word does not make it a new password.
    """
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"\s+", "", text)
    return re.sub(r"^[\W\d_]+|[\W\d_]+$", "", text)


def _fragments(text: str) -> set[str]:
    parts = {_core(p) for p in re.split(r"[\s._@-]+", text) if p}
    return {p for p in parts if len(p) >= 3} | ({_core(text)} if _core(text) else set())


def check_password(password: str, context: Iterable[str] = ()) -> None:
    """Raise ValidationError (field "password") if ``password`` breaks the policy.

    Args:
        password: The proposed password.
        context: Context words: user name, display name, agency names, programme names.
    """
    if len(password) < MIN_LENGTH:
        raise ValidationError("password.too_short", field="password", minimum=MIN_LENGTH)
    core = _core(password)
    if not core or core in common_passwords():
        raise ValidationError("password.too_common", field="password")
    words: set[str] = set()
    for item in (*PROGRAMME_WORDS, *context):
        words |= _fragments(item)
    if core in words or _only_repeats_of(core, words | common_passwords()):
        raise ValidationError("password.is_a_name", field="password")
    if len(set(core)) <= 2:
        raise ValidationError("password.repeated", field="password")


def _only_repeats_of(core: str, words: set[str]) -> bool:
    """True if ``core`` is just one word repeated (e.g. "rondplanrondplan")."""
    for word in words:
        if word and len(core) % len(word) == 0 and word * (len(core) // len(word)) == core:
            return True
    return False
