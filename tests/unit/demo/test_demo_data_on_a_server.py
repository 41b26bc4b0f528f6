"""``rondplan --server URL demo-data`` is refused in one line (issue 19).

Demo accounts need server roles; the command used to ignore --server and write a
demo database into the default local folder instead.
"""

from __future__ import annotations

from desktop.cli import main


def test_demo_data_with_a_server_is_refused_and_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = "postgresql://127.0.0.1:5432/rondplan_demo"
    assert main(["--server", url, "demo-data", "--persons", "50"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("rondplan: ") and len(err.strip().splitlines()) == 1
    assert "server" in err
    assert not any(tmp_path.rglob("*.db"))
