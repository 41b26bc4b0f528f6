"""What is in the database now, when a save lost a race (optimistic locking).

A ``ConflictError`` means someone else saved the same record first. The views then
call :func:`reload_for_conflict` for the current state in the same *input* form the
edit dialog sends (``PersonInput``, ``OutcomeInput`` field names), show both versions
side by side and save again with the fresh version and the fields the user chose.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop.models import Person, Visit
from desktop.services.errors import NotFound
from desktop.services.operations.rows import PART_FIELDS
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

T = TypeVar("T")


@dataclass(frozen=True)
class ConflictRecord:
    """The stored state of one record: its kind, id, version and input-form values."""

    kind: str
    entity_id: int
    version: int
    values: Mapping[str, Any]


def _date_text(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _person(person: Person) -> dict[str, Any]:
    # The identity number stays out: the dialog never holds the full number, and a
    # blank one keeps what is stored (keep_identity).
    return {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "aliases": person.aliases,
        "birth_date": _date_text(person.birth_date),
        "language": person.language or "",
        "interpreter_need": person.interpreter_need,
        "status": person.status,
        "category": person.category,
        "protected_identity": person.protected_identity,
        "at_risk_victim": person.at_risk_victim,
        "at_risk_shooter": person.at_risk_shooter,
        "priority": person.priority,
        "phone": person.phone or "",
        "source": person.source or "",
        "review_date": _date_text(person.review_date),
    }


def _visit(visit: Visit) -> dict[str, Any]:
    return {
        "status": visit.status,
        "family_present": visit.family_present or "",
        "parts": frozenset(p for p, f in PART_FIELDS.items() if getattr(visit, f)),
        "response": visit.response or "",
        "support_asked": visit.support_asked,
        "support_offered": visit.support_offered,
        "support_accepted": visit.support_accepted,
        "leave_behind": visit.leave_behind,
        "cancel_reason": visit.cancel_reason or "",
    }


_READERS: dict[str, tuple[Any, Callable[[Any], dict[str, Any]], Action]] = {
    "person": (Person, _person, Action.PERSON_READ),
    "visit": (Visit, _visit, Action.OPERATION_READ),
}


def reload_for_conflict(store: Store, kind: str, entity_id: int) -> ConflictRecord:
    """The record as it is stored now (``kind`` is "person" or "visit").

    An audited read (issue 17: the conflict dialog showed a person without an entry):
    a person is logged as ``person.read`` with his id, so "who read this person" finds
    it; a visit as ``visit.read``, as the outcome dialog's own read is.
    """
    model, values, action = _READERS[kind]
    require(store.identity, action)
    with UnitOfWork(store, "Visa sparad version") as uow:
        row = uow.session.get(model, entity_id)
        if row is None:
            raise NotFound()
        record = ConflictRecord(kind, entity_id, int(row.version), values(row))
        read = Action.PERSON_READ.value if kind == "person" else "visit.read"
        uow.audit(read, kind, [entity_id], detail="conflict")
    return record


def differing_fields(mine: object, theirs: ConflictRecord) -> list[str]:
    """The fields where the user's input and the stored record disagree, in order."""
    return [
        f.name
        for f in dataclasses.fields(mine)  # type: ignore[arg-type]
        if f.name in theirs.values and getattr(mine, f.name) != theirs.values[f.name]
    ]


def merge_input(mine: T, theirs: ConflictRecord, take_theirs: Iterable[str]) -> T:
    """The user's input with the chosen fields taken from the stored record."""
    chosen = {name: theirs.values[name] for name in take_theirs if name in theirs.values}
    return dataclasses.replace(mine, **chosen)  # type: ignore[type-var]
