"""Start-up: the login window and the populated main window vs a bare PySide6 window.

Each figure runs in a fresh process, timed from spawn to the first paint, and is
compared with a bare themed QMainWindow measured the same way in the same run.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.core import Figure

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from desktop.views.theme.apply import apply_theme
app = QApplication(sys.argv[:1])
apply_theme(app, "light")
window = QMainWindow()
window.setCentralWidget(QLabel("Rondplan"))
{paint_probe}
window.show()
app.exec()
"""

MAIN = """
import sys, time
from desktop.app import Session, create_application
# The real app does this on a thread while the password is typed (preload).
from desktop.app import preload_heavy_modules
preload_heavy_modules().join()
from desktop.store.database import open_database
from desktop.views.settings import Settings
app, settings = create_application("sv")
locked = open_database(__import__("pathlib").Path({db!r}))
keys = locked.keyslots.unlock({user!r}, {password!r})
started = time.perf_counter()  # after the deliberate KDF cost: open + build + paint
store = locked._open(keys, {user!r})
session = Session(store, settings, "bench")
window = session.window
{paint_probe}
window.show()
app.exec()
"""

# Prints the time of the first paint since interpreter start (or since ``started``).
PAINT_PROBE = """
from PySide6.QtCore import QEvent, QObject, QTimer
class _Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("PAINTED", flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False
_probe = _Probe()
window.installEventFilter(_probe)
"""

PAINT_PROBE_MAIN = PAINT_PROBE.replace(
    'print("PAINTED", flush=True)', 'print("PAINTED", time.perf_counter() - started, flush=True)'
)


def _spawn_to_paint(code: str) -> float:
    return spawn_to_paint([sys.executable, "-c", code])


# Installed Rondplan runs from compiled bytecode (pip and the frozen build write it),
# so the children may cache theirs, outside the source tree, even where the shell
# sets PYTHONDONTWRITEBYTECODE; the warm-up run fills the cache for floor and app alike.
@functools.cache
def _pycache() -> str:
    folder = tempfile.mkdtemp(prefix="rondplan-bench-pycache-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def spawn_to_paint(command: list[str]) -> float:
    """Seconds from spawning ``command`` to its "PAINTED" line (or the time it prints)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "qt.qpa.*=false",
        "PYTHONPYCACHEPREFIX": _pycache(),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("PAINTED"):
            elapsed = time.perf_counter() - start
            proc.wait(timeout=60)
            parts = line.split()
            return float(parts[1]) if len(parts) > 1 else elapsed
    proc.wait(timeout=60)
    raise RuntimeError("the window never painted")


def _median(code: str, runs: int) -> float:
    _spawn_to_paint(code)  # warm the file cache
    return statistics.median(_spawn_to_paint(code) for _ in range(runs))


def figures(quick: bool) -> list[Figure]:
    runs = 3 if quick else 7
    bare = _median(BARE.format(paint_probe=PAINT_PROBE), runs)
    # The real entry point, as a user starts it: CLI parsing, settings, translators,
    # theme, the login window; logging and heavy imports follow the first paint.
    probe = [sys.executable, "-m", "desktop.cli", "--startup-probe"]
    spawn_to_paint(probe)
    login = statistics.median(spawn_to_paint(probe) for _ in range(runs))
    result = [
        Figure(
            "start to login window",
            login * 1000,
            "ms",
            "≤ 1.5 × bare themed PySide6 window",
            login <= 1.5 * bare,
            floor=bare * 1000,
            floor_name="bare themed window, spawn to first paint",
        )
    ]
    from desktop.opening import demo_username
    from desktop.services import demo

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        demo.generate_demo(db)
        code = MAIN.format(
            db=str(db),
            user=demo_username(),
            password=demo.DEMO_PASSWORD,
            paint_probe=PAINT_PROBE_MAIN,
        )
        main = _median(code, runs)
    result.append(
        Figure(
            "login to populated main window (after KDF)",
            main * 1000,
            "ms",
            "≤ 1.5 × bare themed PySide6 window",
            main <= 1.5 * bare,
            floor=bare * 1000,
            floor_name="bare themed window, spawn to first paint",
        )
    )
    return result
