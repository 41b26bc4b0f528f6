"""The real application in a real X server: start it, type and click, look at the screen.

Everything a person does goes through xdotool (real X input events); what the screen
shows is read from screenshots (ImageMagick's ``import -window root``) and from the
app's e2e probe (desktop/views/shell/probe.py), which only answers when the app was
started with ``RONDPLAN_E2E_PROBE``. See tests/e2e/README.md.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

SCREEN = (1600, 1000)
SWEDISH_KEYS = frozenset("åäöÅÄÖ")
TOOLS = ("Xvfb", "xdotool", "import")
ROOT = Path(__file__).resolve().parents[2]


class E2EError(AssertionError):
    """A wait ran out or the app died: the message says what was expected."""


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def wait_for(what: str, check: Callable[[], Any], timeout: float = 20.0, every: float = 0.1):
    """Poll ``check`` until it returns something truthy; raise E2EError naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise E2EError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


class XServer:
    """Xvfb on a free display, ``-nolisten tcp``; ``stop()`` ends it."""

    def __init__(self, size: tuple[int, int] = SCREEN) -> None:
        # Xvfb picks a free display itself and writes its number to the pipe: choosing
        # one here and starting Xvfb after raced with other runs on the same machine.
        read_end, write_end = os.pipe()
        self._process = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                f"{size[0]}x{size[1]}x24",
                "-nolisten",
                "tcp",
                # No reset when the last app disconnects: a reset also writes the display
                # number to the pipe again, and a closed pipe would end the server.
                "-noreset",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(write_end,),
        )
        os.close(write_end)
        number = b""
        with os.fdopen(read_end, "rb", buffering=0) as pipe:
            deadline = time.monotonic() + 15
            while not number.endswith(b"\n") and time.monotonic() < deadline:
                ready, _, _ = select.select([pipe], [], [], 0.5)
                if ready:
                    chunk = pipe.read(16)
                    if not chunk:
                        break
                    number += chunk
        if self._process.poll() is not None or not number.strip().isdigit():
            raise E2EError(f"Xvfb did not start ({self._process.poll()})")
        self.display = f":{number.strip().decode()}"
        wait_for(f"X server {self.display} answering", self._answers, timeout=15)
        # A Swedish keyboard, as the users have: å, ä and ö are real keys, typed as
        # reliably as ASCII (xserver-common brings setxkbmap with Xvfb).
        subprocess.run(
            ["setxkbmap", "se"],
            env={**os.environ, "DISPLAY": self.display},
            check=True,
            capture_output=True,
            timeout=15,
        )

    def _answers(self) -> bool:
        result = subprocess.run(
            ["xdotool", "getdisplaygeometry"],
            env={**os.environ, "DISPLAY": self.display},
            capture_output=True,
            timeout=10,
        )
        return result.returncode == 0

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)


@dataclass
class Screenshots:
    """Where this test's screenshots go; kept only when the test fails."""

    folder: Path
    taken: list[Path] = field(default_factory=list)


class App:
    """One running Rondplan process on ``display``, with its own home and settings.

    Args:
        display: The X display (":N").
        home: A fresh folder: HOME and the XDG folders (settings, logs, the
            single-instance lock) live there, so tests never meet each other or you.
        shots: Where screenshots are written.
        args: Arguments after ``python -m desktop.cli`` (e.g. ``--db PATH --lang sv``).
    """

    def __init__(
        self,
        display: str,
        home: Path,
        shots: Screenshots,
        args: Iterable[str],
        env: dict[str, str] | None = None,
    ) -> None:
        self.display = display
        self.home = home
        self.shots = shots
        self.probe_path = str(home / "probe.sock")
        for sub in ("config", "data", "state", "cache", "run"):
            (home / sub).mkdir(parents=True, exist_ok=True, mode=0o700)
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("QT_")},
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "QT_QPA_FONTDIR": "/usr/share/fonts/truetype/dejavu",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_RUNTIME_DIR": str(home / "run"),
            "RONDPLAN_TEST_KDF": "1",
            "RONDPLAN_E2E_PROBE": self.probe_path,
            "PYTHONPATH": str(ROOT),
            **(env or {}),
        }
        self.log = home / "app.log"
        self._log_file = self.log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "desktop.cli", *args],
            cwd=ROOT,
            env=self.env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._log_file.close()

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def _alive(self) -> None:
        if self.process.poll() is not None:
            raise E2EError(f"the app exited ({self.process.returncode}):\n{self.output()[-3000:]}")

    # --- input: real X events through xdotool ------------------------------------------

    def xdotool(self, *args: str) -> str:
        self._alive()
        result = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30
        )
        return result.stdout.strip()

    def type(self, text: str, delay_ms: int = 15) -> None:
        """Type ``text`` into the focused widget, key by key (accents included).

        The X server has a Swedish keymap (å, ä, ö are keys). For other letters ("ć")
        xdotool maps a spare key code, and an application that reads the changed keymap
        late sees the wrong letter; those go one at a time, with time around them.
        """
        run = ""
        for char in text:
            if char.isascii() or char in SWEDISH_KEYS:
                run += char
                continue
            if run:
                self.xdotool("type", "--delay", str(delay_ms), "--", run)
                run = ""
            time.sleep(0.3)
            self.xdotool("key", "--delay", "200", f"U{ord(char):04X}")
            time.sleep(0.3)
        if run:
            self.xdotool("type", "--delay", str(delay_ms), "--", run)
        self.settle()

    def key(self, *keys: str) -> None:
        """Press keys, e.g. ``key("ctrl+l")``, ``key("Tab", "Return")``."""
        self.xdotool("key", "--delay", "40", *keys)
        self.settle()

    def click(self, x: int, y: int, button: int = 1, double: bool = False) -> None:
        """Click at screen coordinates (the screen is 1600×1000, no window manager)."""
        args = ["mousemove", "--sync", str(x), str(y), "click"]
        if double:
            args += ["--repeat", "2", "--delay", "80"]
        self.xdotool(*args, str(button))
        self.settle()

    def window_ids(self, name: str) -> list[str]:
        """X windows of this app whose title matches the regular expression ``name``."""
        out = self.xdotool("search", "--onlyvisible", "--pid", str(self.pid), "--name", name)
        return out.split()

    def wait_window(self, name: str, timeout: float = 30) -> str:
        """The id of a visible window titled ``name`` (regex), once it appears."""
        ids = wait_for(f"a window named {name!r}", lambda: self.window_ids(name), timeout)
        return ids[0]

    def focus_window(self, window_id: str) -> None:
        # No window manager: set the X input focus directly.
        self.xdotool("windowfocus", "--sync", window_id)

    def settle(self, seconds: float = 0.25) -> None:
        """Let the app process what was typed and repaint."""
        time.sleep(seconds)

    # --- the screen --------------------------------------------------------------------

    def screenshot(self, name: str) -> Path:
        """The whole X screen as a PNG in this test's screenshot folder."""
        self._alive()
        self.shots.folder.mkdir(parents=True, exist_ok=True)
        path = self.shots.folder / f"{len(self.shots.taken):02d}-{name}.png"
        subprocess.run(
            ["import", "-window", "root", str(path)], env=self.env, check=True, timeout=30
        )
        self.shots.taken.append(path)
        return path

    def probe(self) -> dict[str, Any]:
        """What the app reports on screen: windows, focus, visible texts, names."""
        for _ in range(3):
            try:
                return self._probe_once()
            except (ConnectionResetError, json.JSONDecodeError):
                # A large answer cut off while the app was busy: ask again.
                time.sleep(0.2)
        return self._probe_once()

    def _probe_once(self) -> dict[str, Any]:
        self._alive()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(10)
            conn.connect(self.probe_path)
            data = b""
            while not data.endswith(b"\n"):
                chunk = conn.recv(65536)
                if not chunk:
                    break
                data += chunk
        return json.loads(data.decode("utf-8"))

    def wait_probe(self) -> dict[str, Any]:
        """The first probe answer once the app listens."""
        return wait_for("the app's e2e probe", self._try_probe, timeout=30)

    def _try_probe(self) -> dict[str, Any] | None:
        try:
            return self.probe()
        except (FileNotFoundError, ConnectionRefusedError):
            return None

    def texts(self) -> list[str]:
        return list(self.probe()["texts"])

    def wait_text(self, text: str, timeout: float = 20) -> list[str]:
        """Wait until some visible text contains ``text``; returns the matching texts."""
        return wait_for(
            f"{text!r} on screen",
            lambda: [t for t in self.texts() if text in t],
            timeout,
        )

    def click_text(self, text: str, timeout: float = 20) -> None:
        """Click (a real X click) the shown button or tab whose text is ``text``."""

        def target() -> list[int] | None:
            for found in self.probe().get("targets", []):
                if found["text"] == text:
                    return list(found["at"])
            return None

        x, y = wait_for(f"a button or tab {text!r} on screen", target, timeout)
        self.click(x, y)

    # --- recipes -----------------------------------------------------------------------

    def log_in(self, username: str, password: str) -> None:
        """Type user name and password into the login window and press Enter."""
        login = self.wait_window("Logga in|Log in")
        self.wait_probe()
        self.focus_window(login)
        self.wait_focus(lambda f: f["class"] == "QLineEdit", "the user name field")
        self.type(username)
        self.wait_focus(lambda f: f["texts"] == [username], f"the field holding {username!r}")
        self.key("Tab")
        self.type(password)
        self.key("Return")
        # The main window up is the sign (a login window the app hides, rather than
        # closes, may still be listed by X for a moment on a loaded machine).
        wait_for(
            "the main window after the login",
            lambda: (
                not self.window_ids("Logga in|Log in")
                or any(w["class"] == "MainWindow" for w in self.probe()["windows"])
            ),
            60,
        )
        self.activate("^Rondplan$", expect_title="Rondplan", timeout=60)

    def activate(self, name: str, expect_title: str, timeout: float = 30) -> None:
        """Give the X input focus to this app's window titled ``name`` (regex) until the
        app itself reports ``expect_title`` as its active window (there is no window
        manager to do it, and X may list more than one window by that name)."""

        def active() -> bool:
            for window_id in self.window_ids(name):
                self.focus_window(window_id)
                time.sleep(0.1)
                if self.probe()["active"] == expect_title:
                    return True
            return False

        wait_for(f"{expect_title!r} to be the active window", active, timeout, every=0.3)

    def wait_focus(self, check: Callable[[dict[str, Any]], bool], what: str) -> dict[str, Any]:
        def focused() -> dict[str, Any] | None:
            focus = self.probe()["focus"]
            return focus if focus and check(focus) else None

        return wait_for(f"the focus in {what}", focused, timeout=20)


# --- pixels -----------------------------------------------------------------------------


def load(path: Path) -> Image.Image:
    return Image.open(path).convert("RGB")


def colour_share(image: Image.Image, colour: tuple[int, int, int], box=None) -> float:
    """The share of pixels (in ``box``, or the whole image) that are exactly ``colour``."""
    part = image.crop(box) if box else image
    counts = part.getcolors(maxcolors=part.width * part.height) or []
    total = part.width * part.height
    return sum(n for n, c in counts if c == colour) / total


def differing_box(a: Image.Image, b: Image.Image):
    """The bounding box of the pixels that differ between two screenshots, or None."""
    from PIL import ImageChops

    return ImageChops.difference(a, b).getbbox()


def changed_share(a: Image.Image, b: Image.Image) -> float:
    """The share of pixels that differ between two screenshots of the same size."""
    from PIL import ImageChops

    diff = ImageChops.difference(a, b).convert("L")
    changed = sum(n for n, level in (diff.getcolors(maxcolors=256) or []) if level)
    return changed / (a.width * a.height)
