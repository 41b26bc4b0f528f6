"""Agencies, users, staff and teams."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Timestamped, Versioned, enum_column
from desktop.models.enums import AgencyKind, Role, TalkRole


class Agency(Base):
    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str]
    kind: Mapped[AgencyKind] = mapped_column(enum_column(AgencyKind))


class User(Versioned, Timestamped, Base):
    """A login account. Its password never reaches the database (see store.keyslots)."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str]
    role: Mapped[Role] = mapped_column(enum_column(Role))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[dt.datetime | None]
    password_changed_at: Mapped[dt.datetime | None]

    agency: Mapped[Agency] = relationship(lazy="joined")


class StaffMember(Versioned, Base):
    """Someone who can go on visits; may or may not have a login."""

    __tablename__ = "staff_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    title: Mapped[str | None]
    phone: Mapped[str | None] = mapped_column(String(32))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # ISO weekday (1-7) -> ["08:00", "16:30"]; missing days are days off.
    working_hours: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    agency: Mapped[Agency] = relationship(lazy="joined")


class StaffAbsence(Base):
    __tablename__ = "staff_absence"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_member.id", ondelete="CASCADE"))
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    reason: Mapped[str | None]


class Team(Versioned, Base):
    """A visiting team, two agencies or more; belongs to an operation when planned."""

    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    operation_id: Mapped[int | None] = mapped_column(
        ForeignKey("operation.id", ondelete="CASCADE"), index=True
    )
    colour_index: Mapped[int] = mapped_column(Integer, default=0)
    max_visits_per_day: Mapped[int] = mapped_column(Integer, default=4)

    members: Mapped[list[TeamMember]] = relationship(
        back_populates="team", cascade="all, delete-orphan", lazy="selectin"
    )


class TeamMember(Base):
    __tablename__ = "team_member"
    __table_args__ = (UniqueConstraint("team_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_member.id"))
    talk_role: Mapped[TalkRole] = mapped_column(enum_column(TalkRole), default=TalkRole.SPEAKER)

    team: Mapped[Team] = relationship(back_populates="members")
    staff: Mapped[StaffMember] = relationship(lazy="joined")
