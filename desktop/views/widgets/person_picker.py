"""Choose a mapped person by typing part of a name, alias or personnummer."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from desktop.services.mapping.rows import PersonFilter, PersonRow, PersonSort

MATCHES_SHOWN = 20


class PersonSearch(Protocol):
    """The part of PersonService the picker needs (the list's own search)."""

    def page(
        self,
        flt: PersonFilter,
        sort: PersonSort = ...,
        descending: bool = ...,
        offset: int = ...,
        limit: int = ...,
    ) -> list[PersonRow]: ...


def describe(row: PersonRow) -> str:
    born = f" ({row.birth_date.isoformat()})" if row.birth_date else ""
    return f"{row.last_name}, {row.first_name}{born}"


class PersonPicker(QWidget):
    """A search line and the first matches; ``person_id()`` is the chosen one or None."""

    person_changed = Signal(object)

    def __init__(
        self,
        persons: PersonSearch,
        exclude: int | None = None,
        optional: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._persons, self._exclude, self._optional = persons, exclude, optional
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök namn, alias eller personnummer"))
        self.search.setAccessibleName(self.tr("Sök person"))
        self.search.setClearButtonEnabled(True)
        self.matches = QComboBox()
        self.matches.setAccessibleName(self.tr("Träffar"))
        self.search.textEdited.connect(self.look_up)
        self.matches.currentIndexChanged.connect(
            lambda _i: self.person_changed.emit(self.person_id())
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        self.setFocusProxy(self.search)
        self._fill([])

    def _fill(self, rows: list[PersonRow]) -> None:
        self.matches.clear()
        if self._optional or not rows:
            self.matches.addItem(self.tr("(ingen vald)"), None)
        for row in rows:
            self.matches.addItem(describe(row), row.id)

    def look_up(self, text: str) -> None:
        """The first matches for ``text`` (the person list's search, Swedish order)."""
        rows = (
            [r for r in self._persons.page(PersonFilter(text=text), limit=MATCHES_SHOWN + 1)]
            if text.strip()
            else []
        )
        self._fill([r for r in rows if r.id != self._exclude][:MATCHES_SHOWN])
        if rows and not self._optional:
            self.matches.setCurrentIndex(0)
        elif rows:
            self.matches.setCurrentIndex(1 if self.matches.count() > 1 else 0)

    def set_person(self, person_id: int | None, text: str) -> None:
        """Show an already chosen person (editing)."""
        self.matches.clear()
        if self._optional:
            self.matches.addItem(self.tr("(ingen vald)"), None)
        if person_id is not None:
            self.matches.addItem(text, person_id)
            self.matches.setCurrentIndex(self.matches.count() - 1)

    def person_id(self) -> int | None:
        data = self.matches.currentData()
        return int(data) if data is not None else None
