"""Counting rows and writing import files for the transfer tests."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from desktop.models import AuditEntry, Group, Membership, Note, Person
from desktop.store.interface import Store
from tests.unit.importing.files import csv_file, person, xlsx_file

__all__ = ["count", "csv_file", "person", "table_counts", "write", "xlsx_file"]


def count(store: Store, model: type) -> int:
    with store.read_session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def table_counts(store: Store) -> dict[str, int]:
    return {m.__tablename__: count(store, m) for m in (Person, Group, Membership, Note, AuditEntry)}


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
