"""A full disk is reported as a full disk, never as a damaged database.

The disk is really full: a 4 MB tmpfs mounted in a private mount namespace
(``unshare -Urm``, which needs no privileges and disappears with the process),
filled to the last block with a plain file. Before issue 15 SQLite's "disk I/O
error" became "Databasen är skadad … Återställ den senaste säkerhetskopian",
advice to roll back a database that had nothing wrong with it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.factories import PASSWORD

CHILD = textwrap.dedent(
    """
    import json, os, subprocess, sys
    from pathlib import Path
    from sqlalchemy import text
    from desktop.services.uow import UnitOfWork
    from desktop.store.database import open_database
    from desktop.store.errors import StoreError
    from tests.factories import PASSWORD, fresh_database

    folder = Path(sys.argv[1])
    fresh = fresh_database(folder)
    fresh.admin.lock()
    store = open_database(fresh.path).unlock("admin", PASSWORD)

    def fill():
        with open(folder / "fyllnad", "wb") as f:
            try:
                while True:
                    f.write(b"\\0" * 65536)
                    f.flush()
            except OSError:
                pass
        try:
            while True:
                with open(folder / "fyllnad", "ab") as f:
                    f.write(b"\\0" * 512)
        except OSError:
            pass

    fill()
    result = {}
    try:
        with UnitOfWork(store, "Fyll disken") as uow:
            uow.session.execute(text("CREATE TABLE skrap (b BLOB)"))
            for _ in range(400):
                uow.session.execute(text("INSERT INTO skrap VALUES (randomblob(4000))"))
            uow.audit("test.fill", None)
        result["write"] = "saved"
    except StoreError as error:
        result["write"] = type(error).__name__ + ": " + error.code
    finally:
        store.lock()
    # Closing the store gave back the write-ahead log's room: fill that too, so the
    # command below meets a full disk as it opens the file (SQLite: "disk I/O error").
    fill()
    env = dict(os.environ, RONDPLAN_PASSWORD=sys.argv[2])
    cli = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "check", "--db", str(fresh.path), "--user", "admin"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    result["cli"] = [cli.returncode, cli.stderr]
    os.unlink(folder / "fyllnad")
    print(json.dumps(result))
    """
)


@pytest.fixture
def full_disk_run(tmp_path: Path) -> dict[str, object]:
    unshare = shutil.which("unshare")
    assert unshare, "util-linux unshare is needed (installed by .ci/run)"
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    shell = (
        f"mount -t tmpfs -o size=4m tmpfs {mount_point} && "
        f"exec {sys.executable} {script} {mount_point} '{PASSWORD}'"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    done = subprocess.run(
        [unshare, "-Urm", "sh", "-c", shell],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_full_disk_is_not_called_damage(full_disk_run: dict[str, object]) -> None:
    write = str(full_disk_run["write"])
    assert write != "saved"
    assert write.startswith(("DiskFull", "DiskError")), write
    assert write.endswith(("store.disk_full", "store.disk_error")), write

    code, stderr = full_disk_run["cli"]  # type: ignore[misc]
    assert code == 1, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in stderr
    assert "full" in lines[0], lines
    assert "skadad" not in lines[0] and "säkerhetskopia" not in lines[0], lines
