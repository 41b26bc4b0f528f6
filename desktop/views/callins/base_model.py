"""The call-in pages' table-model base: the shared one, translated in "Engagemang"."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from desktop.views.widgets.rows_model import EnumRowsModel, Index

Row = TypeVar("Row")

__all__ = ["FrozenRowsModel", "Index"]


class FrozenRowsModel(EnumRowsModel[Row]):
    """Subclasses set ``COLUMNS`` (an IntEnum), ``HEADERS`` (marked strings) and ``text``."""

    CONTEXT: ClassVar[str] = "Engagemang"
