"""Planera respons by keyboard (issue 20): each Alt+letter the dialog shows belongs to one
control, in Swedish and English, so Alt+G/Alt+A accepts and Alt+V/Alt+D declines (the
English 'S&anction period' took Alt+A from '&Accept the chosen parts'; the Swedish
'Akut &besöksrunda' took Alt+B from 'Av&böj…', 'F&rån:' Alt+R from '&rivaliserande')."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

from desktop.views.i18n import install_translators, remove_translators
from tests.gui.incidents.test_response_dialog import _dialog
from tests.unit.incidents.factories import shooting

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def _clashes(dialog: QWidget) -> list[str]:
    owners: dict[str, list[str]] = defaultdict(list)
    for widget in dialog.findChildren(QWidget):
        if widget.window() is not dialog.window() or not widget.isVisibleTo(dialog):
            continue  # another window's (a dialog the page opened) or hidden
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts = [widget.text()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count())]
        for text in texts:
            found = _MNEMONIC.search(text.replace("&&", ""))
            if found:
                owners[found.group(1).casefold()].append(text)
    return [f"Alt+{k.upper()}: {v}" for k, v in owners.items() if len(v) > 1]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_alt_letter_of_the_response_dialog_is_one_control(qtbot, qapp, world, as_user, lang):
    session = as_user("coordinator_police")
    reference = f"5000-K7{len(lang)}{lang}-26"
    incident_id, _ = session.incidents.register.create(shooting(world, reference=reference))
    if lang == "en":
        assert install_translators(qapp, "en")
    try:
        dialog = _dialog(qtbot, session, world, incident_id)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.propose()
        assert dialog.accept_button.isEnabled()
        assert _clashes(dialog) == []
    finally:
        remove_translators(qapp)
        QLocale.setDefault(QLocale.c())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_register_and_its_dialogs_give_each_alt_letter_one_control(
    qtbot, qapp, world, as_user, lang
):
    """The Händelser page, a new incident and the import: 'Si&da:' shared Alt+D with
    '&Datum och tid:', English 'S&ide:' Alt+I with '&Injured:' (now 'S&ida:', 'Sid&e:')."""
    from desktop.views.incidents.import_dialog import IncidentImportDialog
    from tests.gui.incidents.test_register_page import _page

    session = as_user("coordinator_police")
    if lang == "en":
        assert install_translators(qapp, "en")
    try:
        page = _page(qtbot, session)
        page.resize(1400, 900)
        page.show()
        qtbot.waitExposed(page)
        new = page._dialog()
        qtbot.addWidget(new)
        new.show()
        importer = IncidentImportDialog(session.incidents.importer, session.hub)
        qtbot.addWidget(importer)
        importer.show()
        found = {
            name: _clashes(w) for name, w in (("page", page), ("new", new), ("import", importer))
        }
        assert found == {"page": [], "new": [], "import": []}
    finally:
        remove_translators(qapp)
        QLocale.setDefault(QLocale.c())
