"""Import of a police list of incidents (CSV or XLSX) under the importer's rules.

The file is read by the mapping importer's reader (size, archive and encoding checks);
every row is checked; any problem (each a row, a column and a code) refuses the whole
file; a dry run checks and counts only. A reference (diarienummer) already in the
register or twice in the file is a problem: never a duplicate.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from desktop.models import Certainty, Group, Incident, IncidentKind, IncidentSide
from desktop.services.clock import LocalClock, local_now
from desktop.services.errors import ValidationError
from desktop.services.importing import Table, read_path
from desktop.services.incidents.rows import (
    GroupLinkInput,
    IncidentImportError,
    IncidentImportReport,
    IncidentInput,
)
from desktop.services.incidents.validation import normal_reference, validate_incident
from desktop.services.incidents.writing import add_incident
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.services.vocabulary import CERTAINTY_WORDS, INCIDENT_KIND_WORDS
from desktop.store.interface import Store

#: Field -> the headers a police list may use for it (compared case-folded).
HEADERS: dict[str, tuple[str, ...]] = {
    "reference": ("diarienummer", "diarienr", "dnr", "reference"),
    "kind": ("typ", "händelsetyp", "kind", "type"),
    "certainty": ("säkerhet", "bekräftad", "certainty"),
    "date": ("datum", "date"),
    "time": ("tid", "klockslag", "time"),
    "district": ("område", "stadsdel", "district"),
    "injured": ("skadade", "injured"),
    "killed": ("döda", "avlidna", "killed"),
    "suspected_groups": ("misstänkt grupp", "misstänkta grupper", "suspected groups"),
    "victim_groups": ("drabbad grupp", "drabbade grupper", "victim groups"),
    "description": ("beskrivning", "description"),
}
REQUIRED = ("reference", "kind", "date")


def _words_to_codes(words: dict[str, str]) -> dict[str, str]:
    table = {code.casefold(): code for code in words}
    table.update({word.casefold(): code for code, word in words.items()})
    return table


_KINDS = _words_to_codes(INCIDENT_KIND_WORDS)
_KINDS.update({"mord": "murder", "mordförsök": "murder", "kniv": "knife", "skjutning": "shooting"})
_CERTAINTIES = _words_to_codes(CERTAINTY_WORDS)
_CERTAINTIES.update({"ja": "confirmed", "nej": "probable", "": "confirmed"})


class IncidentImporter:
    def __init__(self, store: Store, clock: LocalClock | None = None) -> None:
        self.store = store
        self._clock = clock or local_now

    def import_file(self, path: Path | str, *, dry_run: bool) -> IncidentImportReport:
        require(self.store.identity, Action.INCIDENT_EDIT)
        return self.import_table(read_path(path), dry_run=dry_run, source=Path(path).name)

    def import_table(
        self, table: Table, *, dry_run: bool, source: str = ""
    ) -> IncidentImportReport:
        """Check every row; save all in one unit of work unless a row has a problem."""
        require(self.store.identity, Action.INCIDENT_EDIT)
        columns = _columns(table)
        if not table.rows:
            raise ValidationError("incident_import.file_empty", field="file")
        now = self._clock()
        with self.store.read_session() as session:
            groups = {
                name.casefold(): gid for gid, name in session.execute(select(Group.id, Group.name))
            }
            taken = set(session.scalars(select(Incident.reference)))
        errors: list[IncidentImportError] = []
        parsed: list[IncidentInput] = []
        seen: set[str] = set()
        for index, cells in enumerate(table.rows):
            row = table.row_number(index)
            problems, data = _parse(cells, columns, groups, now, source)
            if data is not None:
                if data.reference in taken:
                    problems.append(("reference", "incident_import.reference_exists"))
                elif data.reference in seen:
                    problems.append(("reference", "incident_import.reference_twice"))
                seen.add(data.reference)
            errors += [
                IncidentImportError(row, f, code, _heading(table, columns, f))
                for f, code in problems
            ]
            if data is not None and not problems:
                parsed.append(data)
        if errors or dry_run:
            return IncidentImportReport(len(table.rows), 0, tuple(errors), dry_run)
        identity = self.store.identity
        with UnitOfWork(self.store, "Importera händelser") as uow:
            from desktop.services.incidents.register import IncidentService

            IncidentService(self.store, self._clock)._require_recorder(uow.session)
            ids = [
                add_incident(uow.session, self.store, data, identity.agency_id, identity.user_id)
                for data in parsed
            ]
            uow.audit("incident.import", "incident", ids, detail=f"rows={len(ids)}")
            uow.touched("incident", *ids)
            for data in parsed:
                for link in data.groups:
                    uow.touched("group", link.group_id)
        return IncidentImportReport(len(table.rows), len(ids), (), False)

    def count(self) -> int:
        with self.store.read_session() as session:
            return session.scalar(select(func.count()).select_from(Incident)) or 0


def _heading(table: Table, columns: dict[str, int], field: str) -> str:
    """The file's own heading of ``field``'s column ('' when the file has none)."""
    position = columns.get(field)
    return " ".join(table.headers[position].split()) if position is not None else ""


def _columns(table: Table) -> dict[str, int]:
    found: dict[str, int] = {}
    folded = [" ".join(h.split()).casefold() for h in table.headers]
    for field, names in HEADERS.items():
        for position, header in enumerate(folded):
            if header in names and field not in found:
                found[field] = position
    for field in REQUIRED:
        if field not in found:
            raise ValidationError(
                "incident_import.column_missing", field="file", column=HEADERS[field][0]
            )
    return found


def _parse(
    cells: tuple[str, ...],
    columns: dict[str, int],
    groups: dict[str, int],
    now: dt.datetime,
    source: str,
) -> tuple[list[tuple[str, str]], IncidentInput | None]:
    def cell(field: str) -> str:
        position = columns.get(field)
        return cells[position].strip() if position is not None else ""

    problems: list[tuple[str, str]] = []
    reference = normal_reference(cell("reference"))
    kind = _KINDS.get(cell("kind").casefold())
    if kind is None:
        problems.append(("kind", "incident_import.kind_unknown"))
    certainty = _CERTAINTIES.get(cell("certainty").casefold())
    if certainty is None:
        problems.append(("certainty", "incident_import.certainty_unknown"))
    occurred = _when(cell("date"), cell("time"), problems)
    counts = {}
    for field in ("injured", "killed"):
        text = cell(field) or "0"
        counts[field] = int(text) if text.isdigit() else -1
    links: list[GroupLinkInput] = []
    for field, side in (
        ("suspected_groups", IncidentSide.SUSPECTED),
        ("victim_groups", IncidentSide.VICTIM),
    ):
        for name in filter(None, (part.strip() for part in cell(field).split(";"))):
            group_id = groups.get(name.casefold())
            if group_id is None:
                problems.append((field, "incident_import.group_unknown"))
                continue
            links.append(GroupLinkInput(group_id, side, f"Polisens lista {source}".strip()[:200]))
    if problems or kind is None or certainty is None or occurred is None:
        return problems, None
    data = IncidentInput(
        reference=reference,
        kind=IncidentKind(kind),
        occurred_at=occurred,
        district=cell("district"),
        certainty=Certainty(certainty),
        injured=counts["injured"],
        killed=counts["killed"],
        groups=tuple(links),
        description=cell("description"),
    )
    try:
        return problems, validate_incident(data, now)
    except ValidationError as error:
        problems.append((error.field or "file", error.code))
        return problems, None


def _when(day: str, clock: str, problems: list[tuple[str, str]]) -> dt.datetime | None:
    try:
        date = dt.date.fromisoformat(day[:10])
    except ValueError:
        problems.append(("date", "incident_import.date_invalid"))
        return None
    try:
        time = dt.time.fromisoformat(clock) if clock else dt.time()
    except ValueError:
        problems.append(("time", "incident_import.time_invalid"))
        return None
    return dt.datetime.combine(date, time)
