"""Importing a mapping list into the database: preview, then all rows or none.

The file layer (``desktop.services.importing``) reads and validates; this module adds
what needs the database: probable duplicates among existing persons, and the import
itself as ONE unit of work, so an error on the last row leaves nothing of the first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.services.changes import Changes
from desktop.services.errors import PermissionDenied
from desktop.services.importing import (
    ColumnMapping,
    ImportPreview,
    Resolution,
    Table,
    read_file_bytes,
    read_table,
    validate_table,
)
from desktop.services.permissions import Action, require
from desktop.services.transfer.lookup import DatabasePersonLookup
from desktop.services.transfer.saving import (
    GroupCache,
    SaveContext,
    create_person,
    merge_into,
    write_notes,
)
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

__all__ = ["ImportResult", "ImportService", "Progress"]

#: Called with (rows done, rows in all) while an import runs (on the worker thread).
Progress = Callable[[int, int], None]
_PROGRESS_EVERY = 100
#: Hex digits of the file's SHA-256 in the audit entry: enough to match a kept file.
_DIGEST_CHARS = 12


def file_fingerprint(source_name: str, digest: str | None) -> str:
    """``ext=csv sha256=1a2b…``: what the audit entry says about the file.

    The file name is free text (often a person's or a case's name), so only its
    extension is logged, with a prefix of the content's hash ("-" if not known).
    """
    suffix = Path(source_name).suffix.lower().lstrip(".")
    ext = suffix if suffix.isalnum() and len(suffix) <= 8 else "-"
    return f"ext={ext} sha256={digest or '-'}"


@dataclass(frozen=True)
class ImportResult:
    """What one import did. ``changes`` is what views reload on."""

    rows: int
    created: int
    merged: int
    skipped: int
    groups_created: int
    groups_matched: int
    notes: int
    changes: Changes

    @property
    def summary(self) -> str:
        """``rows=120 created=100 merged=5 skipped=15``: the audit entry's figures."""
        return (
            f"rows={self.rows} created={self.created} merged={self.merged} "
            f"skipped={self.skipped} groups_created={self.groups_created} notes={self.notes}"
        )


class ImportService:
    """Preview and import mapping lists for the unlocked user (Action.IMPORT)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        # Hash prefix of the last file read under each name, for the import's audit entry.
        self._digests: dict[str, str] = {}

    def read(self, path: Path | str) -> Table:
        """Read a CSV or XLSX file (ImportFileError with a Swedish sentence if unusable)."""
        require(self._store.identity, Action.IMPORT)
        path = Path(path)
        # Refuses devices, pipes and files past MAX_IMPORT_BYTES before reading.
        data = read_file_bytes(path)
        table = read_table(data, path.name)
        self._digests[path.name] = hashlib.sha256(data).hexdigest()[:_DIGEST_CHARS]
        return table

    def lookup(self) -> DatabasePersonLookup:
        """The existing persons, indexed for duplicate checks (one read)."""
        require(self._store.identity, Action.IMPORT)
        with self._store.read_session() as session:
            return DatabasePersonLookup.from_session(session)

    def preview(
        self,
        table: Table,
        mapping: ColumnMapping | None = None,
        today: dt.date | None = None,
        lookup: DatabasePersonLookup | None = None,
    ) -> ImportPreview:
        """Validate ``table`` and find probable duplicates of existing persons.

        The existing persons shown as possible duplicates are a read of the mapping,
        so the preview is audited (ids of the persons shown, count of rows).
        """
        require(self._store.identity, Action.IMPORT)
        lookup = lookup or self.lookup()
        preview = validate_table(table, mapping, today, lookup)
        shown = sorted({int(m.person_id) for d in preview.duplicates for m in d.matches})
        with UnitOfWork(self._store, "Förhandsgranska import") as uow:
            uow.audit(
                "import.preview",
                "person",
                shown,
                detail=f"rows={len(preview.rows)} duplicates={len(preview.duplicates)}",
            )
        return preview

    def import_rows(
        self,
        preview: ImportPreview,
        source_name: str | None = None,
        today: dt.date | None = None,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Save every planned row in one transaction: all rows or none.

        Raises:
            ValidationError: Errors or undecided duplicates remain (nothing is saved).
            PermissionDenied: The role may not import, or the file has notes and the
                user holds no key to the agency's compartment.
            NotFound: A merge target was deleted or merged meanwhile.
        """
        identity = self._store.identity
        require(identity, Action.IMPORT)
        plan = preview.planned()
        source = source_name or preview.source_name or "okänd fil"
        cipher = None
        if any(row.note for row, _ in plan):
            require(identity, Action.NOTE_WRITE)
            cipher = self._store.compartment(identity.agency_code)
            if cipher is None:
                raise PermissionDenied("import.notes_without_key")
        today = today or dt.date.today()
        created = merged = 0
        with UnitOfWork(self._store, "Importera kartläggningslista") as uow:
            ctx = SaveContext(
                session=uow.session,
                source_name=source,
                today=today,
                groups=GroupCache(uow.session),
                cipher=cipher,
                agency_id=identity.agency_id,
                user_id=identity.user_id,
            )
            persons = []
            for done, (row, decision) in enumerate(plan, start=1):
                if decision.resolution is Resolution.MERGE:
                    assert decision.person_id is not None
                    persons.append(merge_into(ctx, row, int(decision.person_id)))
                    merged += 1
                else:
                    persons.append(create_person(ctx, row))
                    created += 1
                if progress is not None and done % _PROGRESS_EVERY == 0:
                    progress(done, len(plan))
            notes = write_notes(ctx)
            uow.session.flush()
            person_ids = sorted({p.id for p in persons})
            group_ids = [g.id for g in ctx.groups.created]
            skipped = len(preview.rows) - len(plan)
            detail = (
                f"rows={len(preview.rows)} created={created} merged={merged} "
                f"skipped={skipped} groups_created={len(group_ids)} notes={len(notes)}"
            )
            fingerprint = file_fingerprint(source, self._digests.get(source))
            uow.audit("import", "person", person_ids, detail=f"{detail} {fingerprint}")
            uow.touched("person", *person_ids)
            if group_ids or ctx.groups.matched:
                uow.touched("group", *group_ids, *ctx.groups.matched)
            if notes:
                uow.touched("note", *notes)
        if progress is not None:
            progress(len(plan), len(plan))
        return ImportResult(
            rows=len(preview.rows),
            created=created,
            merged=merged,
            skipped=skipped,
            groups_created=len(group_ids),
            groups_matched=len(ctx.groups.matched),
            notes=len(notes),
            changes=uow.changes,
        )
