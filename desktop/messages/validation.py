"""Words for the validation error codes: code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "key.rotation_on_server": (
        "På servern finns ingen filnyckel att byta; nycklarna i avdelningarna byts inte.",
        "The server has no file key to rotate; the compartment keys are not rotated.",
    ),
    "text.too_long": (
        "Texten får ha högst {limit} tecken.",
        "The text may have at most {limit} characters.",
    ),
}
