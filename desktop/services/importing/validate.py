"""Validating a whole table: the import preview the user reviews before anything is saved."""

from __future__ import annotations

import enum
import itertools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import Protocol

from desktop.messages import Language, words
from desktop.services.errors import ValidationError
from desktop.services.importing.errors import ImportFileError
from desktop.services.importing.mapping import (
    FIELD_HEADERS,
    ColumnMapping,
    ResolvedMapping,
    resolve_mapping,
)
from desktop.services.importing.reading import Table
from desktop.services.importing.rows import ImportRow, Problem, Severity, parse_row
from desktop.services.names import normalise_name
from desktop.services.validation import parse_date, parse_identity_number

__all__ = [
    "Decision",
    "DuplicateCandidate",
    "ExistingMatch",
    "ExistingPersonLookup",
    "ImportCounts",
    "ImportPreview",
    "PersonId",
    "Resolution",
    "validate_table",
]

PersonId = int | str
# Row numbers named in one "also on row …" message.
_SHOWN_ROWS = 5


@dataclass(frozen=True, slots=True)
class ExistingMatch:
    """A person already in the database who may be the one on the row.

    Attributes:
        person_id: The existing person's id.
        label: The existing person's name, to recognise him (never a personnummer).
        reason: Why he resembles the row, a code (``match.same_identity``, ...) worded
            where shown (issue 18): :meth:`why_in`.
        born: His birth year if known, shown with the name: :meth:`who_in`.
    """

    person_id: PersonId
    label: str
    reason: str
    born: int | None = None

    def who_in(self, lang: Language) -> str:
        """Name and birth year in ``lang``: "Anna Åström, född 1981"."""
        if self.born is None:
            return self.label
        return words("match.born", {"name": self.label, "year": self.born}, lang)

    def why_in(self, lang: Language) -> str:
        """Why the row resembles him, in ``lang``: "samma personnummer"."""
        return words(self.reason, {}, lang)


class ExistingPersonLookup(Protocol):
    """Implemented by the service layer, which can search the database."""

    def candidates(self, row: ImportRow) -> Sequence[ExistingMatch]:
        """Existing persons who are probably the person on ``row``, best first."""
        ...


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """A row that may describe a person already in the database."""

    row_number: int
    matches: tuple[ExistingMatch, ...]


class Resolution(enum.Enum):
    """What to do with a row that matches an existing person."""

    MERGE = "merge"  # add the row's data to the existing person
    SKIP = "skip"  # do not import the row
    CREATE = "create"  # a different person: create a new one


@dataclass(frozen=True, slots=True)
class Decision:
    """The user's answer for one duplicate candidate; ``person_id`` is the merge target."""

    resolution: Resolution
    person_id: PersonId | None = None


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """Figures for the preview's summary line."""

    rows: int
    ready: int
    with_errors: int
    with_warnings: int
    possible_duplicates: int
    unresolved_duplicates: int


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """Everything the user must see before an import; nothing has been saved.

    Attributes:
        rows: One :class:`ImportRow` for every data row of the file, in order.
        problems: Every problem, by row; row 1 (the header) holds column problems.
        duplicates: Rows that may be persons already in the database.
        decisions: The user's choices so far, by row number (see :meth:`resolve`).
        source_name: The file's name.
    """

    rows: tuple[ImportRow, ...]
    problems: tuple[Problem, ...]
    duplicates: tuple[DuplicateCandidate, ...] = ()
    decisions: Mapping[int, Decision] = field(default_factory=lambda: MappingProxyType({}))
    source_name: str = ""

    @property
    def error_rows(self) -> frozenset[int]:
        """Row numbers with at least one error."""
        return frozenset(p.row_number for p in self.problems if p.severity is Severity.ERROR)

    @property
    def unresolved(self) -> tuple[DuplicateCandidate, ...]:
        """Duplicate candidates the user has not decided on yet."""
        return tuple(d for d in self.duplicates if d.row_number not in self.decisions)

    @property
    def has_blocking_errors(self) -> bool:
        """True while any error or undecided duplicate remains."""
        return bool(self.error_rows) or bool(self.unresolved)

    @property
    def counts(self) -> ImportCounts:
        """Summary figures."""
        errors = self.error_rows
        warnings = {p.row_number for p in self.problems if p.severity is Severity.WARNING}
        return ImportCounts(
            rows=len(self.rows),
            ready=sum(1 for row in self.rows if row.row_number not in errors),
            with_errors=sum(1 for row in self.rows if row.row_number in errors),
            with_warnings=sum(1 for row in self.rows if row.row_number in warnings),
            possible_duplicates=len(self.duplicates),
            unresolved_duplicates=len(self.unresolved),
        )

    def problems_for(self, row_number: int) -> tuple[Problem, ...]:
        """The problems of one row."""
        return tuple(p for p in self.problems if p.row_number == row_number)

    def resolve(
        self, row_number: int, resolution: Resolution, person_id: PersonId | None = None
    ) -> ImportPreview:
        """A copy of the preview with the user's decision for one duplicate candidate.

        For MERGE, ``person_id`` may be left out when the row has exactly one match.

        Raises:
            ValidationError: The row is no candidate, or the merge target is not one of
                its matches.
        """
        candidate = next((d for d in self.duplicates if d.row_number == row_number), None)
        if candidate is None:
            raise ValidationError("import.row_no_duplicate", row=row_number)
        if resolution is Resolution.MERGE:
            ids = [match.person_id for match in candidate.matches]
            if person_id is None and len(ids) == 1:
                person_id = ids[0]
            if person_id not in ids:
                raise ValidationError("import.merge_target_missing")
        else:
            person_id = None
        decisions = dict(self.decisions)
        decisions[row_number] = Decision(resolution, person_id)
        return replace(self, decisions=MappingProxyType(decisions))

    def planned(self) -> tuple[tuple[ImportRow, Decision], ...]:
        """The rows to save and how: CREATE, or MERGE into ``person_id``; skipped rows left out.

        Raises:
            ValidationError: Errors or undecided duplicates remain.
        """
        if self.has_blocking_errors:
            raise ValidationError("import.unresolved")
        plan = []
        for row in self.rows:
            decision = self.decisions.get(row.row_number, Decision(Resolution.CREATE))
            if decision.resolution is not Resolution.SKIP:
                plan.append((row, decision))
        return tuple(plan)


def _looks_like_data(cell: str) -> bool:
    for parse in (parse_identity_number, parse_date):
        try:
            parse(cell)
        except ValidationError:
            continue
        return True
    return cell.replace(" ", "").replace("-", "").isdigit()


def _header_problems(table: Table, mapping: ResolvedMapping) -> list[Problem]:
    row = table.header_row
    problems = [
        Problem(
            row,
            FIELD_HEADERS[name],
            "import.column_missing",
            field=name,
            params={"column": FIELD_HEADERS[name]},
        )
        for name in mapping.missing_required
    ]
    for name, headers in mapping.conflicts.items():
        problems.extend(
            Problem(
                row,
                header,
                "import.column_conflict",
                field=name,
                params={"column": FIELD_HEADERS[name]},
            )
            for header in headers
        )
    for header in mapping.unmatched:
        index = mapping.headers.index(header)
        if any(r[index] for r in table.rows):
            problems.append(Problem(row, header, "import.column_unknown", Severity.WARNING))
    if not table.rows:
        problems.append(Problem(row, None, "import.no_rows"))
    return problems


def _in_file_duplicates(rows: Sequence[ImportRow], mapping: ResolvedMapping) -> list[Problem]:
    """Flag every row of a group that shares a personnummer, or a name and birth date."""
    by_identity: dict[str, list[int]] = defaultdict(list)
    by_name: dict[tuple[str, date], list[ImportRow]] = defaultdict(list)
    for row in rows:
        if row.identity_number is not None:
            by_identity[row.identity_number.value].append(row.row_number)
        if row.birth_date is not None and row.first_name and row.last_name:
            by_name[(normalise_name(row.full_name), row.birth_date)].append(row)
    problems: list[Problem] = []

    def flag(numbers: Sequence[int], field_name: str, code: str) -> None:
        for number in numbers:
            # At most a few row numbers per message: a file of one row repeated
            # would otherwise make messages whose total length grows as rows².
            shown = [n for n in itertools.islice(numbers, _SHOWN_ROWS + 1) if n != number]
            params: dict[str, object] = {"rows": ", ".join(str(n) for n in shown[:_SHOWN_ROWS])}
            worded = code
            if len(numbers) - 1 > _SHOWN_ROWS:
                worded = f"{code}_more"  # per row: the group's code itself stays as given
                params["more"] = len(numbers) - 1 - _SHOWN_ROWS
            header = mapping.header_for(field_name)
            problems.append(Problem(number, header, worded, field=field_name, params=params))

    for numbers in by_identity.values():
        if len(numbers) > 1:
            flag(numbers, "identity_number", "import.duplicate_identity")
    for group in by_name.values():
        # Two rows with different personnummer are two people who share a name.
        identities = {r.identity_number.value for r in group if r.identity_number is not None}
        # Rows that all share one personnummer are flagged above already.
        all_flagged = len(identities) == 1 and all(r.identity_number for r in group)
        if len(group) > 1 and len(identities) <= 1 and not all_flagged:
            flag([r.row_number for r in group], "first_name", "import.duplicate_name")
    return problems


def validate_table(
    table: Table,
    mapping: ColumnMapping | None = None,
    today: date | None = None,
    lookup: ExistingPersonLookup | None = None,
) -> ImportPreview:
    """Validate every row of ``table`` and return the preview.

    Args:
        table: The file as read by :func:`read_table`.
        mapping: The user's hand mapping (file header → field or ``None``).
        today: Reference day for personnummer centuries and future dates.
        lookup: Finds probable duplicates among existing persons; only rows
            without errors are looked up.

    Raises:
        ImportFileError: The file has no header row (its first row is data).
        ValidationError: The hand mapping names an unknown field.
    """
    today = today or date.today()
    resolved = resolve_mapping(table.headers, mapping)
    if (
        not resolved.columns
        and not resolved.conflicts
        and any(map(_looks_like_data, table.headers))
    ):
        raise ImportFileError("import.no_header")
    problems = _header_problems(table, resolved)
    rows: list[ImportRow] = []
    for index, cells in enumerate(table.rows):
        row, row_problems = parse_row(cells, resolved, table.row_number(index), today)
        rows.append(row)
        problems.extend(row_problems)
    problems.extend(_in_file_duplicates(rows, resolved))
    if table.cut_short and rows:
        problems.append(Problem(rows[-1].row_number, None, "import.cut_short", Severity.WARNING))
    columns = {header: index for index, header in reversed(list(enumerate(table.headers)))}
    problems.sort(key=lambda p: (p.row_number, columns.get(p.column or "", -1)))

    duplicates: list[DuplicateCandidate] = []
    if lookup is not None and not resolved.missing_required:
        errors = {p.row_number for p in problems if p.severity is Severity.ERROR}
        for row in rows:
            if row.row_number not in errors:
                matches = tuple(lookup.candidates(row))
                if matches:
                    duplicates.append(DuplicateCandidate(row.row_number, matches))
    return ImportPreview(
        rows=tuple(rows),
        problems=tuple(problems),
        duplicates=tuple(duplicates),
        source_name=table.source_name,
    )
