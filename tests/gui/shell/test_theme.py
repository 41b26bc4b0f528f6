"""The prebuilt theme: fast path, no files in HOME, visible focus, system font size."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QFile
from PySide6.QtWidgets import QApplication

from desktop.views.theme import THEME_DIR, apply_theme, stylesheet_for

ROOT = Path(__file__).resolve().parents[3]


def _run(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HOME=str(home), USERPROFILE=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )


def test_apply_theme_writes_nothing_into_home_and_skips_qt_material(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop.views.theme import apply_theme\n"
        "app = QApplication([])\n"
        "apply_theme(app, 'dark'); apply_theme(app, 'light')\n"
        "print('qt_material' in sys.modules, 'jinja2' in sys.modules)\n"
        "app.setStyleSheet('')\n"
        "print(app.style().name())\n"
    )
    result = _run(code, home)
    assert result.stdout.split() == ["False", "False", "fusion"]
    assert list(home.rglob("*")) == []


def test_apply_theme_sets_the_prebuilt_stylesheet(qapp: QApplication) -> None:
    before = qapp.styleSheet()
    try:
        apply_theme(qapp, "light")
        assert qapp.styleSheet() == stylesheet_for("light")
    finally:
        qapp.setStyleSheet(before)


def test_every_icon_the_stylesheets_use_exists(qapp: QApplication) -> None:
    apply_theme(qapp, "dark")
    qapp.setStyleSheet("")
    for mode in ("light", "dark"):
        urls = set(re.findall(r"url\((theme:[^)]+)\)", stylesheet_for(mode)))
        assert urls
        for url in urls:
            assert QFile.exists(url), url


def test_stylesheet_restores_a_focus_ring_and_forces_no_font_size() -> None:
    for mode in ("light", "dark"):
        qss = stylesheet_for(mode)
        assert re.search(r"QPushButton:focus[^{]*\{[^}]*border:\s*2px solid", qss)
        assert "{{" not in qss
        assert not re.search(r"font-size\s*:\s*\d+px", qss)
        assert "font-family" not in qss


def test_committed_theme_matches_a_fresh_build(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "theme"
    _run(
        "from pathlib import Path\n"
        "from desktop.views.theme.build import build\n"
        f"build(Path({str(out)!r}))\n",
        home,
    )
    for mode in ("light", "dark"):
        assert (out / f"{mode}.qss").read_text() == (THEME_DIR / f"{mode}.qss").read_text()
        fresh = sorted(p.relative_to(out) for p in (out / "icons" / mode).rglob("*.svg"))
        committed = sorted(
            p.relative_to(THEME_DIR) for p in (THEME_DIR / "icons" / mode).rglob("*.svg")
        )
        assert fresh == committed


def _indicator_ink(qapp: QApplication, mode: str, state) -> int:
    """How many pixels of one checkable list item's indicator differ from its background."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QStyleOptionViewItem

    before = qapp.styleSheet()
    try:
        apply_theme(qapp, mode)  # type: ignore[arg-type]
        view = QListWidget()
        item = QListWidgetItem("Rosengård")
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(state)
        view.addItem(item)
        view.resize(240, 80)
        view.show()
        image = view.viewport().grab().toImage()
        option = QStyleOptionViewItem()
        option.initFrom(view.viewport())
        option.rect = view.visualItemRect(item)
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        box = view.style().subElementRect(
            QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
        )
        background = image.pixelColor(option.rect.right() - 2, option.rect.center().y())
        ink = 0
        for x in range(box.left(), box.right() + 1):
            for y in range(box.top(), box.bottom() + 1):
                colour = image.pixelColor(x, y)
                if abs(colour.lightness() - background.lightness()) > 40:
                    ink += 1
        view.close()
        return ink
    finally:
        qapp.setStyleSheet(before)


def test_unchecked_items_of_checkable_lists_show_a_box(qapp: QApplication) -> None:
    """Issue 18: unchecked items of the filters, team staff and invitation lists showed
    no box at all, so they read as plain text. The box is drawn in both modes."""
    from PySide6.QtCore import Qt

    for mode in ("light", "dark"):
        assert _indicator_ink(qapp, mode, Qt.CheckState.Unchecked) > 20, mode
        assert _indicator_ink(qapp, mode, Qt.CheckState.Checked) > 20, mode
