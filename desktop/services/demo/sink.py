"""Bulk inserts inside one transaction, in foreign-key order, with explicit ids.

Rows are plain dicts buffered per table and written with the driver's ``executemany``
inside the unit of work's transaction. Values are converted to SQLite's storage form
here, exactly as SQLAlchemy stores them, because SQLAlchemy's per-row processing cost
more than the inserts themselves: 100,000 persons and 500,000 visits would otherwise
take several minutes.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import JSON, Column, Date, DateTime, Enum, Table, func, select
from sqlalchemy.orm import Session

from desktop.models import Base

BATCH = 20_000
Convert = Callable[[Any], Any]


def _datetime(value: dt.datetime | None) -> str | None:
    # SQLAlchemy's SQLite DATETIME storage format, so ORM reads and comparisons agree.
    return None if value is None else value.isoformat(sep=" ", timespec="microseconds")


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value)


def converter(column: Column[Any]) -> Convert | None:
    """How a value is stored, or None when the driver binds it as is.

    Enums here are StrEnums and bools are ints, so both bind as their stored form.
    """
    kind = column.type
    if isinstance(kind, Enum) and not issubclass(kind.enum_class or str, str):
        raise TypeError(f"{column}: only StrEnum columns bind directly")
    if isinstance(kind, DateTime):
        return _datetime
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, JSON):
        return _json
    return None


class Sink:
    """Buffers rows per table and hands out ids; flushes parents before children."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.counts: Counter[str] = Counter()
        self._order: list[Table] = list(Base.metadata.sorted_tables)
        self._buffers: dict[str, list[dict[str, Any]]] = {t.name: [] for t in self._order}
        self._buffered = 0
        self._next: dict[str, int] = {}

    def next_id(self, model: type[Base]) -> int:
        table: Table = model.__table__  # type: ignore[assignment]
        if table.name not in self._next:
            current = self.session.execute(select(func.max(table.c.id))).scalar()
            self._next[table.name] = (current or 0) + 1
        value = self._next[table.name]
        self._next[table.name] = value + 1
        return value

    def add(self, model: type[Base], row: dict[str, Any]) -> None:
        name = model.__tablename__
        self._buffers[name].append(row)
        self.counts[name] += 1
        self._buffered += 1
        if self._buffered >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write every buffer, parents first, so foreign keys hold at each statement."""
        for table in self._order:
            rows = self._buffers[table.name]
            if rows:
                self._insert(table, rows)
                self._buffers[table.name] = []
        self._buffered = 0

    def _insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        names = list(rows[0])
        missing = [c.name for c in table.columns if c.name not in names and not c.nullable]
        if missing:
            raise ValueError(f"{table.name}: no value for {missing}")
        get = operator.itemgetter(*names)
        converts = [(i, conv) for i, name in enumerate(names) if (conv := converter(table.c[name]))]
        values: list[Any] = []
        for row in rows:
            value = list(get(row))
            for i, conv in converts:
                value[i] = conv(value[i])
            values.append(value)
        columns = ", ".join('"' + name + '"' for name in names)
        marks = ", ".join("?" * len(names))
        sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'
        # The session's connection is inside the unit of work's BEGIN IMMEDIATE.
        driver = self.session.connection().connection.driver_connection
        assert driver is not None
        driver.executemany(sql, values)
