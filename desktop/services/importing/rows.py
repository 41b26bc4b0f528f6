"""One spreadsheet row → an :class:`ImportRow` and the problems found in it."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from types import MappingProxyType
from typing import TypeVar

from desktop.services.errors import ValidationError
from desktop.services.importing.mapping import ResolvedMapping
from desktop.services.validation import (
    IdentityNumber,
    PhoneNumber,
    parse_category,
    parse_date,
    parse_identity_number,
    parse_phone,
    parse_postcode,
    parse_yes_no,
)

__all__ = ["ImportRow", "Problem", "Severity", "parse_row", "split_aliases"]

T = TypeVar("T")
_ALIAS_SEPARATORS = re.compile(r"[,;|/]")
# Longer values are almost always a column shifted into the wrong place.
MAX_TEXT_LENGTH = 2_000
EXAMPLE_NAME = ("exempel", "exempelsson")


class Severity(enum.StrEnum):
    """How serious a problem is: an error blocks the import, a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in the file, located as the user sees it in the spreadsheet.

    Attributes:
        row_number: Spreadsheet row (the header is row 1, the first data row 2).
        column: The header as written in the file, or ``None`` for the whole row.
        code: What is wrong, a code the catalogue words (``desktop.messages``, issue 18).
        severity: ``error`` blocks the import; ``warning`` informs.
        field: The template field concerned, if any (for highlighting).
        params: The code's parameters.
    """

    row_number: int
    column: str | None
    code: str
    severity: Severity = Severity.ERROR
    field: str | None = None
    params: Mapping[str, object] = dataclass_field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportRow:
    """A person as read from one row. Fields that failed validation are ``None``.

    Optional text fields are ``None`` when the cell was empty.
    """

    row_number: int
    first_name: str
    last_name: str
    aliases: tuple[str, ...] = ()
    identity_number: IdentityNumber | None = None
    birth_date: date | None = None
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    area: str | None = None
    group_name: str | None = None
    role: str | None = None
    phone: PhoneNumber | None = None
    language: str | None = None
    interpreter_need: bool = False
    protected_identity: bool = False
    category: str = "other"
    source: str | None = None
    note: str | None = None

    @property
    def full_name(self) -> str:
        """First and last name, for messages and duplicate checks."""
        return f"{self.first_name} {self.last_name}".strip()


def split_aliases(text: str) -> tuple[str, ...]:
    """``"Bullen, B; Kungen"`` → ``("Bullen", "B", "Kungen")``, duplicates dropped."""
    seen: dict[str, None] = {}
    for part in _ALIAS_SEPARATORS.split(text):
        alias = " ".join(part.split())
        if alias and alias.casefold() not in {s.casefold() for s in seen}:
            seen[alias] = None
    return tuple(seen)


class _RowParser:
    """Collects the problems of one row while its fields are parsed."""

    def __init__(
        self, cells: Sequence[str], mapping: ResolvedMapping, row_number: int, today: date
    ) -> None:
        self.cells, self.mapping, self.row_number, self.today = cells, mapping, row_number, today
        self.problems: list[Problem] = []

    def raw(self, field: str) -> str:
        index = self.mapping.columns.get(field)
        return self.cells[index].strip() if index is not None and index < len(self.cells) else ""

    def add(
        self,
        field: str,
        code: str,
        severity: Severity = Severity.ERROR,
        params: Mapping[str, object] = MappingProxyType({}),
    ) -> None:
        header = self.mapping.header_for(field)
        self.problems.append(Problem(self.row_number, header, code, severity, field, params))

    def text(self, field: str) -> str | None:
        value = " ".join(self.raw(field).split())
        if len(value) > MAX_TEXT_LENGTH:
            self.add(field, "import.value_too_long", params={"limit": MAX_TEXT_LENGTH})
            return None
        return value or None

    def parsed(self, field: str, parse: Callable[[str], T]) -> T | None:
        value = self.raw(field)
        if not value:
            return None
        try:
            return parse(value)
        except ValidationError as error:
            self.add(field, error.code, params=error.params)
            return None

    def flag(self, field: str) -> bool:
        return self.parsed(field, lambda value: parse_yes_no(value, field)) or False


def parse_row(
    cells: Sequence[str], mapping: ResolvedMapping, row_number: int, today: date
) -> tuple[ImportRow, list[Problem]]:
    """Parse one data row.

    Args:
        cells: The row's cells, as strings.
        mapping: Which column fills which field.
        row_number: The spreadsheet row number, for problems.
        today: Reference day for two-digit years and future dates.

    Returns:
        The row (invalid fields left ``None``) and its problems; duplicates
        across rows are found later by the caller.
    """
    p = _RowParser(cells, mapping, row_number, today)
    first_name, last_name = p.text("first_name") or "", p.text("last_name") or ""
    for field, value in (("first_name", first_name), ("last_name", last_name)):
        if not value:
            p.add(field, f"import.{field}_missing")
    if (first_name.casefold(), last_name.casefold()) == EXAMPLE_NAME:
        p.add("first_name", "import.example_row")

    identity = p.parsed(
        "identity_number", lambda v: parse_identity_number(v, today, "identity_number")
    )
    birth_date = p.parsed("birth_date", lambda v: parse_date(v, "birth_date"))
    if birth_date is not None and birth_date > today:
        p.add("birth_date", "person.birth_in_future")
        birth_date = None
    if identity is not None:
        if birth_date is not None and birth_date != identity.birth_date:
            p.add("birth_date", "person.birth_mismatch")
        birth_date = identity.birth_date

    category = p.parsed("category", lambda v: parse_category(v, "category"))
    row = ImportRow(
        row_number=row_number,
        first_name=first_name,
        last_name=last_name,
        aliases=split_aliases(p.raw("aliases")),
        identity_number=identity,
        birth_date=birth_date,
        address=p.text("address"),
        postcode=p.parsed("postcode", lambda v: parse_postcode(v, "postcode")),
        city=p.text("city"),
        area=p.text("area"),
        group_name=p.text("group_name"),
        role=p.text("role"),
        phone=p.parsed("phone", lambda v: parse_phone(v, "phone")),
        language=p.text("language"),
        interpreter_need=p.flag("interpreter_need"),
        protected_identity=p.flag("protected_identity"),
        category=category or "other",
        source=p.text("source"),
        note=p.text("note"),
    )
    if row.role and not row.group_name:
        p.add("role", "import.role_without_group", Severity.WARNING)
    return row, p.problems
