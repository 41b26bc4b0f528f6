"""``rondplan migrate-to-server``: every table copied and counted, the chain verified."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from desktop.cli import main
from desktop.models import Agency, Note, Role, User
from desktop.services.bundle import build_services
from desktop.services.mapping.rows import PersonInput
from desktop.services.security.audit import verify_chain
from desktop.services.uow import UnitOfWork
from desktop.store.server.store import LockedServer
from tests.factories import PASSWORD, fresh_with_users, login


def test_moves_every_table_with_counts_and_a_sound_chain(tmp_path, server_db, capsys, monkeypatch):
    fresh = fresh_with_users(tmp_path)
    coordinator = build_services(login(fresh.path, "coordinator_social"))
    for first in ("Adam", "Bo", "Cem"):
        coordinator.mapping.persons.create(PersonInput(first, "Berg"))
    coordinator.store.lock()
    police = login(fresh.path, "officer_police")
    cipher = police.compartment("police")
    with UnitOfWork(police, "Anteckning") as uow:
        uow.session.add(
            Note(agency_id=police.identity.agency_id, ciphertext=cipher.encrypt("hemligt", "n"))
        )
        uow.audit("note.create", "note")
    police.lock()
    entries = verify_chain(fresh.admin).entries
    fresh.admin.lock()

    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    monkeypatch.setattr("desktop.store.server.store.state_folder", lambda: tmp_path / "state")
    code = main(
        ["migrate-to-server", "--db", str(fresh.path), "--server", server_db, "--user", "admin"]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    rows = dict(re.findall(r"^\s+(\w+)\s+\d+ → +(\d+)  ok$", out, re.MULTILINE))
    assert rows["person"] == "3" and rows["note"] == "1" and rows["user_account"] == "11"
    assert int(rows["audit_entry"]) == entries
    assert "AVVIKER" not in out
    assert f"behandlingsloggen är hel ({entries} poster)" in out
    assert "officer_police" in out  # needs a new password before the first server login

    store = LockedServer(server_db, tmp_path / "state").unlock("admin", PASSWORD)
    try:
        # New rows continue after the copied ids; the chain continues too. (An
        # administrator adds an account: on a server it writes no case data, issue 16.)
        with UnitOfWork(store, "Ny användare") as uow:
            agency = uow.session.scalars(select(Agency.id)).first()
            uow.session.add(
                User(username="dan", display_name="Dan", role=Role.OFFICER, agency_id=agency)
            )
            uow.session.flush()
            uow.audit("user.create", "user")
        with store.read_session() as session:
            assert session.scalar(select(func.count()).select_from(User)) == 12
        # The move's entry, the account's, and the server's own record of the new
        # account (migration 0012); the administrator reads no entry itself (issue 16):
        # the server verifies the chain for it.
        report = verify_chain(store)
        assert report.ok and report.entries == entries + 3
        assert report.head is not None and report.head[0] == entries + 3
        # The administrator's compartment key opened from the copied slot.
        assert store.held_compartments() == {"social"}
    finally:
        store.lock()


def test_refuses_a_database_already_in_use(tmp_path, server_db, monkeypatch, capsys):
    fresh = fresh_with_users(tmp_path)
    fresh.admin.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    monkeypatch.setattr("desktop.store.server.store.state_folder", lambda: tmp_path / "state")
    args = ["migrate-to-server", "--db", str(fresh.path), "--server", server_db, "--user", "admin"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args) == 1
    assert "används redan" in capsys.readouterr().err
