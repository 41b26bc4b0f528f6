"""Domain errors: validation, permission and conflict, each a code with its parameters.

The core never words an error (issue 18, STYLE §14 and §19): it raises a stable dotted
code such as ``"operation.name_missing"`` with typed parameters, and the one catalogue
of words, ``desktop.messages``, turns it into Swedish or English for the screens
and the command line (``--lang``).
"""

from __future__ import annotations

from collections.abc import Mapping


class CodedError(Exception):
    """An error that carries a code and its parameters, and no sentence.

    ``str(error)`` is the code alone, so a log line or traceback never shows the
    parameters (names and addresses stay out of logs).
    """

    code: str = "error"

    def __init__(self, code: str | None = None, /, **params: object) -> None:
        if code is not None:
            self.code = code
        super().__init__(self.code)
        self.params: Mapping[str, object] = params

    def __str__(self) -> str:
        return self.code


class DomainError(CodedError):
    """A rule of the domain stopped the action; the words say what to do."""

    code = "domain.refused"


class ValidationError(DomainError):
    """Input that cannot be saved. ``field`` names the offending field, if one."""

    code = "validation.invalid"

    def __init__(
        self, code: str | None = None, /, field: str | None = None, **params: object
    ) -> None:
        super().__init__(code, **params)
        self.field = field


class PermissionDenied(DomainError):
    code = "permission.denied"


class NotFound(DomainError):
    code = "record.not_found"


class ConflictError(DomainError):
    """Someone else saved the same record first (optimistic locking)."""

    code = "record.conflict"


class ReauthenticationRequired(DomainError):
    code = "session.reauthenticate"
