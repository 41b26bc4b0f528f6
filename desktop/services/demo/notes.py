"""Notes in each agency's compartment, encrypted with that agency's key; templates."""

from __future__ import annotations

import datetime as dt
import random

from desktop.models import Note, NoteKind, NoteSection, Template, VisitStatus
from desktop.services.demo import texts
from desktop.services.demo.fieldwork import Fieldwork
from desktop.services.demo.mapping import Mapped
from desktop.services.demo.sink import Sink
from desktop.services.security.notes import seal_note
from desktop.store.compartment import CompartmentCipher


def _stamp(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def build_notes(
    sink: Sink,
    rng: random.Random,
    today: dt.date,
    m: Mapped,
    work: Fieldwork,
    agency_ids: dict[str, int],
    users: dict[str, int],
    ciphers: dict[str, CompartmentCipher],
) -> None:
    """Notes in each agency's compartment, encrypted with that agency's key."""
    shares = {"police": 0.4, "social": 0.3, "probation": 0.15}
    author = {
        "police": "handlaggare.polis",
        "social": "handlaggare.soc",
        "probation": "handlaggare.kriminalvarden",
    }

    def note(
        code: str,
        text: str,
        section: NoteSection,
        day: dt.date,
        person_id: int,
        visit_id: int | None = None,
    ) -> None:
        nid = sink.next_id(Note)
        sink.add(
            Note,
            {
                "id": nid,
                "agency_id": agency_ids[code],
                "person_id": person_id,
                "group_id": None,
                "visit_id": visit_id,
                "kind": NoteKind.ASSESSMENT if text.startswith("Bedömning") else NoteKind.FACT,
                "section": section,
                "ciphertext": seal_note(ciphers[code], nid, text),
                "key_version": 1,
                "created_by": users.get(author[code]),
                "created_at": _stamp(day, 16),
                "disclosed_from_id": None,
                "version": 1,
            },
        )

    for pid in m.person_ids:
        for code, share in shares.items():
            if rng.random() < share:
                text = rng.choice(texts.NOTE_TEXTS[code])
                safety = "Hund" in text or "risk" in text or "känd" in text
                note(
                    code,
                    text,
                    NoteSection.SAFETY if safety else NoteSection.GENERAL,
                    today - dt.timedelta(days=rng.randint(1, 400)),
                    pid,
                )
    for v in work.visits:
        if v.status is VisitStatus.MET:
            note(
                "social",
                rng.choice(texts.RESPONSES),
                NoteSection.VISIT,
                v.starts_at.date(),
                v.person_id,
                v.id,
            )


def build_templates(sink: Sink, admin_id: int, now: dt.datetime) -> None:
    for key, body in texts.TEMPLATES.items():
        sink.add(
            Template,
            {
                "id": sink.next_id(Template),
                "key": key,
                "version": 1,
                "body": body,
                "created_at": now,
                "created_by": admin_id,
            },
        )
