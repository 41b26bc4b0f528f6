from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop.models import Category, PersonStatus
from desktop.services.mapping.rows import AddressRow, PersonFilter, PersonRow
from desktop.views.persons.table_model import PersonColumn, PersonTableModel
from desktop.views.widgets.rows_model import Column, RowsTableModel


def row(n: int, protected: bool = False) -> PersonRow:
    return PersonRow(
        n,
        f"F{n}",
        f"L{n}",
        "",
        dt.date(2000, 1, 1),
        "20000101-****",
        PersonStatus.ACTIVE,
        Category.OTHER,
        protected,
        False,
        True,
        2,
        None,
        "Fosie",
        "Norra",
    )


def test_person_model_pages_on_demand(qtmodeltester):
    data = [row(n, protected=n == 3) for n in range(7)]
    calls = []

    def source(flt, sort, descending, offset, limit):
        calls.append((flt.text, sort, descending, offset, limit))
        return data[offset : offset + limit]

    model = PersonTableModel(source, page_size=3)
    model.load(PersonFilter(text="abc"))
    assert model.rowCount() == 3 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 7 and not model.canFetchMore()
    qtmodeltester.check(model)
    assert model.index(3, PersonColumn.AREA).data() == "Skyddad"
    assert "skyddad" in model.index(3, PersonColumn.NAME).data()
    assert model.index(0, PersonColumn.RISK).data() == "skjuta"
    assert model.index(0, PersonColumn.DELIVERIES).data() == ""
    assert model.headerData(PersonColumn.DELIVERIES, Qt.Orientation.Horizontal) == "Delgivningar"
    model.sort(PersonColumn.BIRTH_DATE, Qt.SortOrder.DescendingOrder)
    assert calls[-1][1:4] == ("birth_date", True, 0)
    before = len(calls)
    model.sort(PersonColumn.GROUPS)  # not sortable in SQL: ignored
    assert len(calls) == before


def test_person_model_shows_delivery_count_and_last_date():
    from dataclasses import replace

    delivered = replace(row(1), deliveries=3, last_delivery=dt.date(2026, 5, 2))
    model = PersonTableModel(lambda *_args: [delivered], page_size=5)
    model.load()
    assert model.index(0, PersonColumn.DELIVERIES).data() == "3"
    assert model.index(0, PersonColumn.LAST_DELIVERY).data() == "2026-05-02"
    header = model.headerData(PersonColumn.LAST_DELIVERY, Qt.Orientation.Horizontal)
    assert header == "Senast delgiven"


def test_rows_model(qtmodeltester):
    model = RowsTableModel[AddressRow](
        [Column("Adress", lambda a: a.street), Column("Vid dörren", lambda a: a.access_notes)]
    )
    model.set_rows([AddressRow(1, "Gatan 1", None, None, None, None, None, "Hund")])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "Hund"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Adress"
