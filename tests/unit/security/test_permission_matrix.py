"""Every role against every action: the table in permissions.py must match this one.

A new Action without a row here fails, so nobody adds an action without deciding who
may take it.
"""

from __future__ import annotations

import pytest

from desktop.models import Role
from desktop.services.permissions import SENSITIVE, Action, allowed

ADM, COO, TL, OFF, AUD = "A", "C", "T", "O", "U"
# Action -> roles allowed (A administrator, C coordinator, T team lead, O officer, U auditor)
EXPECTED: dict[Action, str] = {
    Action.PERSON_READ: "CTO",
    Action.PERSON_EDIT: "C",
    Action.PERSON_MERGE: "C",
    Action.PERSON_REVEAL_ID: "C",
    Action.GROUP_READ: "CTO",
    Action.GROUP_EDIT: "C",
    Action.SEARCH: "CTO",
    Action.NOTE_READ: "CTO",
    Action.NOTE_WRITE: "CTO",
    Action.NOTE_DISCLOSE: "CO",
    Action.OPERATION_READ: "CTO",
    Action.OPERATION_EDIT: "C",
    Action.PLAN: "C",
    Action.VISIT_MOVE: "C",
    Action.VISIT_REVISIT: "CT",
    Action.OUTCOME_RECORD: "CT",
    Action.BRIEFING_PRINT: "CT",
    Action.PRINT: "CTOU",
    Action.CALLIN_READ: "CTO",
    Action.CALLIN_EDIT: "C",
    Action.SUPPORT_READ: "CTO",
    Action.SUPPORT_EDIT: "C",
    Action.REFERRAL_EDIT: "CTO",
    Action.TASK_READ: "CTOU",
    Action.TASK_EDIT: "CTO",
    Action.STATS_READ: "CU",
    Action.RESEARCH_EXPORT: "C",
    Action.EXPORT: "C",
    Action.IMPORT: "C",
    Action.AUDIT_READ: "U",
    Action.USER_ADMIN: "A",
    Action.ROLE_CHANGE: "A",
    Action.RETENTION_ADMIN: "A",
    Action.RETENTION_OVERRIDE: "A",
    Action.TEMPLATE_EDIT: "A",
    Action.BACKUP: "A",
    Action.RESTORE: "A",
    Action.KEY_ROTATE: "A",
    Action.SETTINGS_ADMIN: "A",
    Action.PROTECTED_ADDRESS: "CT",
    Action.INCIDENT_READ: "CTO",
    Action.INCIDENT_EDIT: "CO",
    Action.INCIDENT_RESPOND: "C",
}
LETTER = {
    Role.ADMINISTRATOR: ADM,
    Role.COORDINATOR: COO,
    Role.TEAM_LEAD: TL,
    Role.OFFICER: OFF,
    Role.AUDITOR: AUD,
}


def test_every_action_has_a_row():
    missing = [a.value for a in Action if a not in EXPECTED]
    assert not missing, f"actions without a row in the matrix: {missing}"


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_role_action_matrix(role, action):
    assert allowed(role, action) == (LETTER[role] in EXPECTED[action]), (role, action)


def test_sensitive_actions_named_by_the_issue():
    assert {
        Action.EXPORT,
        Action.ROLE_CHANGE,
        Action.KEY_ROTATE,
        Action.AUDIT_READ,
        Action.RETENTION_OVERRIDE,
        Action.PERSON_REVEAL_ID,
        Action.PROTECTED_ADDRESS,  # issue 15: printing a protected address
    } <= SENSITIVE
