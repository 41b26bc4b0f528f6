"""Finding 15: a group profile shows its members, so its read is a read of them too."""

from __future__ import annotations

from sqlalchemy import select

from desktop.models import AuditEntry, Role
from desktop.services.bundle import build_services
from desktop.services.security.audit_log import AuditLogService
from desktop.services.security.reauth import Reauthentication
from tests.factories import add_user, fresh_database, login
from tests.unit.mapping import factories as f


def test_group_profile_read_is_found_as_a_read_of_each_member(tmp_path):
    fresh = fresh_database(tmp_path)
    add_user(fresh, "coordinator_social", Role.COORDINATOR, "social")
    add_user(fresh, "auditor_social", Role.AUDITOR, "social")
    services = build_services(login(fresh.path, "coordinator_social"))
    store = services.store
    g = f.group(store, "Norra")
    a, b, outside = f.person(store, "Ali", "Hassan"), f.person(store, "Bo", "Lind"), f.person(store)
    f.member(store, a, g)
    f.member(store, b, g)
    services.mapping.groups.profile(g)
    with store.read_session() as s:
        group_entry, person_entry = list(
            s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(2))
        )[::-1]
    assert (group_entry.action, group_entry.object_type, group_entry.object_ids) == (
        "group.read",
        "group",
        str(g),
    )
    assert (person_entry.action, person_entry.object_type) == ("person.read", "person")
    assert sorted(int(i) for i in person_entry.object_ids.split(",")) == sorted([a, b])
    assert person_entry.detail == f"via=group:{g}"
    store.lock()

    auditor = login(fresh.path, "auditor_social")
    log = AuditLogService(auditor, Reauthentication(auditor))
    found = log.who_read_person(a)
    assert [(r.action, r.username) for r in found] == [("person.read", "coordinator_social")]
    assert log.who_read_person(outside) == []
    auditor.lock()
