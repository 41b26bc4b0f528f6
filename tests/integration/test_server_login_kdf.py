"""The server login's Argon2 cost does not follow the keyslot's default (issue 19).

A release that raises the keyslot cost (``crypto.default_kdf``) used to change every
role's login secret, so no existing account could log in any more. A release that
raises the login's own cost adds a generation; roles set before still log in.
On the SCRAM cluster, where PostgreSQL checks each role's password.
"""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.services.server_policy import server_policy
from desktop.store import crypto
from desktop.store.errors import WrongPassword
from desktop.store.server import connect
from desktop.store.server.provision import init_server
from desktop.store.server.store import LockedServer
from tests.factories import PASSWORD

HIGHER = crypto.KdfParams(time_cost=3, memory_kib=16, parallelism=1)


@pytest.fixture
def url(scram_cluster, tmp_path, monkeypatch):
    """On the SCRAM cluster: the role's password is checked (the test server trusts)."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    made = scram_cluster.create_database()
    init_server(
        made, "admin", "Ada Admin", PASSWORD, state_dir=tmp_path / "state", policy=server_policy()
    ).store.lock()
    return made


def open_server(url: str) -> LockedServer:
    return LockedServer(url)


def test_a_higher_keyslot_cost_in_a_release_keeps_old_accounts_logging_in(url, monkeypatch):
    monkeypatch.setattr(crypto, "default_kdf", lambda: HIGHER)
    store = open_server(url).unlock("admin", PASSWORD)
    try:
        assert store.identity.username == "admin"
        store.lock()
        store.unlock(PASSWORD)  # the lock screen: the same login secret again
    finally:
        store.lock()


def test_a_new_login_generation_keeps_old_roles_and_is_given_to_new_ones(
    url, tmp_path, monkeypatch
):
    monkeypatch.setattr(connect, "TEST_LOGIN_KDFS", (HIGHER, crypto.TEST_KDF))
    admin = open_server(url).unlock("admin", PASSWORD)  # an old role: the older generation
    admin.lock()
    admin.unlock(PASSWORD)  # the lock screen keeps the generation the role has
    admin.lock()
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    out = tmp_path / "lösen.txt"
    add = ["users", "add", "nyanna", "--name", "Ny Anna", "--role", "officer"]
    assert (
        main([*add, "--agency", "social", "--server", url, "--user", "admin", "-o", str(out)]) == 0
    )
    new = out.read_text(encoding="utf-8").splitlines()[1].split(";")[1]
    # The new role's login is the newest generation: the old one alone does not open it.
    open_server(url).unlock("nyanna", new).lock()
    monkeypatch.setattr(connect, "TEST_LOGIN_KDFS", (crypto.TEST_KDF,))
    with pytest.raises(WrongPassword):
        open_server(url).unlock("nyanna", new)
    open_server(url).unlock("admin", PASSWORD).lock()
