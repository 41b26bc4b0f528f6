"""Call-ins, the delivery ledger, support services, referrals and follow-up tasks."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Timestamped, Versioned, enum_column, utcnow
from desktop.models.enums import (
    CallInStatus,
    DeliveryChannel,
    InvitationStatus,
    ReferralStatus,
    SupportKind,
    TaskStatus,
)


class CallIn(Versioned, Timestamped, Base):
    """A call-in (stormöte)."""

    __tablename__ = "call_in"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    starts_at: Mapped[dt.datetime]
    venue: Mapped[str]
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[CallInStatus] = mapped_column(
        enum_column(CallInStatus), default=CallInStatus.PLANNED
    )
    # [{"item": "...", "done": false}, ...]
    checklist: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)

    speakers: Mapped[list[CallInSpeaker]] = relationship(
        cascade="all, delete-orphan", order_by="CallInSpeaker.position"
    )


class CallInSpeaker(Base):
    __tablename__ = "call_in_speaker"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_in_id: Mapped[int] = mapped_column(ForeignKey("call_in.id", ondelete="CASCADE"))
    name: Mapped[str]
    organisation: Mapped[str | None]
    part: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Invitation(Versioned, Base):
    __tablename__ = "invitation"
    __table_args__ = (UniqueConstraint("call_in_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_in_id: Mapped[int] = mapped_column(ForeignKey("call_in.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    mandated_by: Mapped[str | None]
    status: Mapped[InvitationStatus] = mapped_column(
        enum_column(InvitationStatus), default=InvitationStatus.INVITED
    )
    accompanied_by: Mapped[str | None]
    letter_printed_at: Mapped[dt.datetime | None]


class Delivery(Base):
    """One delivery of the message (delgivning) to one person, by one channel."""

    __tablename__ = "delivery"
    # Statistics (issue 9): a period's deliveries, and each person's history, index-only.
    __table_args__ = (
        Index("ix_delivery_period", "delivered_on", "person_id", "channel"),
        Index("ix_delivery_person_day", "person_id", "delivered_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    delivered_on: Mapped[dt.date] = mapped_column(index=True)
    channel: Mapped[DeliveryChannel] = mapped_column(enum_column(DeliveryChannel))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    invitation_id: Mapped[int | None] = mapped_column(ForeignKey("invitation.id"))
    delivered_by: Mapped[str | None]
    part_not_suspected: Mapped[bool] = mapped_column(Boolean, default=False)
    part_no_harm: Mapped[bool] = mapped_column(Boolean, default=False)
    part_consequences: Mapped[bool] = mapped_column(Boolean, default=False)
    part_help: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SupportService(Versioned, Base):
    __tablename__ = "support_service"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    kind: Mapped[SupportKind] = mapped_column(enum_column(SupportKind))
    provider: Mapped[str]
    contact: Mapped[str] = mapped_column(Text, default="")
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Referral(Versioned, Timestamped, Base):
    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("support_service.id"))
    status: Mapped[ReferralStatus] = mapped_column(enum_column(ReferralStatus))
    responsible_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))
    responsible_name: Mapped[str | None]
    self_initiated: Mapped[bool] = mapped_column(Boolean, default=False)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    opened_on: Mapped[dt.date]
    closed_on: Mapped[dt.date | None]
    # Set when the visit outcome that opened it was corrected or undone (issue 17): the
    # row and its history stay, but it no longer counts anywhere.
    retracted_at: Mapped[dt.datetime | None] = mapped_column(default=None)

    events: Mapped[list[ReferralEvent]] = relationship(
        cascade="all, delete-orphan", order_by="ReferralEvent.id"
    )


class ReferralEvent(Base):
    """One step in a referral's status history."""

    __tablename__ = "referral_event"
    # Support stages reached in a period, and each referral's first step (issue 9).
    __table_args__ = (
        Index("ix_referral_event_day", "on_date", "status", "referral_id"),
        Index("ix_referral_event_referral", "referral_id", "on_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id", ondelete="CASCADE"))
    status: Mapped[ReferralStatus] = mapped_column(enum_column(ReferralStatus))
    on_date: Mapped[dt.date]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class Task(Versioned, Timestamped, Base):
    """A follow-up task (uppföljning)."""

    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[dt.date] = mapped_column(index=True)
    status: Mapped[TaskStatus] = mapped_column(
        enum_column(TaskStatus), default=TaskStatus.OPEN, index=True
    )
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"))
    invitation_id: Mapped[int | None] = mapped_column(ForeignKey("invitation.id"))
    done_at: Mapped[dt.datetime | None]
    # A follow-up of an incident's response (issue 20).
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incident.id", ondelete="SET NULL"), default=None
    )
