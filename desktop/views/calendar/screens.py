"""Screens of the Kalender page for ``rondplan screenshot``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.views.calendar.calendar_view import CalendarMode
from desktop.views.changes_hub import ChangesHub
from desktop.views.settings import Settings
from desktop.views.wiring import PageContext


def _screen(mode: CalendarMode) -> Callable[[Services], QWidget]:
    def build(services: Services) -> QWidget:
        from desktop.views.calendar.page import create_page

        page = create_page(PageContext(services, ChangesHub(), Settings()))
        operations = services.operations.operations.rows()
        if operations:
            # The newest operation's second working day: visits in every view.
            start = operations[0].start_date
            page.show_date(start, mode)
            rows = services.operations.visits.calendar(start, operations[0].end_date)
            days = sorted({r.start.date() for r in rows})
            if days:
                page.show_date(days[min(1, len(days) - 1)], mode)
        else:
            page.calendar.set_mode(mode)
        return page

    return build


SCREENS = {
    "calendar-day": _screen(CalendarMode.DAY),
    "calendar-week": _screen(CalendarMode.WEEK),
    "calendar-month": _screen(CalendarMode.MONTH),
    "agenda": _screen(CalendarMode.AGENDA),
}
