"""Agency-compartment notes and disclosures (utlämnande).

A note's text is encrypted with its agency's compartment key and bound to its row
(the AES-GCM context is the note id). Queries only ever touch notes of compartments
the user holds, so a user of another agency gets nothing — not even that a note
exists, in a list or in a search. A disclosure seals a copy to the receiving agency's
public key (see ``desktop.store.sealed_box``): the discloser needs no key of theirs.
Every writer and reader of note text goes through ``seal_note`` / ``open_note`` here.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Agency, Disclosure, LegalBasis, Note, NoteKind, NoteSection, Setting
from desktop.services.changes import Changes
from desktop.services.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.mapping.notes import AgencyNoteRow
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store import crypto, sealed_box
from desktop.store.compartment import CompartmentCipher
from desktop.store.errors import TamperedRecord
from desktop.store.interface import KEY_SEALED_BOX, NoteDisclosure, Store

KEY_COMPARTMENT = 1
PUBLIC_KEY_SETTING = "agency_public_key:"
MAX_NOTE_CHARS = 20_000


@dataclass(frozen=True)
class NoteRow:
    id: int
    agency_code: str
    person_id: int | None
    group_id: int | None
    visit_id: int | None
    kind: NoteKind
    section: NoteSection
    text: str
    created_at: dt.datetime
    created_by: int | None
    disclosed_from_id: int | None


@dataclass(frozen=True)
class DisclosureRow:
    id: int
    source_note_id: int
    copy_note_id: int
    from_agency_code: str
    to_agency_code: str
    legal_basis: LegalBasis
    legal_basis_text: str | None
    reason: str
    user_id: int
    at: dt.datetime


def note_context(note_id: int) -> str:
    """The AES-GCM associated data binding a note's text to its row."""
    return f"note:{note_id}"


def seal_note(cipher: CompartmentCipher, note_id: int, text: str) -> bytes:
    """A note's text sealed with its agency's compartment key (``KEY_COMPARTMENT``).

    The note row must be flushed first: the ciphertext is bound to its id, so a text
    copied onto another row fails to open.
    """
    return cipher.encrypt(text, note_context(note_id))


def seal_note_for_agency(public_key: bytes, agency_code: str, note_id: int, text: str) -> bytes:
    """A disclosed copy's text sealed to the receiving agency's public key.

    The copy is stored with ``KEY_SEALED_BOX``; only that agency's key holders open it.
    """
    return sealed_box.seal_for_agency(public_key, agency_code, text, note_context(note_id))


def open_note(cipher: CompartmentCipher, note: Note) -> str | None:
    """A note's text, or None when it fails to authenticate (tampered: never shown)."""
    try:
        if note.key_version == KEY_SEALED_BOX:
            return cipher.open_box(note.ciphertext, note_context(note.id))
        return cipher.decrypt(note.ciphertext, note_context(note.id))
    except crypto.UnwrapError:
        return None


class NotesService:
    """Write, read, search and disclose compartmented notes for the unlocked user."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- agency public keys ----------------------------------------------------------
    def publish_agency_keys(self) -> Changes:
        """Store the public key of every compartment this user holds, if missing.

        Called at login; after that anyone can seal a disclosure to those agencies.
        """
        held = self._store.held_compartments()
        with UnitOfWork(self._store, "Publicera myndighetsnyckel") as uow:
            published = []
            for code in sorted(held):
                if uow.session.get(Setting, PUBLIC_KEY_SETTING + code) is not None:
                    continue
                cipher = self._store.compartment(code)
                assert cipher is not None
                value = base64.b64encode(cipher.public_key()).decode("ascii")
                uow.session.add(Setting(key=PUBLIC_KEY_SETTING + code, value=value))
                agency_id = uow.session.scalar(select(Agency.id).where(Agency.code == code))
                published.append(agency_id or 0)
            if published:
                uow.audit("agency_key.publish", "agency", published)
        return uow.changes

    # -- notes -----------------------------------------------------------------------
    def write_note(
        self,
        text: str,
        *,
        person_id: int | None = None,
        group_id: int | None = None,
        visit_id: int | None = None,
        kind: NoteKind = NoteKind.FACT,
        section: NoteSection = NoteSection.GENERAL,
    ) -> Changes:
        """A new note in the user's own agency compartment."""
        identity = self._store.identity
        require(identity, Action.NOTE_WRITE)
        cipher = self._store.compartment(identity.agency_code)
        if cipher is None:
            raise PermissionDenied("note.no_agency_key")
        text = text.strip()
        if not text:
            raise ValidationError("note.empty", field="text")
        if len(text) > MAX_NOTE_CHARS:
            raise ValidationError("note.too_long", field="text", limit=MAX_NOTE_CHARS)
        if person_id is None and group_id is None and visit_id is None:
            raise ValidationError("note.no_subject")
        with UnitOfWork(self._store, "Skriv anteckning") as uow:
            note = Note(
                agency_id=identity.agency_id,
                person_id=person_id,
                group_id=group_id,
                visit_id=visit_id,
                kind=kind,
                section=section,
                ciphertext=b"",
                key_version=KEY_COMPARTMENT,
                created_by=identity.user_id,
            )
            uow.session.add(note)
            uow.session.flush()
            note.ciphertext = seal_note(cipher, note.id, text)
            uow.audit("note.create", "note", [note.id])
            uow.touched("note", note.id)
            if person_id is not None:
                uow.touched("person", person_id)
        return uow.changes

    def notes_for_person(self, person_id: int) -> list[NoteRow]:
        """The person's notes in the compartments this user holds (newest first)."""
        require(self._store.identity, Action.NOTE_READ)
        with UnitOfWork(self._store, "Läs anteckningar") as uow:
            rows = self._readable(uow.session, Note.person_id == person_id)
            uow.audit("note.read", "person", [person_id])
        return rows

    def read_note(self, note_id: int) -> NoteRow:
        """One note; NotFound both when it does not exist and when it is not readable."""
        require(self._store.identity, Action.NOTE_READ)
        with UnitOfWork(self._store, "Läs anteckning") as uow:
            rows = self._readable(uow.session, Note.id == note_id)
            if not rows:
                raise NotFound()
            uow.audit("note.read", "note", [note_id])
        return rows[0]

    def search_notes(self, word: str) -> list[NoteRow]:
        """Notes containing ``word`` (case-insensitive) among the readable ones.

        Text is only decrypted in memory; other agencies' notes are never fetched,
        so a word found only there gives the same answer as a word found nowhere.
        """
        require(self._store.identity, Action.SEARCH)
        needle = word.strip().casefold()
        if not needle:
            return []
        with UnitOfWork(self._store, "Sök i anteckningar") as uow:
            rows = [r for r in self._readable(uow.session, None) if needle in r.text.casefold()]
            uow.audit("note.search", "note")
        return rows

    def _readable(self, session: Session, condition: object) -> list[NoteRow]:
        held = self._store.held_compartments()
        if not held:
            return []
        query = (
            select(Note, Agency.code)
            .join(Agency, Agency.id == Note.agency_id)
            .where(Agency.code.in_(sorted(held)))
            .order_by(Note.created_at.desc(), Note.id.desc())
        )
        if condition is not None:
            query = query.where(condition)  # type: ignore[arg-type]
        rows = []
        for note, code in session.execute(query):
            cipher = self._store.compartment(code)
            if cipher is None:
                continue
            text = open_note(cipher, note)
            if text is None:
                continue
            rows.append(
                NoteRow(
                    note.id,
                    code,
                    note.person_id,
                    note.group_id,
                    note.visit_id,
                    note.kind,
                    note.section,
                    text,
                    note.created_at,
                    note.created_by,
                    note.disclosed_from_id,
                )
            )
        return rows

    # -- disclosures -----------------------------------------------------------------
    def disclose(
        self,
        note_id: int,
        to_agency_code: str,
        legal_basis: LegalBasis,
        reason: str,
        legal_basis_text: str | None = None,
    ) -> Changes:
        """Copy a readable note into another agency's compartment, with its legal basis."""
        identity = self._store.identity
        require(identity, Action.NOTE_DISCLOSE)
        reason = reason.strip()
        if not reason:
            raise ValidationError("disclosure.reason_missing", field="reason")
        other = (legal_basis_text or "").strip() or None
        if legal_basis is LegalBasis.OTHER and not other:
            raise ValidationError("disclosure.legal_basis_missing", field="legal_basis_text")
        try:
            return self._disclose(note_id, to_agency_code, legal_basis, reason, other)
        except TamperedRecord:
            # Refused, and logged in a unit of its own (the disclosure's rolled back).
            with UnitOfWork(self._store, "Vägrat utlämnande") as alarm:
                alarm.audit("integrity.alarm", "note", [note_id], detail="agency_key")
            raise

    def _disclose(
        self,
        note_id: int,
        to_agency_code: str,
        legal_basis: LegalBasis,
        reason: str,
        other: str | None,
    ) -> Changes:
        identity = self._store.identity
        with UnitOfWork(self._store, "Lämna ut anteckning") as uow:
            session = uow.session
            found = self._readable(session, Note.id == note_id)
            if not found:
                raise NotFound()
            source = found[0]
            target = session.scalars(select(Agency).where(Agency.code == to_agency_code)).first()
            if target is None:
                raise ValidationError("disclosure.recipient_unknown", field="to_agency")
            if target.code == source.agency_code:
                raise ValidationError("disclosure.already_there", field="to_agency")
            published = session.get(Setting, PUBLIC_KEY_SETTING + target.code)
            if published is None:
                raise ValidationError("disclosure.recipient_no_key", field="to_agency")
            _check_signed_key(self._store, session, target, published.value)
            public = base64.b64decode(str(published.value))
            source_agency_id = session.scalar(
                select(Agency.id).where(Agency.code == source.agency_code)
            )

            def seal(copy_id: int) -> bytes:
                return seal_note_for_agency(public, target.code, copy_id, source.text)

            # On a server, row-level security refuses this user a row of the receiving
            # agency: the store writes both through the server's checked function.
            copy_id, disclosure_id = self._store.sql.disclose_note(
                session,
                NoteDisclosure(
                    source_id=source.id,
                    person_id=source.person_id,
                    group_id=source.group_id,
                    visit_id=source.visit_id,
                    kind=source.kind,
                    section=source.section,
                    from_agency_id=source_agency_id,
                    to_agency_id=target.id,
                    legal_basis=legal_basis,
                    legal_basis_text=other,
                    reason=reason,
                    user_id=identity.user_id,
                ),
                seal,
            )
            uow.audit(
                "note.disclose",
                "note",
                [source.id, copy_id],
                purpose=legal_basis.value,
                detail=f"disclosure={disclosure_id};to_agency={target.id}",
            )
            uow.touched("note", source.id, copy_id)
        return uow.changes

    def disclosures(self) -> list[DisclosureRow]:
        """Disclosures from or to the user's agency (the register of utlämnanden)."""
        require(self._store.identity, Action.NOTE_READ)
        agency_id = self._store.identity.agency_id
        with self._store.read_session() as session:
            codes = dict(session.execute(select(Agency.id, Agency.code)).all())
            found = session.scalars(
                select(Disclosure)
                .where(
                    (Disclosure.from_agency_id == agency_id)
                    | (Disclosure.to_agency_id == agency_id)
                )
                .order_by(Disclosure.at.desc())
            ).all()
            return [
                DisclosureRow(
                    d.id,
                    d.source_note_id,
                    d.copy_note_id,
                    codes[d.from_agency_id],
                    codes[d.to_agency_id],
                    d.legal_basis,
                    d.legal_basis_text,
                    d.reason,
                    d.user_id,
                    d.at,
                )
                for d in found
            ]


class ProfileNotes:
    """The mapping profile's "notes of my agency" source (see services.mapping.notes)."""

    available = True

    def __init__(self, notes: NotesService) -> None:
        self._notes = notes

    @property
    def service(self) -> NotesService:
        """The notes service itself, for writing and disclosing from the profile."""
        return self._notes

    def notes_for_person(self, person_id: int) -> list[AgencyNoteRow]:
        return [
            AgencyNoteRow(r.id, r.created_at, r.kind.value, r.section.value, r.text)
            for r in self._notes.notes_for_person(person_id)
        ]


def _check_signed_key(store: Store, session: Session, target: Agency, value: object) -> None:
    """A local file's agency and its public key must be the trust root's (issue 15).

    Raises TamperedRecord for a key someone swapped in the file (the note would go to
    whoever holds the swapped key's private half), ValidationError for a key published
    after the trust root's last signing (an administrator's next login signs it).
    """
    from desktop.services.security.integrity import signed_file
    from desktop.store import trust

    if not signed_file(store):
        return
    records = trust.load(session, store.database_id, None)
    if records.legacy:
        return
    records.check_agency(target)
    if target.code not in records.signed_agency_keys:
        raise ValidationError("note.recipient_key_unsigned", field="to_agency")
    records.check_agency_key(target.code, value)
