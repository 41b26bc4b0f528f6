"""Domain errors: validation, permission and conflict, each a Swedish sentence."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain stopped the action; the message says what to do."""

    @property
    def user_message(self) -> str:
        return str(self)


class ValidationError(DomainError):
    """Input that cannot be saved. ``field`` names the offending field, if one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class PermissionDenied(DomainError):
    def __init__(self, message: str = "Du har inte behörighet att göra detta.") -> None:
        super().__init__(message)


class NotFound(DomainError):
    def __init__(self, message: str = "Posten finns inte längre.") -> None:
        super().__init__(message)


class ConflictError(DomainError):
    """Someone else saved the same record first (optimistic locking)."""

    def __init__(
        self,
        message: str = "Någon annan har ändrat posten medan du arbetade. Läs in den igen.",
    ) -> None:
        super().__init__(message)


class ReauthenticationRequired(DomainError):
    def __init__(self, message: str = "Ange ditt lösenord igen för att fortsätta.") -> None:
        super().__init__(message)
