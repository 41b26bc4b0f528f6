"""Audit times: stored as naive UTC, shown and filtered in Stockholm time."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from PySide6.QtCore import QDate, Qt

from desktop.services.security.audit_log import AuditRow
from desktop.views.admin.audit_view import AuditView
from desktop.views.admin.models import AuditTableModel
from desktop.views.i18n import local_day_to_utc_range, utc_to_local


def test_utc_to_local_winter_and_summer():
    assert utc_to_local(dt.datetime(2026, 3, 2, 9, 0)) == dt.datetime(2026, 3, 2, 10, 0)
    assert utc_to_local(dt.datetime(2026, 7, 1, 9, 0)) == dt.datetime(2026, 7, 1, 11, 0)
    assert utc_to_local(dt.datetime(2026, 12, 31, 23, 30)) == dt.datetime(2027, 1, 1, 0, 30)


def test_local_day_to_utc_range_follows_daylight_saving():
    assert local_day_to_utc_range(dt.date(2026, 7, 1)) == (
        dt.datetime(2026, 6, 30, 22, 0),
        dt.datetime(2026, 7, 1, 22, 0),
    )
    # Summer time starts on 29 March 2026: a 23-hour day.
    assert local_day_to_utc_range(dt.date(2026, 3, 29)) == (
        dt.datetime(2026, 3, 28, 23, 0),
        dt.datetime(2026, 3, 29, 22, 0),
    )


def _row(at: dt.datetime) -> AuditRow:
    return AuditRow(1, at, 1, "ada", "auditor", "social", "pc1", "login", "", (), None, "")


def test_audit_model_shows_stockholm_time():
    model = AuditTableModel()
    model.set_rows([_row(dt.datetime(2026, 7, 1, 21, 30))])
    column = AuditTableModel.Column.TIME
    assert model.index(0, column).data() == "2026-07-01 23:30:00"
    assert "UTC" not in model.headerData(column, Qt.Orientation.Horizontal)


class _Audit:
    def __init__(self) -> None:
        self.filters: list[object] = []
        self.ranges: list[tuple[dt.datetime, dt.datetime]] = []

    def entries(self, flt):
        self.filters.append(flt)
        return []

    def reads_outside_own_operations(self, start, end):
        self.ranges.append((start, end))
        return []


def test_audit_filter_uses_local_days_in_utc(qtbot):
    audit = _Audit()
    view = AuditView(SimpleNamespace(audit=audit, reauth=None), store=None)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.start.setDate(QDate(2026, 7, 1))
    view.end.setDate(QDate(2026, 7, 2))
    view.run_filter()
    view.outside_operations()
    (flt,) = audit.filters
    expected = (dt.datetime(2026, 6, 30, 22, 0), dt.datetime(2026, 7, 2, 22, 0))
    assert (flt.start, flt.end) == expected
    assert audit.ranges == [expected]
