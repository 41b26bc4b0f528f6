"""The concurrent-save conflict dialog reads the stored person with an audit entry (issue 17)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.models import AuditEntry
from desktop.services.mapping.rows import PersonInput
from desktop.views.server.conflict_dialog import PERSON_LABELS, resolve_conflict

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _entries(store):
    with store.read_session() as s:
        return s.execute(
            select(AuditEntry.action, AuditEntry.object_type, AuditEntry.object_ids).order_by(
                AuditEntry.seq
            )
        ).all()


def test_conflict_dialog_reads_the_person_with_one_audit_entry(qtbot, field):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    person_id = field.persons[0]
    shown = []
    with field.store.read_session() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))

    def ask(dialog) -> bool:
        shown.append(dialog)
        return False  # the user looks at the stored version and cancels

    # What this user typed; someone else saved the person first.
    mine = PersonInput(first_name="Nytt", last_name="Namn")
    result = resolve_conflict(
        parent, field.store, "person", person_id, mine, lambda m, v: None, PERSON_LABELS, ask
    )
    assert result is None and shown
    assert "first_name" in shown[0].fields  # the stored name was shown beside the typed one
    new = _entries(field.store)[before:]
    assert [(a, t) for a, t, _ in new] == [("person.read", "person")], new
    assert str(person_id) in new[0][2].replace(",", " ").split()
