"""Frozen rows the mapping services hand to views: never ORM objects."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from desktop.models import (
    Category,
    GroupRelationKind,
    IdentityKind,
    MembershipRole,
    PersonStatus,
)


class RiskRole(enum.StrEnum):
    """Filter on the risk flags: at risk of being shot, of shooting, or either."""

    VICTIM = "victim"
    SHOOTER = "shooter"
    EITHER = "either"


class PersonSort(enum.StrEnum):
    """Columns the person list can sort by, in SQL."""

    RELEVANCE = "relevance"
    NAME = "name"
    BIRTH_DATE = "birth_date"
    STATUS = "status"
    CATEGORY = "category"
    PRIORITY = "priority"
    REVIEW_DATE = "review_date"


@dataclass(frozen=True)
class PersonFilter:
    """What the person list shows. Empty fields filter nothing."""

    text: str = ""
    group_id: int | None = None
    area: str | None = None
    statuses: frozenset[PersonStatus] = frozenset()
    categories: frozenset[Category] = frozenset()
    risk: RiskRole | None = None
    due_for_review: bool = False
    open_follow_up: bool = False

    @property
    def is_empty(self) -> bool:
        return self == PersonFilter()


@dataclass(frozen=True)
class PersonRow:
    """One line of the person list (column selects only)."""

    id: int
    first_name: str
    last_name: str
    aliases: str
    birth_date: dt.date | None
    identity_masked: str | None
    status: PersonStatus
    category: Category
    protected_identity: bool
    at_risk_victim: bool
    at_risk_shooter: bool
    priority: int
    review_date: dt.date | None
    area: str | None = None
    groups: str = ""
    deliveries: int = 0
    last_delivery: dt.date | None = None
    # The person's version when listed: a merge from the list checks it (finding 11).
    version: int = 1

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class AddressRow:
    id: int
    street: str
    postcode: str | None
    city: str | None
    area: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    access_notes: str

    @property
    def current(self) -> bool:
        return self.valid_to is None


@dataclass(frozen=True)
class RelativeRow:
    id: int
    name: str
    relation: str
    phone: str | None
    same_address: bool
    likely_present: bool
    linked_person_id: int | None
    version: int = 0


@dataclass(frozen=True)
class MembershipRow:
    id: int
    person_id: int
    group_id: int
    group_name: str
    person_name: str
    role: MembershipRole
    since: dt.date | None
    until: dt.date | None
    source: str | None
    reason: str | None
    review_date: dt.date | None
    version: int


class TimelineKind(enum.StrEnum):
    VISIT = "visit"
    DELIVERY = "delivery"
    CALL_IN = "call_in"
    REFERRAL = "referral"
    NOTE = "note"
    TASK = "task"


@dataclass(frozen=True)
class TimelineEntry:
    """Something that happened to a person; ``code`` is a status or channel value."""

    on: dt.date
    kind: TimelineKind
    object_id: int
    code: str
    title: str = ""


@dataclass(frozen=True)
class PersonProfile:
    """Everything the profile page shows, gathered in one read."""

    id: int
    version: int
    first_name: str
    last_name: str
    aliases: tuple[str, ...]
    birth_date: dt.date | None
    identity_masked: str | None
    identity_kind: IdentityKind | None
    language: str | None
    interpreter_need: bool
    status: PersonStatus
    category: Category
    protected_identity: bool
    at_risk_victim: bool
    at_risk_shooter: bool
    priority: int
    phone: str | None
    source: str | None
    review_date: dt.date | None
    mapped_on: dt.date | None
    has_photo: bool
    addresses: tuple[AddressRow, ...] = ()
    relatives: tuple[RelativeRow, ...] = ()
    memberships: tuple[MembershipRow, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    deliveries: int = 0
    last_delivery: dt.date | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age(self, today: dt.date) -> int | None:
        if self.birth_date is None:
            return None
        born = self.birth_date
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


@dataclass(frozen=True)
class PersonInput:
    """What the create/edit dialog sends; text as typed, parsed by the service."""

    first_name: str
    last_name: str
    aliases: str = ""
    identity_number: str = ""
    birth_date: str = ""
    language: str = ""
    interpreter_need: bool = False
    status: PersonStatus = PersonStatus.ACTIVE
    category: Category = Category.OTHER
    protected_identity: bool = False
    at_risk_victim: bool = False
    at_risk_shooter: bool = False
    priority: int = 2
    phone: str = ""
    source: str = ""
    review_date: str = ""


@dataclass(frozen=True)
class AddressInput:
    street: str
    postcode: str = ""
    city: str = ""
    area: str = ""
    valid_from: str = ""
    valid_to: str = ""
    access_notes: str = ""


class DuplicateReason(enum.StrEnum):
    SAME_IDENTITY = "same_identity"
    SAME_NAME_AND_BIRTH = "same_name_and_birth"
    SIMILAR_NAME = "similar_name"


@dataclass(frozen=True)
class DuplicateCandidate:
    person_id: int
    full_name: str
    birth_date: dt.date | None
    reason: DuplicateReason


class ReviewKind(enum.StrEnum):
    PERSON = "person"
    MEMBERSHIP = "membership"


@dataclass(frozen=True)
class ReviewItem:
    """A person or group link whose review date has come."""

    kind: ReviewKind
    object_id: int
    person_id: int
    person_name: str
    group_name: str | None
    review_date: dt.date
    source: str | None


@dataclass(frozen=True)
class GroupRow:
    id: int
    name: str
    aliases: str
    area: str | None
    active: bool
    members: int
    reached: int
    review_date: dt.date | None

    @property
    def coverage(self) -> float | None:
        return self.reached / self.members if self.members else None


@dataclass(frozen=True)
class RelationRow:
    id: int
    other_group_id: int
    other_group_name: str
    kind: GroupRelationKind
    since: dt.date | None
    until: dt.date | None
    description: str
    version: int = 0  # for end_relation / edit_relation (issue 17)


@dataclass(frozen=True)
class SanctionRow:
    id: int
    trigger_event: str
    start_date: dt.date
    end_date: dt.date | None
    measures: str
    end_reason: str | None


@dataclass(frozen=True)
class GroupProfile:
    id: int
    version: int
    name: str
    aliases: tuple[str, ...]
    area: str | None
    description: str
    active: bool
    source: str | None
    review_date: dt.date | None
    members: tuple[MembershipRow, ...] = ()
    reached_person_ids: frozenset[int] = field(default_factory=frozenset)
    relations: tuple[RelationRow, ...] = ()
    sanctions: tuple[SanctionRow, ...] = ()

    @property
    def coverage(self) -> float | None:
        active = {m.person_id for m in self.members if m.until is None}
        if not active:
            return None
        return len(active & self.reached_person_ids) / len(active)


@dataclass(frozen=True)
class GroupInput:
    name: str
    aliases: str = ""
    area: str = ""
    description: str = ""
    active: bool = True
    source: str = ""
    review_date: str = ""


@dataclass(frozen=True)
class NetworkNode:
    id: int
    name: str
    members: int
    in_sanction: bool


@dataclass(frozen=True)
class NetworkEdge:
    id: int
    a: int
    b: int
    kind: GroupRelationKind
    since: dt.date | None


@dataclass(frozen=True)
class Network:
    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]
