"""Which tables (and columns) each action reads or writes on the server, as the app does it.

``NEEDS`` maps every ``permissions.Action`` to its tables; ``EVERY_ROLE`` is what any
role needs to log in and save at all. ``desktop.services.server_rights`` derives each
role's grants from these and the permission table; a test walks every table and column
of the schema and fails on one without a rule here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.models import Role
from desktop.services.permissions import ALLOWED, Action

A = Action
SELECT, INSERT, UPDATE, DELETE = "SELECT", "INSERT", "UPDATE", "DELETE"
OPERATIONS = (SELECT, INSERT, UPDATE, DELETE)
_LETTERS = {"S": SELECT, "I": INSERT, "U": UPDATE, "D": DELETE}


@dataclass(frozen=True)
class Need:
    """Operations on one table; ``columns`` limits SELECT/UPDATE to those columns."""

    operations: frozenset[str]
    select_columns: tuple[str, ...] | None = None
    update_columns: tuple[str, ...] | None = None


def need(
    letters: str, select: Iterable[str] | None = None, update: Iterable[str] | None = None
) -> Need:
    return Need(
        frozenset(_LETTERS[letter] for letter in letters),
        tuple(select) if select is not None else None,
        tuple(update) if update is not None else None,
    )


# Tables of case data: personal data about mapped persons and the work with them.
CASE_TABLES: tuple[str, ...] = (
    "person",
    "address",
    "relative",
    "group_",
    "membership",
    "group_relation",
    "sanction_period",
    "operation",
    "operation_target",
    "team",
    "team_member",
    "visit",
    "delivery",
    "call_in",
    "call_in_speaker",
    "invitation",
    "referral",
    "referral_event",
    "task",
    "note",
    "disclosure",
    "print_record",
    "incident",
    "incident_group",
    "incident_person",
    "incident_person_sealed",
    "incident_revision",
    "incident_response",
)
# Tables whose every SELECT is recorded by the server (pgaudit object auditing, see
# docs/server.md): the ones that name or locate a mapped person.
PERSONAL_TABLES: tuple[str, ...] = (
    "person",
    "address",
    "relative",
    "membership",
    "visit",
    "delivery",
    "invitation",
    "referral",
    "task",
    "note",
    "operation_target",
    "incident_person",
    "incident_person_sealed",
)

# Organisation and bookkeeping tables, and who touches them.
ORGANISATION_TABLES: tuple[str, ...] = (
    "agency",
    "user_account",
    "user_role",
    "server_keyslot",
    "setting",
    "audit_entry",
    "audit_pending",
    "audit_chain_state",
    "server_limits",
    "server_recovery",
    "server_recovery_challenge",
    "alembic_version",
    "retention_rule",
    "retention_ledger",
    "signed_record",
    "template",
    "staff_member",
    "staff_absence",
    "support_service",
)

ALL_TABLES: tuple[str, ...] = (*CASE_TABLES, *ORGANISATION_TABLES)

# What every application role needs to log in and save anything at all. Row-level
# security (migrations 0001, 0005) narrows user_account, server_keyslot and setting.
EVERY_ROLE: dict[str, Need] = {
    "agency": need("S"),
    "user_account": need(
        "SU",
        update=("display_name", "last_login_at", "password_changed_at", "version", "updated_at"),
    ),
    "user_role": need("S"),
    "server_keyslot": need("SIUD"),
    "setting": need("SIUD"),
    # The audit log is read by the auditor only (AUDIT_READ, issue 16). Entries are
    # appended through the queue (audit_pending, migration 0012: INSERT for <db>:app,
    # the server stamps and chains them); every other role's `check` asks the server
    # to verify the chain (rondplan_audit_verify, migration 0017: counts and hashes,
    # never a field). audit_chain_state and server_limits are the server functions'
    # only. Before 0012 (no queue) a unit of work inserts its entry itself and reads
    # the chain: see LEGACY_AUDIT_INSERT.
    "alembic_version": need("S"),
    # The daily retention run reads the rules (only administrators write them).
    "retention_rule": need("S"),
    # Each retention delete leaves table and id (no name); a user's run writes it.
    "retention_ledger": need("SI", select=("id",)),  # the ORM reads the new id back
    # The administrators' signatures of accounts, agencies and keys (migration 0007).
    "signed_record": need("S"),
    "template": need("S"),
    "staff_member": need("S"),
    "support_service": need("S"),
}

_MAPPING_READ = {
    "person": need("S"),
    "address": need("S"),
    "relative": need("S"),
    "group_": need("S"),
    "membership": need("S"),
    "group_relation": need("S"),
    "sanction_period": need("S"),
}
_FIELD_READ = {
    "operation": need("S"),
    "operation_target": need("S"),
    "team": need("S"),
    "team_member": need("S"),
    "visit": need("S"),
    "delivery": need("S"),
    "staff_absence": need("S"),
}
_ENGAGEMENT_READ = {
    "call_in": need("S"),
    "call_in_speaker": need("S"),
    "invitation": need("S"),
    "referral": need("S"),
    "referral_event": need("S"),
    "task": need("S"),
}

# Outcome columns of a visit: recording an outcome never moves, reassigns or cancels it.
OUTCOME_COLUMNS = (
    "status",
    "outcome_recorded_at",
    "family_present",
    "part_not_suspected",
    "part_no_harm",
    "part_consequences",
    "part_help",
    "response",
    "support_asked",
    "support_offered",
    "support_accepted",
    "leave_behind",
    "version",
    "updated_at",
)
# What figures are counted from: dates, states and links, never a name, a personnummer,
# a street, a phone number or a text (statistics, the auditor's follow-up reports).
STATS_COLUMNS: dict[str, tuple[str, ...]] = {
    "person": (
        "id",
        "mapped_on",
        "merged_into_id",
        "birth_date",
        "category",
        "status",
        "protected_identity",
    ),
    "address": ("id", "person_id", "area", "valid_from", "valid_to"),
    "group_": ("id", "name", "active"),
    "membership": ("id", "person_id", "group_id", "role", "since", "until"),
    # support_offered: door offers count in uptake (issue 17).
    "visit": (
        "id",
        "person_id",
        "team_id",
        "operation_id",
        "starts_at",
        "status",
        "support_offered",
        "incident_id",  # a response visit is urgent (issue 20)
    ),
    "call_in": ("id", "starts_at", "status"),
    "invitation": ("id", "call_in_id", "person_id", "status"),
    "referral": (
        "id",
        "person_id",
        "service_id",
        "status",
        "responsible_agency_id",
        "self_initiated",
        "opened_on",
        "closed_on",
        "visit_id",  # a door offer is one without a referral from its visit (issue 17)
        "retracted_at",  # retracted referrals count nowhere (issue 17)
    ),
    "referral_event": ("id", "referral_id", "status", "on_date"),
    "team": ("id", "operation_id"),
    "team_member": ("id", "team_id", "staff_id"),
    "operation": ("id", "start_date", "end_date", "status"),
    # Incidents by kind, district, counts and the groups involved (issue 20): never the
    # description (sealed anyway) nor a person.
    "incident": ("id", "kind", "certainty", "occurred_at", "district", "injured", "killed"),
    "incident_group": ("id", "incident_id", "group_id", "side"),
}
# Follow-up tasks without the person or visit they are about (the auditor's own tasks).
TASK_READ_COLUMNS = (
    "id",
    "title",
    "due_date",
    "status",
    "owner_user_id",
    "team_id",
    "done_at",
    "version",
    "created_at",
    "updated_at",
)

NEEDS: dict[Action, dict[str, Need]] = {
    A.PERSON_READ: {**_MAPPING_READ, **_FIELD_READ, **_ENGAGEMENT_READ, "note": need("S")},
    A.SEARCH: {k: _MAPPING_READ[k] for k in ("person", "address", "group_", "membership")},
    A.PERSON_EDIT: {
        "person": need("SIU"),
        "address": need("SIUD"),
        "relative": need("SIUD"),
        "membership": need("SIUD"),
    },
    # The merge moves every reference to the kept person (notes through
    # rondplan_repoint_notes) and deletes doubled memberships.
    A.PERSON_MERGE: {
        "person": need("SU"),
        "address": need("SU"),
        "relative": need("SU"),
        "membership": need("SUD"),
        "visit": need("SU"),
        "delivery": need("SU"),
        "referral": need("SU"),
        "task": need("SU"),
        "invitation": need("SU"),
        "operation_target": need("SU"),
    },
    A.PERSON_REVEAL_ID: {"person": need("S")},
    A.GROUP_READ: {
        k: _MAPPING_READ[k] for k in ("group_", "membership", "group_relation", "sanction_period")
    },
    A.GROUP_EDIT: {
        "group_": need("SIU"),
        "membership": need("SIUD"),
        "group_relation": need("SIUD"),
        "sanction_period": need("SIUD"),
    },
    A.NOTE_READ: {"note": need("S"), "disclosure": need("S")},
    A.NOTE_WRITE: {"note": need("SIUD")},
    # The copy and the register row are written by rondplan_disclose_note only.
    A.NOTE_DISCLOSE: {"note": need("S"), "disclosure": need("S")},
    A.OPERATION_READ: dict(_FIELD_READ),
    A.OPERATION_EDIT: {
        "operation": need("SIUD"),
        "operation_target": need("SIUD"),
        "team": need("SIUD"),
        "team_member": need("SIUD"),
        "staff_member": need("SIU"),
        "staff_absence": need("SIUD"),
        # Shortening the period drops the proposals outside it; removing a target, his.
        "visit": need("SD"),
    },
    A.PLAN: {"visit": need("SIUD"), "team": need("SU")},
    A.VISIT_MOVE: {"visit": need("SU")},
    # The proposed visit is a new row; the failed one is only read.
    A.VISIT_REVISIT: {"visit": need("SI"), "team_member": need("S"), "staff_member": need("S")},
    A.OUTCOME_RECORD: {
        "visit": need("SU", update=OUTCOME_COLUMNS),
        "delivery": need("SI"),
        "referral": need("SI"),
        "referral_event": need("SI"),
        "task": need("SI"),
    },
    # A print's record gets its object ids when the document is done (an UPDATE).
    A.BRIEFING_PRINT: {"print_record": need("SIU"), "address": need("S")},
    A.PRINT: {"print_record": need("SIU")},
    A.CALLIN_READ: {k: _ENGAGEMENT_READ[k] for k in ("call_in", "call_in_speaker", "invitation")},
    A.CALLIN_EDIT: {
        "call_in": need("SIUD"),
        "call_in_speaker": need("SIUD"),
        "invitation": need("SIUD"),
        "delivery": need("SID"),
        "task": need("SI"),
    },
    A.SUPPORT_READ: {k: _ENGAGEMENT_READ[k] for k in ("referral", "referral_event")},
    A.SUPPORT_EDIT: {"support_service": need("SIUD")},
    A.REFERRAL_EDIT: {
        "referral": need("SIU"),
        "referral_event": need("SI"),
        "task": need("SIU"),
    },
    A.TASK_READ: {"task": need("S", select=TASK_READ_COLUMNS)},
    A.TASK_EDIT: {"task": need("SIUD")},
    A.STATS_READ: {
        **{table: need("S", select=columns) for table, columns in STATS_COLUMNS.items()},
        # Dates, channels and links only (figures probe it with EXISTS (SELECT * ...)).
        "delivery": need("S"),
        # Links, sides, sources and certainty, no person (group-involved incidents are
        # counted with EXISTS (SELECT * ...), which needs every column).
        "incident_group": need("S"),
    },
    A.RESEARCH_EXPORT: {table: need("S") for table in (*STATS_COLUMNS, "delivery")},
    A.EXPORT: {k: need("S") for k in ("person", "address", "membership", "group_")},
    A.IMPORT: {
        "person": need("SIU"),
        "address": need("SIU"),
        "membership": need("SIU"),
        "group_": need("SIU"),
    },
    A.AUDIT_READ: {"audit_entry": need("S")},
    # Row-level security (migration 0016): a victim's, injured person's or witness's
    # link and a correction's old values only within the recording agency, which alone
    # writes its incidents.
    A.INCIDENT_READ: {
        "incident": need("S"),
        "incident_group": need("S"),
        "incident_person": need("S"),
        "incident_person_sealed": need("S"),
        "incident_revision": need("S"),
        "incident_response": need("S"),
    },
    A.INCIDENT_EDIT: {
        "incident": need("SIU"),
        "incident_group": need("SIUD"),
        "incident_person": need("SIUD"),
        "incident_person_sealed": need("SIUD"),
        "incident_revision": need("SI"),
    },
    # The urgent round is an operation of its own with copied teams and proposed visits;
    # acceptance makes the sanction periods and follow-up tasks.
    A.INCIDENT_RESPOND: {
        "incident_response": need("SIU"),
        "operation": need("SIU"),
        "operation_target": need("SI"),
        "team": need("SI"),
        "team_member": need("SI"),
        "visit": need("SIUD"),
        "sanction_period": need("SI"),
        "task": need("SI"),
    },
    A.USER_ADMIN: {
        "user_account": need("SIUD"),
        "user_role": need("SIUD"),
        "staff_member": need("SIU"),
        "signed_record": need("SIUD"),
    },
    A.ROLE_CHANGE: {"user_account": need("SU")},
    # The run deletes expired visits, deliveries and referrals by ids and dates (every
    # agency's notes through rondplan_retention_notes; its own agency's notes on a
    # deleted visit by id, row-level security keeps the others): ids, dates and links.
    A.RETENTION_ADMIN: {
        "retention_rule": need("SIUD"),
        "retention_ledger": need("SI"),
        "visit": need(
            "SUD",
            select=("id", "starts_at", "revisit_of_id"),
            update=("revisit_of_id", "updated_at"),
        ),
        "delivery": need("SUD", select=("id", "delivered_on", "visit_id"), update=("visit_id",)),
        "referral": need(
            "SUD",
            select=("id", "closed_on", "responsible_agency_id", "visit_id"),
            update=("visit_id", "updated_at"),
        ),
        "referral_event": need("SD", select=("referral_id",)),
        "task": need(
            "SU",
            select=("id", "referral_id", "visit_id"),
            update=("referral_id", "visit_id", "updated_at"),
        ),
        "note": need(
            "SUD", select=("id", "visit_id", "disclosed_from_id"), update=("disclosed_from_id",)
        ),
        # Expired incidents by date (their links, corrections and responses cascade).
        "incident": need("SD", select=("id", "occurred_at", "agency_id")),
    },
    # Deleting a person or group takes every agency's notes on it (a cascade): only the
    # administrators' retention override may; it sees no name, only ids and dates.
    A.RETENTION_OVERRIDE: {
        "person": need("SD", select=("id", "merged_into_id", "updated_at")),
        "group_": need("SD", select=("id",)),
    },
    A.TEMPLATE_EDIT: {"template": need("SIU")},
    A.BACKUP: {},
    A.RESTORE: {},
    A.KEY_ROTATE: {},
    A.SETTINGS_ADMIN: {"setting": need("SIUD")},
}

# Reading a protected address (issue 15's action, desktop.services.protected_addresses;
# looked up by value so that this module does not depend on the order of commits).
_PROTECTED = next((a for a in Action if a.value == "address.protected"), None)
if _PROTECTED is not None:
    # Its holders seal a protected person's plain address at login (the text moves
    # into ``sealed``, encrypted on the workstation): those columns only.
    NEEDS[_PROTECTED] = {
        "address": need(
            "SU",
            update=("sealed", "street", "postcode", "city", "area", "access_notes", "version"),
        )
    }

# Roles that see where a person with protected identity lives: those who print the
# briefing packet the team takes to the door, and who edit the person.
PROTECTED_ADDRESS_ACTIONS = frozenset(
    {A.BRIEFING_PRINT, A.PERSON_EDIT} | ({_PROTECTED} if _PROTECTED is not None else set())
)


def protected_address_roles() -> tuple[Role, ...]:
    return tuple(role for role in Role if ALLOWED[role] & PROTECTED_ADDRESS_ACTIONS)
