"""Frozen rows and inputs of operations, teams, planning, outcomes and follow-up."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from desktop.models import (
    AgencyKind,
    OperationStatus,
    PersonStatus,
    TalkRole,
    TaskStatus,
    VisitStatus,
)
from desktop.services.planning.request import UnplacedReason, WarningCode
from desktop.services.vocabulary import PAPER_STATUSES

# --- Operations ---------------------------------------------------------------


@dataclass(frozen=True)
class OperationInput:
    """What the coordinator types for a new or edited operation."""

    name: str
    start_date: dt.date
    end_date: dt.date
    purpose: str = ""


@dataclass(frozen=True)
class OperationRow:
    """One line of the operation list, with counts."""

    id: int
    version: int
    name: str
    start_date: dt.date
    end_date: dt.date
    purpose: str
    status: OperationStatus
    target_count: int
    team_count: int
    visit_count: int
    proposed_count: int


@dataclass(frozen=True)
class TargetFilter:
    """Who may become a target. Empty fields filter nothing.

    Attributes:
        group_ids: Current members of any of these groups.
        areas: Current address in any of these districts.
        statuses: Person status in this set.
        min_priority: Person priority at least this (1 = low, 3 = high).
        not_visited_days: No visit with contact (met, family only, refused) in the
            last N days.
        active_conflict_only: Member of a group in an active conflict.
        exclude_operation_id: Leave out persons already targets of this operation.
    """

    group_ids: frozenset[int] = frozenset()
    areas: frozenset[str] = frozenset()
    statuses: frozenset[PersonStatus] = frozenset()
    min_priority: int | None = None
    not_visited_days: int | None = None
    active_conflict_only: bool = False
    exclude_operation_id: int | None = None


@dataclass(frozen=True)
class CandidateRow:
    """A person the filter finds, before becoming a target."""

    person_id: int
    name: str
    area: str
    groups: str
    priority: int
    status: PersonStatus
    last_contact: dt.date | None


@dataclass(frozen=True)
class TargetRow:
    """A target of an operation with its latest visit in the operation, if any."""

    target_id: int
    person_id: int
    name: str
    area: str
    groups: str
    priority: int
    protected_identity: bool
    visit_status: VisitStatus | None
    visit_start: dt.datetime | None


# --- Staff and teams ----------------------------------------------------------


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    agency_kind: AgencyKind
    agency_name: str
    title: str | None
    active: bool


@dataclass(frozen=True)
class TeamMemberRow:
    staff_id: int
    name: str
    agency_kind: AgencyKind
    talk_role: TalkRole


@dataclass(frozen=True)
class TeamRow:
    """A team with its members and whether it is a police + social services pair.

    Attributes:
        missing: Agencies a two-agency team needs but lacks (police, social).
    """

    id: int
    version: int
    name: str
    colour_index: int
    max_visits_per_day: int
    members: tuple[TeamMemberRow, ...]
    missing: tuple[AgencyKind, ...]

    @property
    def two_agency(self) -> bool:
        return not self.missing and len(self.members) >= 2


# --- Planning -----------------------------------------------------------------


@dataclass(frozen=True)
class UnplacedRow:
    person_id: int
    name: str
    reason: UnplacedReason


@dataclass(frozen=True)
class TeamWarningRow:
    team_id: int
    team_name: str
    code: WarningCode


@dataclass(frozen=True)
class ProposalSummary:
    """What a planner run stored: counts and the targets it could not place."""

    operation_id: int
    proposed: int
    kept: int
    unplaced: tuple[UnplacedRow, ...]
    warnings: tuple[TeamWarningRow, ...]
    seconds: float


@dataclass(frozen=True)
class RevisitSuggestion:
    """A proposed re-visit after "not at home", or why none could be found."""

    visit_id: int | None
    start: dt.datetime | None
    team_id: int | None
    reason: UnplacedReason | None


# --- Outcomes -----------------------------------------------------------------


class MessagePart(enum.StrEnum):
    """The four parts of the message (budskapet)."""

    NOT_SUSPECTED = "not_suspected"
    NO_HARM = "no_harm"
    CONSEQUENCES = "consequences"
    HELP = "help"


# The column of each part on both Visit and Delivery (they share the names).
PART_FIELDS: dict[MessagePart, str] = {
    MessagePart.NOT_SUSPECTED: "part_not_suspected",
    MessagePart.NO_HARM: "part_no_harm",
    MessagePart.CONSEQUENCES: "part_consequences",
    MessagePart.HELP: "part_help",
}


OUTCOME_STATUSES: tuple[VisitStatus, ...] = tuple(VisitStatus(code) for code in PAPER_STATUSES)


@dataclass(frozen=True)
class OutcomeInput:
    """An outcome as the team lead records it after the visit.

    Attributes:
        support_service_id: The service accepted; needed when ``support_accepted``.
        follow_up_title: A follow-up task is created when this is not empty.
        agency_note: Text for the user's own agency compartment only.
        recorded_in_advance: The user says the outcome is known before the visit's
            time (audited); otherwise an outcome waits for the visit's start.
    """

    status: VisitStatus
    family_present: str = ""
    parts: frozenset[MessagePart] = frozenset()
    response: str = ""
    support_asked: bool = False
    support_offered: bool = False
    support_accepted: bool = False
    support_service_id: int | None = None
    leave_behind: bool = False
    cancel_reason: str = ""
    follow_up_title: str = ""
    follow_up_due: dt.date | None = None
    follow_up_owner_id: int | None = None
    agency_note: str = ""
    # A visit whose time has not come takes an outcome only when this is said (issue 17).
    recorded_in_advance: bool = False


@dataclass(frozen=True)
class VisitDetail:
    """One visit with its recorded outcome, as the outcome dialog shows it."""

    visit_id: int
    version: int
    operation_id: int | None
    person_id: int
    person_label: str
    team_id: int | None
    team_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    area: str
    status: VisitStatus
    outcome_recorded_at: dt.datetime | None
    family_present: str
    parts: frozenset[MessagePart]
    response: str
    support_asked: bool
    support_offered: bool
    support_accepted: bool
    leave_behind: bool
    cancel_reason: str
    # The service of the live referral the outcome opened (derived, never stored twice).
    support_service_id: int | None = None


@dataclass(frozen=True)
class ChoiceRow:
    """An id and a label for a combo box (support services, users, teams)."""

    id: int
    label: str


# --- Follow-up ----------------------------------------------------------------


class TaskScope(enum.StrEnum):
    MINE = "mine"
    TEAM = "team"
    ALL = "all"


@dataclass(frozen=True)
class TaskRow:
    id: int
    version: int
    title: str
    due_date: dt.date
    status: TaskStatus
    owner_user_id: int | None
    owner_name: str
    team_id: int | None
    team_name: str
    person_id: int | None
    person_label: str
    visit_id: int | None

    def overdue(self, today: dt.date) -> bool:
        return self.status is TaskStatus.OPEN and self.due_date < today


@dataclass(frozen=True)
class TaskCounts:
    open: int
    overdue: int
    due_this_week: int
