"""The mapping (kartläggning): persons, addresses, relatives, groups and links."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from desktop.models.base import Base, Timestamped, Versioned, enum_column
from desktop.models.enums import (
    Category,
    GroupRelationKind,
    IdentityKind,
    MembershipRole,
    PersonStatus,
)


class Person(Versioned, Timestamped, Base):
    __tablename__ = "person"
    __table_args__ = (
        # Lists sort by name over 100,000 rows: the index lets ORDER BY ... LIMIT stop early.
        Index("ix_person_name", "last_name", "first_name"),
        # Statistics count the mapping from this index alone (issue 9).
        Index("ix_person_mapped", "mapped_on", "merged_into_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    # Aliases separated by "; " so the full-text index sees them as one field.
    aliases: Mapped[str] = mapped_column(Text, default="")
    # Deferred: loaded only where it is asked for (the reveal, the coordinator's edits,
    # exports and imports). On a server the roles without PERSON_REVEAL_ID have no SELECT
    # on it (issue 16) and read the masked form, ``identity_masked`` (migration 0015).
    identity_number: Mapped[str | None] = mapped_column(String(13), index=True, deferred=True)
    identity_kind: Mapped[IdentityKind | None] = mapped_column(enum_column(IdentityKind))
    birth_date: Mapped[dt.date | None]
    language: Mapped[str | None] = mapped_column(String(60))
    interpreter_need: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[PersonStatus] = mapped_column(
        enum_column(PersonStatus), default=PersonStatus.ACTIVE, index=True
    )
    category: Mapped[Category] = mapped_column(enum_column(Category), default=Category.OTHER)
    protected_identity: Mapped[bool] = mapped_column(Boolean, default=False)
    at_risk_victim: Mapped[bool] = mapped_column(Boolean, default=False)
    at_risk_shooter: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[int] = mapped_column(Integer, default=2)
    phone: Mapped[str | None] = mapped_column(String(32))
    source: Mapped[str | None]
    review_date: Mapped[dt.date | None] = mapped_column(index=True)
    mapped_on: Mapped[dt.date | None]
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    # Photos are large: never loaded with list queries.
    photo: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))

    addresses: Mapped[list[Address]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Address.valid_from"
    )
    relatives: Mapped[list[Relative]] = relationship(
        back_populates="person",
        cascade="all, delete-orphan",
        foreign_keys="Relative.person_id",
    )
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Address(Versioned, Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    street: Mapped[str]
    postcode: Mapped[str | None] = mapped_column(String(6))
    city: Mapped[str | None] = mapped_column(String(80))
    area: Mapped[str | None] = mapped_column(String(80), index=True)
    valid_from: Mapped[dt.date | None]
    valid_to: Mapped[dt.date | None]
    # Door code, dog, others living there: what the team needs at the door.
    access_notes: Mapped[str] = mapped_column(Text, default="")
    # Skyddad identitet: street, postcode, city, area and access notes sealed together
    # under the protected-address key (the fields above are then empty). Read and
    # written only through desktop.services.protected_addresses (issue 15).
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)

    person: Mapped[Person] = relationship(back_populates="addresses")


class Relative(Versioned, Base):
    """Family and network: a named relative, optionally another mapped person."""

    __tablename__ = "relative"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    linked_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    name: Mapped[str]
    relation: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(32))
    same_address: Mapped[bool] = mapped_column(Boolean, default=False)
    likely_present: Mapped[bool] = mapped_column(Boolean, default=False)

    person: Mapped[Person] = relationship(back_populates="relatives", foreign_keys=[person_id])


class Group(Versioned, Timestamped, Base):
    __tablename__ = "group_"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    aliases: Mapped[str] = mapped_column(Text, default="")
    area: Mapped[str | None] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str | None]
    review_date: Mapped[dt.date | None]

    memberships: Mapped[list[Membership]] = relationship(back_populates="group")


class Membership(Versioned, Base):
    """A person's link to a group; every link has a source, a reason and a review date."""

    __tablename__ = "membership"
    # Coverage per group reads members during a period from the index alone (issue 9);
    # a person's groups on a day likewise, for the evaluation of violence (issue 20).
    __table_args__ = (
        Index("ix_membership_period", "group_id", "person_id", "since", "until"),
        Index("ix_membership_person_period", "person_id", "group_id", "since", "until"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("group_.id", ondelete="CASCADE"), index=True)
    role: Mapped[MembershipRole] = mapped_column(
        enum_column(MembershipRole), default=MembershipRole.MEMBER
    )
    since: Mapped[dt.date | None]
    until: Mapped[dt.date | None]
    source: Mapped[str | None]
    reason: Mapped[str | None]
    review_date: Mapped[dt.date | None] = mapped_column(index=True)

    person: Mapped[Person] = relationship(back_populates="memberships")
    group: Mapped[Group] = relationship(back_populates="memberships")


class GroupRelation(Versioned, Base):
    __tablename__ = "group_relation"
    __table_args__ = (CheckConstraint("group_a_id <> group_b_id", name="distinct_groups"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_a_id: Mapped[int] = mapped_column(ForeignKey("group_.id", ondelete="CASCADE"))
    group_b_id: Mapped[int] = mapped_column(ForeignKey("group_.id", ondelete="CASCADE"))
    kind: Mapped[GroupRelationKind] = mapped_column(enum_column(GroupRelationKind))
    since: Mapped[dt.date | None]
    until: Mapped[dt.date | None]
    description: Mapped[str] = mapped_column(Text, default="")


class SanctionPeriod(Versioned, Base):
    """A group's period of increased focus (ökat fokus) after violence."""

    __tablename__ = "sanction_period"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("group_.id", ondelete="CASCADE"), index=True)
    trigger_event: Mapped[str] = mapped_column(Text)
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date | None]
    measures: Mapped[str] = mapped_column(Text, default="")
    end_reason: Mapped[str | None] = mapped_column(Text)
    # The incident whose response started the period (issue 20), if one did.
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incident.id", ondelete="SET NULL"), default=None
    )
