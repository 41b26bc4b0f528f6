"""Family and network on a person's profile: add, edit and remove relatives."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.models import Person, Relative
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.services.validation import parse_phone
from desktop.store.interface import Store


@dataclass(frozen=True)
class RelativeInput:
    """What the relative dialog sends; the phone is checked and shown in one form."""

    name: str
    relation: str
    phone: str = ""
    same_address: bool = False
    likely_present: bool = False
    linked_person_id: int | None = None


def _apply(session: Session, person_id: int, relative: Relative, inp: RelativeInput) -> None:
    if not inp.name.strip():
        raise ValidationError("name.missing", field="name")
    if not inp.relation.strip():
        raise ValidationError("relative.relation_missing", field="relation")
    if inp.linked_person_id is not None:
        if inp.linked_person_id == person_id:
            raise ValidationError("relative.self", field="linked_person_id")
        if session.get(Person, inp.linked_person_id) is None:
            raise ValidationError("relative.linked_gone", field="linked_person_id")
    relative.name = inp.name.strip()
    relative.relation = inp.relation.strip()
    relative.phone = parse_phone(inp.phone).display if inp.phone.strip() else None
    relative.same_address = inp.same_address
    relative.likely_present = inp.likely_present
    relative.linked_person_id = inp.linked_person_id


def add_relative(store: Store, person_id: int, inp: RelativeInput) -> Changes:
    require(store.identity, Action.PERSON_EDIT)
    with UnitOfWork(store, "Ny anhörig") as uow:
        if uow.session.get(Person, person_id) is None:
            raise NotFound("person.gone")
        relative = Relative(person_id=person_id)
        _apply(uow.session, person_id, relative, inp)
        uow.session.add(relative)
        uow.session.flush()
        uow.audit("relative.create", "relative", [relative.id])
        uow.touched("person", person_id)
    return uow.changes


def _get(session: Session, relative_id: int, version: int) -> Relative:
    relative = session.get(Relative, relative_id)
    if relative is None:
        raise NotFound("relative.gone")
    if relative.version != version:
        raise ConflictError()
    return relative


def update_relative(store: Store, relative_id: int, version: int, inp: RelativeInput) -> Changes:
    require(store.identity, Action.PERSON_EDIT)
    with UnitOfWork(store, "Ändra anhörig") as uow:
        relative = _get(uow.session, relative_id, version)
        _apply(uow.session, relative.person_id, relative, inp)
        uow.audit("relative.update", "relative", [relative_id])
        uow.touched("person", relative.person_id)
    return uow.changes


def remove_relative(store: Store, relative_id: int, version: int) -> Changes:
    require(store.identity, Action.PERSON_EDIT)
    with UnitOfWork(store, "Ta bort anhörig") as uow:
        relative = _get(uow.session, relative_id, version)
        person_id = relative.person_id
        uow.session.delete(relative)
        uow.audit("relative.delete", "relative", [relative_id])
        uow.touched("person", person_id)
    return uow.changes
