"""Matching the headers of a file to the template's fields, automatically or by hand."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from desktop.services.errors import ValidationError
from desktop.services.importing.template import TEMPLATE_COLUMNS

__all__ = [
    "FIELDS",
    "REQUIRED_FIELDS",
    "ColumnMapping",
    "MappingPreset",
    "ResolvedMapping",
    "auto_mapping",
    "header_key",
    "match_header",
    "resolve_mapping",
]

#: File header → template field name, or ``None`` to ignore the column.
ColumnMapping = Mapping[str, str | None]

FIELDS: tuple[str, ...] = tuple(column.field for column in TEMPLATE_COLUMNS)
REQUIRED_FIELDS: tuple[str, ...] = tuple(c.field for c in TEMPLATE_COLUMNS if c.required)
FIELD_HEADERS: Mapping[str, str] = MappingProxyType({c.field: c.header for c in TEMPLATE_COLUMNS})
_PRESET_VERSION = 1


def header_key(text: str) -> str:
    """A header reduced for comparison: ``" Förnamn "`` and ``"FORNAMN"`` → ``fornamn``."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(char for char in folded if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]", "", letters)


# Headers met in registers kept before Rondplan, besides the template's own.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("tilltalsnamn", "namn1", "firstname", "givenname"),
    "last_name": ("familjenamn", "namn2", "lastname", "surname", "familyname"),
    "aliases": ("smeknamn", "kallas", "aliasnamn", "alias", "nicknames", "nickname"),
    "identity_number": (
        "personnr",
        "pnr",
        "persnr",
        "samordningsnummer",
        "personnummersamordningsnummer",
        "personnummerellersamordningsnummer",
    ),
    "birth_date": ("fodd", "fodelsedag", "birthdate", "dateofbirth", "dob"),
    "address": ("gatuadress", "bostadsadress", "street"),
    "postcode": ("postnr", "postkod", "zip", "postalcode"),
    "city": ("postort", "stad", "kommun"),
    "area": ("stadsdel", "omrade", "bostadsomrade"),
    "group_name": ("grupp", "natverk", "gang", "group"),
    "role": ("rollgruppering", "funktion"),
    "phone": ("telefonnummer", "tel", "mobil", "mobilnummer", "telnr"),
    "language": ("sprak", "modersmal", "language"),
    "interpreter_need": ("tolk", "behovertolk", "interpreter"),
    "protected_identity": ("skyddadepersonuppgifter", "sekretessmarkering", "skyddad"),
    "category": ("kategorier", "personkategori"),
    "source": ("uppgiftskalla", "kalla"),
    "note": ("anteckningar", "kommentar", "notering", "ovrigt"),
}
_KEY_TO_FIELD: Mapping[str, str] = MappingProxyType(
    {header_key(column.header): column.field for column in TEMPLATE_COLUMNS}
    | {header_key(name): name for name in FIELDS}
    | {key: name for name, keys in _SYNONYMS.items() for key in keys}
)


def match_header(header: str) -> str | None:
    """The template field a header names, or ``None`` when it is not recognised."""
    return _KEY_TO_FIELD.get(header_key(header))


def auto_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Each header → its recognised field or ``None``; the start of a hand mapping."""
    return {header: match_header(header) for header in headers}


@dataclass(frozen=True, slots=True)
class ResolvedMapping:
    """Which column of the file fills which field.

    Attributes:
        headers: The file's headers, in file order.
        columns: Field → column index; only fields exactly one column claims.
        unmatched: Headers neither recognised nor mapped by hand (the GUI
            should offer these for hand mapping).
        ignored: Headers the hand mapping said to ignore.
        conflicts: Field → headers when more than one column claims it.
        missing_required: Required fields no column fills.
    """

    headers: tuple[str, ...]
    columns: Mapping[str, int]
    unmatched: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    conflicts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    missing_required: tuple[str, ...] = ()

    def header_for(self, field_name: str) -> str:
        """The file's header for a field (the template's header if unmapped)."""
        index = self.columns.get(field_name)
        return self.headers[index] if index is not None else FIELD_HEADERS[field_name]


def _check_field(name: str | None) -> None:
    if name is not None and name not in FIELD_HEADERS:
        raise ValidationError("import.unknown_field", field="mapping", name=name)


def resolve_mapping(headers: Sequence[str], manual: ColumnMapping | None = None) -> ResolvedMapping:
    """Combine automatic header matching with a hand mapping, which wins.

    A key of ``manual`` is compared with each header first exactly, then by
    :func:`header_key`, so a preset saved from one file fits the next export
    from the same register even if spacing or case changed.

    Raises:
        ValidationError: ``manual`` names a field that does not exist.
    """
    manual = manual or {}
    for target in manual.values():
        _check_field(target)
    by_key = {header_key(key): value for key, value in manual.items()}
    claims: dict[str, list[int]] = {}
    unmatched: list[str] = []
    ignored: list[str] = []
    for index, header in enumerate(headers):
        if header in manual or header_key(header) in by_key:
            target = manual[header] if header in manual else by_key[header_key(header)]
            if target is None:
                ignored.append(header)
                continue
        else:
            target = match_header(header)
            if target is None:
                unmatched.append(header)
                continue
        claims.setdefault(target, []).append(index)
    columns = {name: indexes[0] for name, indexes in claims.items() if len(indexes) == 1}
    conflicts = {
        name: tuple(headers[i] for i in indexes)
        for name, indexes in claims.items()
        if len(indexes) > 1
    }
    missing = tuple(name for name in REQUIRED_FIELDS if name not in claims)
    return ResolvedMapping(
        headers=tuple(headers),
        columns=MappingProxyType(columns),
        unmatched=tuple(unmatched),
        ignored=tuple(ignored),
        conflicts=MappingProxyType(conflicts),
        missing_required=missing,
    )


@dataclass(frozen=True, slots=True)
class MappingPreset:
    """A named hand mapping the user can reuse for files from the same register.

    Saving it to disk is the caller's job; this only turns it into JSON and back.
    """

    name: str
    mapping: Mapping[str, str | None]

    def to_json(self) -> str:
        """The preset as a JSON document (UTF-8 safe, human-readable)."""
        document = {"version": _PRESET_VERSION, "name": self.name, "mapping": dict(self.mapping)}
        return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> MappingPreset:
        """Read a preset written by :meth:`to_json`.

        Raises:
            ValidationError: Not JSON, the wrong shape, or an unknown field.
        """
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):
            raise ValidationError("import.preset_damaged", field="preset") from None
        if not isinstance(document, dict):
            raise ValidationError("import.preset_damaged", field="preset")
        name, mapping = document.get("name"), document.get("mapping")
        valid = (
            isinstance(name, str)
            and isinstance(mapping, dict)
            and all(
                isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in mapping.items()
            )
        )
        if not valid or document.get("version") != _PRESET_VERSION:
            raise ValidationError("import.preset_damaged", field="preset")
        assert isinstance(name, str) and isinstance(mapping, dict)
        for target in mapping.values():
            _check_field(target)
        return cls(name=name, mapping=MappingProxyType(dict(mapping)))
