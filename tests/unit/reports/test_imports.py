"""The document engine is plain Python: importing it must not load Qt."""

from __future__ import annotations

import subprocess
import sys

MODULES = (
    "desktop.reports.briefing",
    "desktop.reports.sheets",
    "desktop.reports.schedule",
    "desktop.reports.callin",
    "desktop.reports.statistics",
)


def test_reports_import_no_qt() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in MODULES)
        + "bad = [m for m in sys.modules if m.startswith(('PySide6', 'qt_material', "
        "'desktop.views', 'sqlalchemy'))]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_resources_dir_finds_fonts() -> None:
    from desktop.reports.fonts import fonts_dir

    assert (fonts_dir() / "DejaVuSans.ttf").is_file()
    assert (fonts_dir() / "LICENSE-DejaVu.txt").is_file()
