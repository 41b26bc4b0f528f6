"""Which role may do what: one table, deny by default.

A test runs every role against every action and fails on any mismatch with this table,
and fails too when an action has no row.
"""

from __future__ import annotations

import enum

from desktop.models import Role
from desktop.services.errors import PermissionDenied
from desktop.store.errors import TamperedRecord
from desktop.store.interface import Identity


class Action(enum.StrEnum):
    PERSON_READ = "person.read"
    PERSON_EDIT = "person.edit"
    PERSON_MERGE = "person.merge"
    PERSON_REVEAL_ID = "person.reveal_id"
    GROUP_READ = "group.read"
    GROUP_EDIT = "group.edit"
    SEARCH = "search"
    NOTE_READ = "note.read"
    NOTE_WRITE = "note.write"
    NOTE_DISCLOSE = "note.disclose"
    OPERATION_READ = "operation.read"
    OPERATION_EDIT = "operation.edit"
    PLAN = "operation.plan"
    VISIT_MOVE = "visit.move"
    # A new visit after "not at home" (issue 18): the coordinator for any visit, a team
    # lead for his own team's (desktop.services.operations.planning.suggest_revisit).
    VISIT_REVISIT = "visit.revisit"
    OUTCOME_RECORD = "visit.outcome"
    BRIEFING_PRINT = "briefing.print"
    PRINT = "print"
    CALLIN_READ = "callin.read"
    CALLIN_EDIT = "callin.edit"
    SUPPORT_READ = "support.read"
    SUPPORT_EDIT = "support.edit"
    REFERRAL_EDIT = "referral.edit"
    TASK_READ = "task.read"
    TASK_EDIT = "task.edit"
    STATS_READ = "stats.read"
    RESEARCH_EXPORT = "stats.research_export"
    EXPORT = "export"
    IMPORT = "import"
    AUDIT_READ = "audit.read"
    USER_ADMIN = "user.admin"
    ROLE_CHANGE = "user.role_change"
    RETENTION_ADMIN = "retention.admin"
    RETENTION_OVERRIDE = "retention.override"
    TEMPLATE_EDIT = "template.edit"
    BACKUP = "backup"
    RESTORE = "restore"
    KEY_ROTATE = "key.rotate"
    SETTINGS_ADMIN = "settings.admin"
    # Skyddad identitet: reading and printing a protected address; the roles allowed it
    # hold the protected-address key (desktop.services.protected_addresses).
    PROTECTED_ADDRESS = "address.protected"
    # Violence and the response (issue 20). Entering and correcting an incident is also
    # bound to the agency: an officer only of the police (desktop.services.incidents).
    INCIDENT_READ = "incident.read"
    INCIDENT_EDIT = "incident.edit"
    INCIDENT_RESPOND = "incident.respond"


A = Action
_READ_MAPPING = {A.PERSON_READ, A.GROUP_READ, A.SEARCH, A.NOTE_READ, A.INCIDENT_READ}
_FIELD = {
    A.OPERATION_READ,
    A.CALLIN_READ,
    A.SUPPORT_READ,
    A.REFERRAL_EDIT,
    A.TASK_READ,
    A.TASK_EDIT,
    A.NOTE_WRITE,
}

ALLOWED: dict[Role, frozenset[Action]] = {
    Role.ADMINISTRATOR: frozenset(
        {
            A.USER_ADMIN,
            A.ROLE_CHANGE,
            A.RETENTION_ADMIN,
            A.RETENTION_OVERRIDE,
            A.TEMPLATE_EDIT,
            A.BACKUP,
            A.RESTORE,
            A.KEY_ROTATE,
            A.SETTINGS_ADMIN,
        }
    ),
    Role.COORDINATOR: frozenset(
        _READ_MAPPING
        | _FIELD
        | {
            A.PERSON_EDIT,
            A.PERSON_MERGE,
            A.PERSON_REVEAL_ID,
            A.GROUP_EDIT,
            A.NOTE_DISCLOSE,
            A.OPERATION_EDIT,
            A.PLAN,
            A.VISIT_MOVE,
            A.VISIT_REVISIT,
            A.OUTCOME_RECORD,
            A.BRIEFING_PRINT,
            A.PRINT,
            A.CALLIN_EDIT,
            A.SUPPORT_EDIT,
            A.STATS_READ,
            A.RESEARCH_EXPORT,
            A.EXPORT,
            A.IMPORT,
            A.PROTECTED_ADDRESS,
            A.INCIDENT_EDIT,
            A.INCIDENT_RESPOND,
        }
    ),
    Role.TEAM_LEAD: frozenset(
        _READ_MAPPING
        | _FIELD
        | {A.OUTCOME_RECORD, A.VISIT_REVISIT, A.BRIEFING_PRINT, A.PRINT, A.PROTECTED_ADDRESS}
    ),
    Role.OFFICER: frozenset(_READ_MAPPING | _FIELD | {A.NOTE_DISCLOSE, A.PRINT, A.INCIDENT_EDIT}),
    Role.AUDITOR: frozenset({A.AUDIT_READ, A.STATS_READ, A.TASK_READ, A.PRINT}),
}

# Actions that ask for the password again unless it was given in the last 5 minutes.
SENSITIVE: frozenset[Action] = frozenset(
    {
        A.EXPORT,
        A.RESEARCH_EXPORT,
        A.ROLE_CHANGE,
        A.KEY_ROTATE,
        A.AUDIT_READ,
        A.RETENTION_OVERRIDE,
        A.PERSON_REVEAL_ID,
        A.PROTECTED_ADDRESS,
    }
)


def allowed(role: Role, action: Action) -> bool:
    return action in ALLOWED.get(role, frozenset())


def require(identity: Identity, action: Action) -> None:
    """Raise PermissionDenied unless the identity's role may take ``action``.

    On a local file the role and agency are also checked against the trust root's
    signature of the account (issue 15): a role written into the file by anyone but an
    administrator is refused (TamperedRecord), whatever the table would allow it.
    """
    attestation = identity.attestation
    if attestation is not None and not attestation.holds(
        identity.user_id, identity.username, identity.role, identity.agency_id
    ):
        raise TamperedRecord()
    if not allowed(identity.role, action):
        raise PermissionDenied()


def require_audit_verification(identity: Identity) -> None:
    """Verifying the audit log (``rondplan audit``): an auditor or an administrator."""
    if identity.role not in (Role.AUDITOR, Role.ADMINISTRATOR):
        raise PermissionDenied("permission.verify_audit")
    attestation = identity.attestation
    if attestation is not None and not attestation.holds(
        identity.user_id, identity.username, identity.role, identity.agency_id
    ):
        raise TamperedRecord()
