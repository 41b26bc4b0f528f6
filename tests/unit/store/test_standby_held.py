"""Audit entries of reads on a standby wait in an owner-only file (issue 19)."""

from __future__ import annotations

import datetime as dt
import os
import stat

from desktop.store.server.standby import HeldEntries, held_path

AT = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)


def test_entries_wait_in_order_marked_with_when_they_were_read(tmp_path):
    held = HeldEntries(held_path(tmp_path, "db-1", "rondplan.anna"))
    held.hold([{"action": "login", "detail": None, "at": AT}], now=AT)
    held.hold([{"action": "person.read", "detail": "via=list"}], now=AT)
    assert held.entries() == [
        {"action": "login", "detail": "held_from_standby=2026-12-07T08:00:00+00:00"},
        {"action": "person.read", "detail": "via=list;held_from_standby=2026-12-07T08:00:00+00:00"},
    ]
    assert stat.S_IMODE(os.stat(held.path).st_mode) == 0o600


def test_only_what_was_taken_is_forgotten(tmp_path):
    held = HeldEntries(held_path(tmp_path, "db-1", "rondplan.anna"))
    held.hold([{"action": "a"}], now=AT)
    taking = len(held.entries())
    held.hold([{"action": "b"}], now=AT)  # read meanwhile, not in that commit
    held.taken(taking)
    assert [e["action"] for e in held.entries()] == ["b"]
    held.taken(1)
    assert not held.path.exists()


def test_each_user_and_installation_has_its_own_file_named_by_neither(tmp_path):
    anna = held_path(tmp_path, "db-1", "rondplan.anna")
    assert anna != held_path(tmp_path, "db-1", "rondplan.bo")
    assert anna != held_path(tmp_path, "db-2", "rondplan.anna")
    assert "anna" not in anna.name and "db-1" not in anna.name
