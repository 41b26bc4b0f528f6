"""Relatives on a profile: add, edit, remove, validation and optimistic locking."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.models import AuditEntry
from desktop.services.errors import ConflictError, ValidationError
from desktop.services.mapping.relatives import RelativeInput
from tests.unit.mapping import factories as f


def audit_count(store, action: str) -> int:
    with store.read_session() as s:
        return s.scalar(select(func.count()).where(AuditEntry.action == action))


def test_add_edit_remove_relative(services):
    store, persons = services.store, services.mapping.persons
    pid, brother = f.person(store, "Ali", "Berg"), f.person(store, "Omar", "Berg")
    persons.add_relative(pid, RelativeInput("Omar Berg", "bror", "0701234567", True, True, brother))
    (row,) = persons.profile(pid).relatives
    assert (row.relation, row.same_address, row.likely_present) == ("bror", True, True)
    assert row.linked_person_id == brother and row.phone
    persons.update_relative(row.id, row.version, RelativeInput("Omar Berg", "halvbror"))
    (edited,) = persons.profile(pid).relatives
    assert (edited.relation, edited.linked_person_id, edited.phone) == ("halvbror", None, None)
    with pytest.raises(ConflictError):
        persons.update_relative(row.id, row.version, RelativeInput("X", "bror"))
    persons.remove_relative(edited.id, edited.version)
    assert persons.profile(pid).relatives == ()
    for action in ("relative.create", "relative.update", "relative.delete"):
        assert audit_count(store, action) == 1


def test_relative_needs_name_and_relation_and_not_oneself(services):
    store, persons = services.store, services.mapping.persons
    pid = f.person(store)
    with pytest.raises(ValidationError) as missing:
        persons.add_relative(pid, RelativeInput("Sara", " "))
    assert missing.value.field == "relation"
    with pytest.raises(ValidationError) as itself:
        persons.add_relative(pid, RelativeInput("Adam Berg", "kusin", linked_person_id=pid))
    assert itself.value.field == "linked_person_id"
