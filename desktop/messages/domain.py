"""Words for the general domain error codes: code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "domain.refused": (
        "Åtgärden kunde inte utföras.",
        "The action could not be completed.",
    ),
    "permission.denied": (
        "Du har inte behörighet att göra detta.",
        "You are not permitted to do this.",
    ),
    "record.conflict": (
        "Någon annan har ändrat posten medan du arbetade. Läs in den igen.",
        "Someone else changed the record while you were working. Reload it.",
    ),
    "record.not_found": (
        "Posten finns inte längre.",
        "The record no longer exists.",
    ),
    "session.reauthenticate": (
        "Ange ditt lösenord igen för att fortsätta.",
        "Enter your password again to continue.",
    ),
    "validation.invalid": (
        "Uppgifterna kan inte sparas.",
        "The details cannot be saved.",
    ),
}
