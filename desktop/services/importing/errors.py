"""The error raised when an import file cannot be read at all."""

from __future__ import annotations

from desktop.services.errors import ValidationError


class ImportFileError(ValidationError):
    """The file as a whole cannot be used: empty, not a spreadsheet, locked or damaged."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code, field="file", **params)
