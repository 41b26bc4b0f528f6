"""Operations (insatser), their targets and visits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Timestamped, Versioned, enum_column
from desktop.models.enums import OperationStatus, VisitStatus


class Operation(Versioned, Timestamped, Base):
    __tablename__ = "operation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    purpose: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[OperationStatus] = mapped_column(
        enum_column(OperationStatus), default=OperationStatus.DRAFT
    )
    coordinator_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    targets: Mapped[list[OperationTarget]] = relationship(cascade="all, delete-orphan")


class OperationTarget(Base):
    __tablename__ = "operation_target"
    __table_args__ = (UniqueConstraint("operation_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("operation.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    priority: Mapped[int] = mapped_column(Integer, default=2)
    reason: Mapped[str | None]


class Visit(Versioned, Timestamped, Base):
    """A home visit (hembesök) with its schedule and, afterwards, its outcome."""

    __tablename__ = "visit"
    # Visits by outcome over a period from the index alone (issue 9).
    __table_args__ = (
        Index("ix_visit_period", "starts_at", "status"),
        # Each member's visits of a period from the index alone (issue 20: visits per
        # group per week).
        Index("ix_visit_person_period", "person_id", "starts_at", "status"),
        # Urgent visits of a period (and the incident's SET NULL) from the index alone.
        Index("ix_visit_incident", "incident_id", "starts_at", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int | None] = mapped_column(
        ForeignKey("operation.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    # Wall-clock time in Europe/Stockholm: what the team reads on paper.
    starts_at: Mapped[dt.datetime] = mapped_column(index=True)
    ends_at: Mapped[dt.datetime]
    address_id: Mapped[int | None] = mapped_column(ForeignKey("address.id"))
    status: Mapped[VisitStatus] = mapped_column(
        enum_column(VisitStatus), default=VisitStatus.PLANNED, index=True
    )
    revisit_of_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    order_in_day: Mapped[int] = mapped_column(Integer, default=0)
    # Outcome (utfall), filled after the visit.
    outcome_recorded_at: Mapped[dt.datetime | None]
    family_present: Mapped[str] = mapped_column(Text, default="")
    part_not_suspected: Mapped[bool] = mapped_column(Boolean, default=False)
    part_no_harm: Mapped[bool] = mapped_column(Boolean, default=False)
    part_consequences: Mapped[bool] = mapped_column(Boolean, default=False)
    part_help: Mapped[bool] = mapped_column(Boolean, default=False)
    response: Mapped[str] = mapped_column(Text, default="")
    support_asked: Mapped[bool] = mapped_column(Boolean, default=False)
    support_offered: Mapped[bool] = mapped_column(Boolean, default=False)
    support_accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    leave_behind: Mapped[bool] = mapped_column(Boolean, default=False)
    cancel_reason: Mapped[str | None] = mapped_column(String(200))
    # A visit made in response to an incident (issue 20) is urgent: the incident is set.
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incident.id", ondelete="SET NULL"), default=None
    )

    team = relationship("Team", lazy="joined")
