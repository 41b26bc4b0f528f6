"""Switching an account off on a server: what happens, and what the administrator is told.

The role is set NOLOGIN and taken out of its rights groups at once, so a session that is
already open (the user's workstation, or her own psql) reads nothing more. No key is
rotated on a server (docs/security.md, "Revocation"); the command line used to say the
keys had been replaced, which on a server was not true.
"""

from __future__ import annotations

import psycopg
import pytest

from desktop.cli import main
from tests.attacks import server_world
from tests.factories import PASSWORD

pytestmark = pytest.mark.postgres


@pytest.fixture
def own(tmp_path, on_postgres, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    yield from server_world.world(tmp_path)


def _deactivate(fresh, username: str, *first: str) -> int:
    args = ["--server", server_world.url(fresh), "--user", "admin"]
    return main([*first, "users", "deactivate", username, *args])


def test_an_open_session_of_a_deactivated_user_reads_nothing_more(own, capsys):
    conn = server_world.as_user(own, "coordinator_police")
    try:
        assert conn.execute("SELECT count(*) FROM person").fetchone() is not None
        assert _deactivate(own, "coordinator_police") == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT id, first_name, last_name FROM person").fetchall()
    finally:
        conn.close()
    with pytest.raises(psycopg.OperationalError):
        server_world.as_user(own, "coordinator_police").close()
    out = capsys.readouterr().out
    assert out.strip() == (
        "Kontot coordinator_police är avstängt; det kan inte logga in och har inte längre "
        "några rättigheter på servern."
    )


def test_the_administrator_is_told_in_english_too(own, capsys):
    assert _deactivate(own, "officer_social", "--lang", "en") == 0
    assert capsys.readouterr().out.strip() == (
        "The account officer_social is deactivated; it cannot log in and has no rights "
        "left on the server."
    )


def test_other_users_sessions_stay_open(own):
    with server_world.as_user(own, "coordinator_social") as other:
        assert _deactivate(own, "coordinator_police") == 0
        assert other.execute("SELECT count(*) FROM person").fetchone() is not None


def test_the_administration_page_asks_what_happens_on_a_server(
    on_postgres, qtbot, tmp_path, monkeypatch
):
    """The question before switching off names no key rotation on a server (it did)."""
    from PySide6.QtWidgets import QMessageBox

    from tests.factories import fresh_with_users
    from tests.gui.admin.test_deactivate import _select, _tab

    tab = _tab(qtbot, fresh_with_users(tmp_path))
    _select(tab, "officer_social")
    asked: list[str] = []

    def answer(parent, title, text, *rest):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    tab.deactivate()
    assert len(asked) == 1
    assert "förlorar genast alla rättigheter på servern" in asked[0]
    assert "nycklar" not in asked[0]
