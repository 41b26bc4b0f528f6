"""Month view with 2,000 visits: build and paint offscreen (budget ≤ 100 ms).

The floor is the same month grid painted with no visits, in the same run.
"""

from __future__ import annotations

import os
import random
from datetime import date, datetime, time, timedelta

from benchmarks.core import Figure, median_seconds

_VISITS = 2000
_SIZE = (1280, 860)


def _visits(count: int) -> list:
    from desktop.services.planning.rows import CalendarVisit, VisitStatus

    rng = random.Random(5)
    rows = []
    for n in range(count):
        start = datetime.combine(
            date(2026, 6, 1) + timedelta(days=rng.randrange(30)), time(rng.choice(range(8, 20)))
        )
        team = rng.randrange(8)
        rows.append(
            CalendarVisit(
                n,
                f"Person {n}",
                team,
                f"Team {team}",
                team,
                start,
                start + timedelta(hours=1),
                rng.choice(list(VisitStatus)),
                f"Område {n % 9}",
                rng.random() < 0.05,
            )
        )
    return rows


def _paint_month(visits: list) -> None:
    from PySide6.QtGui import QImage

    from desktop.views.calendar.month_view import MonthView

    view = MonthView()
    view.resize(*_SIZE)
    view.set_anchor(date(2026, 6, 17))
    view.set_visits(visits)
    image = QImage(*_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    view.render(image)
    view.deleteLater()


def figures(quick: bool) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    visits = _visits(_VISITS)
    repeat = 5 if quick else 15
    _paint_month(visits)  # warm fonts and glyph caches
    floor = median_seconds(lambda: _paint_month([]), repeat=repeat) * 1000
    value = median_seconds(lambda: _paint_month(visits), repeat=repeat) * 1000
    app.processEvents()
    return [
        Figure(
            name="calendar month view, 2,000 visits, build and paint",
            value=value,
            unit="ms",
            budget="≤ 100 ms",
            ok=value <= 100.0,
            floor=floor,
            floor_name="empty month grid, same run",
        )
    ]
