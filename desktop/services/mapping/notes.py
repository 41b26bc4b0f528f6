"""The profile's "notes of my agency" section, behind a small interface.

The compartment-note service (security) decrypts notes with the user's agency key; the
profile only needs "the notes of this person that I may read". Until that service is
wired in, :class:`NoAgencyNotes` says honestly that none can be shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class AgencyNoteRow:
    id: int
    created_at: dt.datetime
    kind: str
    section: str
    text: str


class AgencyNotesSource(Protocol):
    """Reads the notes of the user's own agency about one person (decrypted, audited)."""

    available: bool

    def notes_for_person(self, person_id: int) -> list[AgencyNoteRow]: ...


class NoAgencyNotes:
    """Stand-in until the compartment-note service is connected."""

    available = False

    def notes_for_person(self, person_id: int) -> list[AgencyNoteRow]:
        return []
