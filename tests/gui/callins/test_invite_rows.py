"""The invitation dialog's rows are measured after the theme: on the first render they
overlapped, so the first click picked the wrong group (issue 18)."""

from __future__ import annotations

import datetime as dt
import itertools
from types import SimpleNamespace

from PySide6.QtWidgets import QApplication, QListWidget

from desktop.services.engagement.rows import Choice
from desktop.views.callins.dialogs import InviteDialog
from desktop.views.theme import apply_theme


def _source(flt, sort, descending, offset, limit):
    return [
        SimpleNamespace(
            id=i, last_name=f"Efternamn{i}", first_name="Ali", birth_date=dt.date(2005, 1, i)
        )
        for i in range(1, 25)
    ]


def _rows_apart(view: QListWidget) -> None:
    rects = [view.visualItemRect(view.item(i)) for i in range(view.count())]
    indicator = view.style().pixelMetric(view.style().PixelMetric.PM_IndicatorHeight)
    for upper, lower in itertools.pairwise(rects):
        assert upper.bottom() < lower.top(), (upper, lower)
    assert min(r.height() for r in rects) >= max(indicator, 24)


def test_rows_do_not_overlap_on_the_first_render(qtbot, qapp: QApplication):
    before = qapp.styleSheet()
    try:
        apply_theme(qapp, "light")
        dialog = InviteDialog([Choice(i, f"Grupp {i}") for i in range(1, 12)], _source)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        _rows_apart(dialog.groups)
        _rows_apart(dialog.persons.results)
    finally:
        qapp.setStyleSheet(before)
