"""Frozen inputs and rows of the incident register and the response (issue 20)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.models import (
    Certainty,
    IncidentKind,
    IncidentRole,
    IncidentSide,
    ResponseStatus,
)
from desktop.services.changes import Changes

if TYPE_CHECKING:
    from desktop.services.operations.planning import RefusedVisit
    from desktop.services.operations.rows import TeamWarningRow, UnplacedRow

#: The roles a person is named in only within the recording agency.
WITHHELD_ROLES: frozenset[IncidentRole] = frozenset(
    {IncidentRole.INJURED, IncidentRole.VICTIM, IncidentRole.WITNESS}
)


@dataclass(frozen=True)
class GroupLinkInput:
    group_id: int
    side: IncidentSide
    source: str = ""
    certainty: Certainty = Certainty.PROBABLE


@dataclass(frozen=True)
class PersonLinkInput:
    person_id: int
    role: IncidentRole
    source: str = ""
    certainty: Certainty = Certainty.PROBABLE


@dataclass(frozen=True)
class IncidentInput:
    """An incident as entered or corrected. ``occurred_at`` is local wall-clock time."""

    reference: str
    kind: IncidentKind
    occurred_at: dt.datetime
    district: str = ""
    certainty: Certainty = Certainty.CONFIRMED
    injured: int = 0
    killed: int = 0
    groups: tuple[GroupLinkInput, ...] = ()
    persons: tuple[PersonLinkInput, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class IncidentFilter:
    """What the register lists; empty fields filter nothing. Days are inclusive."""

    first: dt.date | None = None
    last: dt.date | None = None
    kinds: frozenset[IncidentKind] = frozenset()
    district: str | None = None
    group_id: int | None = None


@dataclass(frozen=True)
class IncidentRow:
    id: int
    version: int
    reference: str
    kind: IncidentKind
    certainty: Certainty
    occurred_at: dt.datetime
    district: str
    injured: int
    killed: int
    agency_code: str
    suspected_groups: tuple[str, ...]
    victim_groups: tuple[str, ...]
    response_status: ResponseStatus | None
    urgent_visits: int


@dataclass(frozen=True)
class GroupLinkRow:
    id: int
    group_id: int
    group_name: str
    side: IncidentSide
    source: str
    certainty: Certainty


@dataclass(frozen=True)
class PersonLinkRow:
    """``id``: of the plain link, or of the sealed one when ``sealed``. ``person_id`` is the
    live person: one merged away is shown as the person he was merged into."""

    id: int
    person_id: int
    person_label: str
    role: IncidentRole
    source: str
    certainty: Certainty
    sealed: bool = False


@dataclass(frozen=True)
class IncidentDetail:
    """One incident as its profile shows it.

    ``description`` is None when the user does not hold the recording agency's key.
    ``persons`` names a victim, an injured person or a witness only to the recording
    agency (whose key opens the sealed link); ``withheld_persons`` says how many links
    another agency does not see, where the store can count them (a local file; on a
    server the row policy hides them from the query itself and it is 0).
    """

    id: int
    version: int
    reference: str
    kind: IncidentKind
    certainty: Certainty
    occurred_at: dt.datetime
    district: str
    injured: int
    killed: int
    agency_id: int
    agency_code: str
    own_agency: bool
    description: str | None
    groups: tuple[GroupLinkRow, ...]
    persons: tuple[PersonLinkRow, ...]
    withheld_persons: int
    revision_count: int


@dataclass(frozen=True)
class RevisionRow:
    """The values before one correction (``previous``: field code -> old value)."""

    id: int
    at: dt.datetime
    user_name: str
    reason: str
    previous: Mapping[str, object]
    description: str | None


@dataclass(frozen=True)
class TimelineRow:
    """One incident on a group's or a person's timeline, with their part in it."""

    incident_id: int
    reference: str
    occurred_at: dt.datetime
    kind: IncidentKind
    certainty: Certainty
    district: str
    injured: int
    killed: int
    part: str  # an IncidentSide code for a group, an IncidentRole or IncidentSide code for a person
    group_id: int | None


@dataclass(frozen=True)
class WeekDistrictRow:
    week_start: dt.date  # Monday
    district: str
    incidents: int
    kinds: tuple[IncidentKind, ...]
    operations: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class IncidentImportError:
    """One problem of one row of an incident list: ``row`` as the user counts it.

    ``column`` is the file's own heading for ``field`` (what the user reads in the
    list), the field's code when the file has no such column.
    """

    row: int
    field: str
    code: str
    column: str = ""

    @property
    def where(self) -> str:
        return self.column or self.field


@dataclass(frozen=True)
class IncidentImportReport:
    rows: int
    created: int
    errors: tuple[IncidentImportError, ...]
    dry_run: bool


# --- The response -------------------------------------------------------------------


class TargetReason(enum.StrEnum):
    INVOLVED_SUSPECTED = "involved_suspected"
    INVOLVED_VICTIM = "involved_victim"
    RIVAL = "rival"


#: Planner priority by reason: the involved groups first (urgency first).
REASON_PRIORITY: dict[TargetReason, int] = {
    TargetReason.INVOLVED_SUSPECTED: 5,
    TargetReason.INVOLVED_VICTIM: 5,
    TargetReason.RIVAL: 4,
}


@dataclass(frozen=True)
class ResponseRequest:
    """The coordinator's choices for a response: window, teams to copy, sanction days."""

    first_day: dt.date
    last_day: dt.date
    team_ids: tuple[int, ...]
    include_rivals: bool = True
    sanction_days: int = 90
    seed: int | None = None


@dataclass(frozen=True)
class ResponseTarget:
    person_id: int
    label: str
    group_id: int
    group_name: str
    reason: TargetReason
    priority: int


@dataclass(frozen=True)
class FollowUp:
    code: str  # a key of vocabulary.FOLLOW_UP_WORDS
    due: dt.date


@dataclass(frozen=True)
class ResponseProposal:
    response_id: int
    version: int
    incident_id: int
    operation_id: int | None
    status: ResponseStatus
    first_day: dt.date
    last_day: dt.date
    targets: tuple[ResponseTarget, ...]
    proposed_visits: int
    unplaced: tuple[UnplacedRow, ...]
    warnings: tuple[TeamWarningRow, ...]
    sanction_groups: tuple[tuple[int, str], ...]
    sanction_start: dt.date
    sanction_end: dt.date
    tasks: tuple[FollowUp, ...]


@dataclass(frozen=True)
class ResponseRow:
    id: int
    version: int
    incident_id: int
    operation_id: int | None
    operation_name: str
    status: ResponseStatus
    first_day: dt.date
    last_day: dt.date
    visits_planned: int
    visits_done: int
    decided_at: dt.datetime | None
    decline_reason: str


class ResponsePart(enum.StrEnum):
    """The parts of a response a coordinator accepts or leaves out."""

    ROUND = "round"
    SANCTION = "sanction"
    TASKS = "tasks"


ALL_PARTS: frozenset[ResponsePart] = frozenset(ResponsePart)


@dataclass(frozen=True)
class ResponseDecision(Changes):
    """What accepting a response changed: visits accepted and refused, periods, tasks."""

    parts: frozenset[ResponsePart] = ALL_PARTS
    accepted: int = 0
    refused: tuple[RefusedVisit, ...] = ()
    sanction_ids: tuple[int, ...] = field(default_factory=tuple)
    task_ids: tuple[int, ...] = field(default_factory=tuple)
