"""Violent incidents (händelser), who was involved, their corrections and the response.

An incident's description is sealed in the recording agency's compartment
(``description_cipher``, desktop.services.incidents.sealing); everything else is a code,
a count, a date or a link, which every role that reads incidents may see. A person's
link other than ``suspected`` (a victim, an injured person, a witness) is sealed in the
recording agency's compartment too (``IncidentPersonSealed``, migration 0019): another
agency's insider with the raw file cannot tell who it names. Links are never moved by a
merge: readers resolve ``Person.merged_into_id`` when they read.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Timestamped, Versioned, enum_column, utcnow
from desktop.models.enums import (
    Certainty,
    IncidentKind,
    IncidentRole,
    IncidentSide,
    ResponseStatus,
)


class Incident(Versioned, Timestamped, Base):
    """One incident: a shooting, an explosion, a stabbing, a threat…"""

    __tablename__ = "incident"
    # The evaluation counts a period's incidents by kind from the index alone.
    __table_args__ = (Index("ix_incident_period", "occurred_at", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Polisens diarienummer (e.g. "5000-K123456-26"): unique, the import's duplicate key.
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[IncidentKind] = mapped_column(enum_column(IncidentKind))
    certainty: Mapped[Certainty] = mapped_column(
        enum_column(Certainty), default=Certainty.CONFIRMED
    )
    # Wall-clock time in Europe/Stockholm, as the police list gives it.
    occurred_at: Mapped[dt.datetime] = mapped_column(index=True)
    district: Mapped[str] = mapped_column(String(80), default="", index=True)
    injured: Mapped[int] = mapped_column(Integer, default=0)
    killed: Mapped[int] = mapped_column(Integer, default=0)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    description_cipher: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    groups: Mapped[list[IncidentGroup]] = relationship(
        cascade="all, delete-orphan", order_by="IncidentGroup.id"
    )
    persons: Mapped[list[IncidentPerson]] = relationship(
        cascade="all, delete-orphan", order_by="IncidentPerson.id"
    )
    sealed_persons: Mapped[list[IncidentPersonSealed]] = relationship(
        cascade="all, delete-orphan", order_by="IncidentPersonSealed.id"
    )


class IncidentGroup(Base):
    """A group involved in an incident, on one side, with the link's source and certainty."""

    __tablename__ = "incident_group"
    __table_args__ = (
        Index("ix_incident_group_group", "group_id", "incident_id", "side"),
        Index("ix_incident_group_incident", "incident_id", "group_id", "side"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("group_.id", ondelete="CASCADE"))
    side: Mapped[IncidentSide] = mapped_column(enum_column(IncidentSide))
    source: Mapped[str] = mapped_column(String(200), default="")
    certainty: Mapped[Certainty] = mapped_column(enum_column(Certainty), default=Certainty.PROBABLE)


class IncidentPerson(Base):
    """A person involved in an incident, in one role, with source and certainty."""

    __tablename__ = "incident_person"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role: Mapped[IncidentRole] = mapped_column(enum_column(IncidentRole))
    source: Mapped[str] = mapped_column(String(200), default="")
    certainty: Mapped[Certainty] = mapped_column(enum_column(Certainty), default=Certainty.PROBABLE)


class IncidentPersonSealed(Base):
    """A victim's, injured person's or witness's link, sealed in the recording agency's
    compartment (desktop.services.incidents.sealed_links): person, role, source and
    certainty in one ciphertext bound to the incident. ``key_version`` as a note's:
    1 under the compartment key, 0 sealed to the agency's public key (by migration 0019,
    which holds no compartment key; the next key rotation writes it under the key)."""

    __tablename__ = "incident_person_sealed"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    key_version: Mapped[int] = mapped_column(Integer, default=1)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class IncidentRevision(Base):
    """The values an incident had before one correction, and why it was corrected.

    ``previous`` maps each changed field to its old value (codes, counts, ISO dates,
    links as lists); an old description stays sealed as it was (``description_cipher``).
    """

    __tablename__ = "incident_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    previous: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    description_cipher: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)


class IncidentResponse(Versioned, Timestamped, Base):
    """The response GVI practice prescribes, proposed for a coordinator to decide.

    The urgent round is an operation of its own (``operation_id``) whose proposed visits
    carry the incident; the sanction period and the follow-up tasks are made on
    acceptance, for the groups on the suspected side at that moment.
    """

    __tablename__ = "incident_response"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    operation_id: Mapped[int | None] = mapped_column(
        ForeignKey("operation.id", ondelete="SET NULL")
    )
    status: Mapped[ResponseStatus] = mapped_column(
        enum_column(ResponseStatus), default=ResponseStatus.PROPOSED
    )
    first_day: Mapped[dt.date]
    last_day: Mapped[dt.date]
    sanction_days: Mapped[int] = mapped_column(Integer, default=90)
    proposed_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decided_at: Mapped[dt.datetime | None]
    decline_reason: Mapped[str] = mapped_column(Text, default="")
