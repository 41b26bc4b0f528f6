"""Compartmented notes, disclosures, the audit log, retention rules, templates, settings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Versioned, enum_column, utcnow
from desktop.models.enums import LegalBasis, NoteKind, NoteSection, RetentionCategory


class Note(Versioned, Base):
    """Free text owned by one agency, stored encrypted with that agency's compartment key.

    ``ciphertext`` is AES-256-GCM over the text; the database never holds the plaintext,
    so a user of another agency reads nothing even from the raw file.
    """

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int | None] = mapped_column(ForeignKey("group_.id", ondelete="CASCADE"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"))
    kind: Mapped[NoteKind] = mapped_column(enum_column(NoteKind), default=NoteKind.FACT)
    section: Mapped[NoteSection] = mapped_column(
        enum_column(NoteSection), default=NoteSection.GENERAL
    )
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    key_version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    disclosed_from_id: Mapped[int | None] = mapped_column(ForeignKey("note.id"))


class Disclosure(Base):
    """A note shared with another agency (utlämnande), with its legal basis."""

    __tablename__ = "disclosure"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_note_id: Mapped[int] = mapped_column(ForeignKey("note.id"))
    copy_note_id: Mapped[int] = mapped_column(ForeignKey("note.id"))
    from_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    to_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    legal_basis: Mapped[LegalBasis] = mapped_column(enum_column(LegalBasis))
    legal_basis_text: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """One entry of the tamper-evident log: ids and codes only, never names or free text.

    ``entry_hash`` = HMAC(audit key, previous hash ‖ canonical fields); triggers refuse
    UPDATE and DELETE.
    """

    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None]
    role: Mapped[str | None] = mapped_column(String(32))
    agency_id: Mapped[int | None]
    workstation: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48), index=True)
    object_type: Mapped[str | None] = mapped_column(String(32))
    object_ids: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str | None] = mapped_column(String(48))
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    # Local file (issue 15): "<signer user id>:<Ed25519 signature, base64>" of the
    # entry's hash by the user who wrote it; NULL on entries from before 0007 and on a
    # server (whose log the server itself authenticates).
    signature: Mapped[str | None] = mapped_column(Text, default=None)


class RetentionRule(Versioned, Base):
    __tablename__ = "retention_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[RetentionCategory] = mapped_column(enum_column(RetentionCategory))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))
    keep_days: Mapped[int]
    legal_text: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class RetentionLedger(Base):
    """One record deleted by retention: its table and id, never a name (issue 15).

    A restore of an older backup deletes these again (desktop.services.security.ledger).
    """

    __tablename__ = "retention_ledger"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    deleted_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Template(Base):
    """Programme text (the message, opening line, contacts). Each edit is a new version."""

    __tablename__ = "template"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class SignedRecord(Base):
    """The trust root's signature of one record (issue 15, migration 0007).

    ``kind`` is ``installation``, ``user``, ``agency`` or ``agency_key``; ``ref`` the
    record's id (an agency's code for a key). A user's row also carries their signing
    public key. ``signature`` is NULL until an administrator has signed the record
    (a database upgraded from before 0007, until the first administrator login).
    """

    __tablename__ = "signed_record"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), primary_key=True)
    public_key: Mapped[str | None] = mapped_column(Text, default=None)
    signature: Mapped[str | None] = mapped_column(Text, default=None)


class Setting(Base):
    """Installation-wide settings kept in the database (administrator's choices)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)


class PrintRecord(Base):
    """Every print and export, numbered: the serial printed on the paper."""

    __tablename__ = "print_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    object_ids: Mapped[str] = mapped_column(Text, default="")
    template_versions: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
