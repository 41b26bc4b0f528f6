"""Swedish alphabetical order in SQL, on either store's dialect."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement

from desktop.store.collation import COLLATION

# PostgreSQL's ICU collation for Swedish (the server store creates no collation of its own).
POSTGRES_COLLATION = "sv-SE-x-icu"


def swedish(column: Any, dialect: str) -> ColumnElement[Any]:
    """``column COLLATE`` the Swedish collation of ``dialect`` ("sqlite" or "postgresql")."""
    collated: ColumnElement[Any] = column.collate(
        POSTGRES_COLLATION if dialect == "postgresql" else COLLATION
    )
    return collated
