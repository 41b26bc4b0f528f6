"""Frozen rows and inputs of call-ins, the delivery ledger, support and sanction periods."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.models import (
    CallInStatus,
    DeliveryChannel,
    InvitationStatus,
    ReferralStatus,
    SupportKind,
)
from desktop.services.operations.rows import MessagePart

# --- Call-ins ---------------------------------------------------------------


@dataclass(frozen=True)
class SpeakerInput:
    name: str
    organisation: str = ""
    part: str = ""


@dataclass(frozen=True)
class SpeakerRow:
    id: int
    name: str
    organisation: str
    part: str
    position: int


@dataclass(frozen=True)
class ChecklistItem:
    item: str
    done: bool = False


@dataclass(frozen=True)
class CallInInput:
    """What the call-in dialog edits. Speakers keep the order given."""

    title: str
    starts_at: dt.datetime
    venue: str
    description: str = ""
    status: CallInStatus = CallInStatus.PLANNED
    speakers: tuple[SpeakerInput, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()


@dataclass(frozen=True)
class CallInRow:
    id: int
    title: str
    starts_at: dt.datetime
    venue: str
    status: CallInStatus
    invited: int
    attended: int
    no_show: int


@dataclass(frozen=True)
class InvitationRow:
    id: int
    version: int
    person_id: int
    person_label: str
    groups: str
    mandated_by: str
    status: InvitationStatus
    accompanied_by: str
    letter_printed_at: dt.datetime | None
    delivered: bool


@dataclass(frozen=True)
class CallInDetail:
    id: int
    version: int
    title: str
    starts_at: dt.datetime
    venue: str
    description: str
    status: CallInStatus
    speakers: tuple[SpeakerRow, ...]
    checklist: tuple[ChecklistItem, ...]
    invitations: tuple[InvitationRow, ...]

    def as_input(self) -> CallInInput:
        return CallInInput(
            self.title,
            self.starts_at,
            self.venue,
            self.description,
            self.status,
            tuple(SpeakerInput(s.name, s.organisation, s.part) for s in self.speakers),
            self.checklist,
        )


@dataclass(frozen=True)
class AttendanceInput:
    """One invitee's attendance; ``accompanied_by`` e.g. "mamma"."""

    invitation_id: int
    status: InvitationStatus
    accompanied_by: str = ""


@dataclass(frozen=True)
class ProposalResult:
    """What "propose home visits for no-shows" did."""

    visit_ids: tuple[int, ...] = ()
    task_ids: tuple[int, ...] = ()
    skipped: int = 0


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


# --- Delivery ledger ----------------------------------------------------------


@dataclass(frozen=True)
class DeliveryRow:
    id: int
    person_id: int
    person_label: str
    delivered_on: dt.date
    channel: DeliveryChannel
    delivered_by: str
    parts: frozenset[MessagePart]
    visit_id: int | None
    invitation_id: int | None


@dataclass(frozen=True)
class DeliveryStats:
    """How often and when a person last received the message."""

    person_id: int
    count: int
    last_on: dt.date | None
    last_channel: DeliveryChannel | None


@dataclass(frozen=True)
class RepeatRow:
    """A person who received the message more than once."""

    person_id: int
    person_label: str
    count: int
    first_on: dt.date
    last_on: dt.date
    channels: frozenset[DeliveryChannel]


@dataclass(frozen=True)
class ManualDeliveryInput:
    """A delivery recorded by hand, e.g. at a probation meeting."""

    person_id: int
    delivered_on: dt.date
    channel: DeliveryChannel = DeliveryChannel.PROBATION
    delivered_by: str = ""
    parts: frozenset[MessagePart] = field(default_factory=frozenset)


# --- Support and referrals -----------------------------------------------------


@dataclass(frozen=True)
class ServiceInput:
    name: str
    kind: SupportKind
    provider: str
    contact: str = ""
    agency_id: int | None = None
    description: str = ""
    active: bool = True


@dataclass(frozen=True)
class ServiceRow:
    id: int
    version: int
    name: str
    kind: SupportKind
    provider: str
    contact: str
    agency_id: int | None
    agency_name: str
    description: str
    active: bool
    open_referrals: int

    def as_input(self) -> ServiceInput:
        return ServiceInput(
            self.name,
            self.kind,
            self.provider,
            self.contact,
            self.agency_id,
            self.description,
            self.active,
        )


@dataclass(frozen=True)
class ReferralInput:
    """A new referral. ``status`` is where it starts (offered, or accepted)."""

    person_id: int
    service_id: int
    on_date: dt.date
    status: ReferralStatus = ReferralStatus.OFFERED
    responsible_agency_id: int | None = None
    responsible_name: str = ""
    self_initiated: bool = False
    visit_id: int | None = None


@dataclass(frozen=True)
class ReferralRow:
    id: int
    version: int
    person_id: int
    person_label: str
    service_id: int
    service_name: str
    kind: SupportKind
    status: ReferralStatus
    responsible_agency: str
    responsible_name: str
    self_initiated: bool
    opened_on: dt.date
    closed_on: dt.date | None


@dataclass(frozen=True)
class ReferralEventRow:
    status: ReferralStatus
    on_date: dt.date
    user_name: str


@dataclass(frozen=True)
class ReferralDetail:
    row: ReferralRow
    events: tuple[ReferralEventRow, ...]
    next_steps: tuple[ReferralStatus, ...]


# --- Sanction periods ----------------------------------------------------------


@dataclass(frozen=True)
class SanctionInput:
    trigger_event: str
    start_date: dt.date
    end_date: dt.date | None = None
    measures: str = ""
    end_reason: str = ""


@dataclass(frozen=True)
class SanctionPeriodRow:
    id: int
    version: int
    group_id: int
    group_name: str
    trigger_event: str
    start_date: dt.date
    end_date: dt.date | None
    measures: str
    end_reason: str

    def active_on(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)

    def as_input(self) -> SanctionInput:
        return SanctionInput(
            self.trigger_event, self.start_date, self.end_date, self.measures, self.end_reason
        )
