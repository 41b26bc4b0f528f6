"""A machine that cannot show Qt's window gets one sentence, not a core dump (issue 18).

The library is broken for real: a file that is not a library stands first on the
loader's path under the name Qt's xcb plugin needs, so the real dynamic loader fails on
it exactly as on a machine where the package is missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _start(
    tmp_path: Path, lang: str | None = None, **env_extra: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(env_extra)
    args = [sys.executable, "-m", "desktop.cli", "--db", str(tmp_path / "none.db")]
    if lang:
        args += ["--lang", lang]
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def broken_icccm(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "libxcb-icccm.so.4").write_bytes(b"not a shared library\n")
    return folder


def test_a_missing_xcb_library_is_named_in_one_sentence(tmp_path, broken_icccm):
    done = _start(tmp_path, DISPLAY=":0", LD_LIBRARY_PATH=str(broken_icccm))
    assert done.returncode == 1, done.stderr[-2000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "libxcb-icccm.so.4" in lines[0]
    assert "apt-get install libxcb-icccm4" in lines[0]
    assert "Traceback" not in done.stderr


def test_the_sentence_follows_the_language(tmp_path, broken_icccm):
    done = _start(tmp_path, "en", DISPLAY=":0", LD_LIBRARY_PATH=str(broken_icccm))
    assert done.returncode == 1
    assert done.stderr.strip().startswith("rondplan: Rondplan cannot open a window")


def test_no_display_is_one_sentence(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", str(tmp_path / "none.db")],
        env={**{k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "DISPLAY" in done.stderr


def test_offscreen_needs_no_x_libraries(tmp_path, broken_icccm, monkeypatch):
    from desktop.system_check import gui_problem

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert gui_problem() is None
