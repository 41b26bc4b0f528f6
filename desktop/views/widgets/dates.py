"""Python dates to Qt and back, typed (issue 18: mypy on the views).

PySide6 converts ``datetime`` values itself at run time, but its stubs neither accept
a ``date`` in ``QDate(...)`` nor say what ``toPython()`` returns. These say it once.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit, QWidget


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def qdatetime(moment: dt.datetime) -> QDateTime:
    """A naive (wall-clock) datetime as a local QDateTime."""
    return QDateTime(qdate(moment.date()), QTime(moment.hour, moment.minute, moment.second))


def pydatetime(value: QDateTime) -> dt.datetime:
    """A QDateTime as a naive (wall-clock) datetime, to the second."""
    day, time = value.date(), value.time()
    return dt.datetime(
        day.year(), day.month(), day.day(), time.hour(), time.minute(), time.second()
    )


def date_edit(day: dt.date | QDate | None = None, parent: QWidget | None = None) -> QDateEdit:
    """An ISO date field with a calendar popup, showing ``day`` (today by default)."""
    shown = day if isinstance(day, QDate) else qdate(day) if day else QDate.currentDate()
    edit = QDateEdit(shown, parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit
