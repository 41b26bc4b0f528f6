"""SQLAlchemy 2 entities and enums: nouns only, no Qt, no formatting."""

from desktop.models.base import Base, utcnow
from desktop.models.engagement import (
    CallIn,
    CallInSpeaker,
    Delivery,
    Invitation,
    Referral,
    ReferralEvent,
    SupportService,
    Task,
)
from desktop.models.enums import *  # noqa: F403
from desktop.models.incidents import (
    Incident,
    IncidentGroup,
    IncidentPerson,
    IncidentPersonSealed,
    IncidentResponse,
    IncidentRevision,
)
from desktop.models.mapping import (
    Address,
    Group,
    GroupRelation,
    Membership,
    Person,
    Relative,
    SanctionPeriod,
)
from desktop.models.operations import Operation, OperationTarget, Visit
from desktop.models.organisation import Agency, StaffAbsence, StaffMember, Team, TeamMember, User
from desktop.models.records import (
    AuditEntry,
    Disclosure,
    Note,
    PrintRecord,
    RetentionLedger,
    RetentionRule,
    Setting,
    SignedRecord,
    Template,
)

__all__ = [
    "Address",
    "Agency",
    "AuditEntry",
    "Base",
    "CallIn",
    "CallInSpeaker",
    "Delivery",
    "Disclosure",
    "Group",
    "GroupRelation",
    "Incident",
    "IncidentGroup",
    "IncidentPerson",
    "IncidentPersonSealed",
    "IncidentResponse",
    "IncidentRevision",
    "Invitation",
    "Membership",
    "Note",
    "Operation",
    "OperationTarget",
    "Person",
    "PrintRecord",
    "Referral",
    "ReferralEvent",
    "Relative",
    "RetentionLedger",
    "RetentionRule",
    "SanctionPeriod",
    "Setting",
    "SignedRecord",
    "StaffAbsence",
    "StaffMember",
    "SupportService",
    "Task",
    "Team",
    "TeamMember",
    "Template",
    "User",
    "Visit",
    "utcnow",
]
