"""Writing an incident (issue 20): insert with links and the sealed description, the
checks against the database, and what a correction changes (register and importer)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import (
    Group,
    Incident,
    IncidentGroup,
    IncidentPerson,
    Person,
)
from desktop.services.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.incidents.rows import (
    IncidentInput,
)
from desktop.services.incidents.sealed_links import add_sealed_links, is_withheld, open_link
from desktop.services.incidents.sealing import seal_description
from desktop.services.uow import UnitOfWork
from desktop.store.compartment import CompartmentCipher
from desktop.store.interface import Store


# -- helpers shared with the importer and the demo -------------------------------------
def add_incident(
    session: Session, store: Store, data: IncidentInput, agency_id: int, user_id: int | None
) -> int:
    """Insert a validated incident with its links and sealed description; its id."""
    check_reference(session, data.reference, None)
    check_links(session, data)
    incident = Incident(agency_id=agency_id, created_by=user_id, reference=data.reference)
    apply_input(incident, data)
    session.add(incident)
    session.flush()
    if data.description:
        seal_text(store, incident, data.description)
    add_links(session, store, incident.id, data)
    return incident.id


def own_cipher(store: Store) -> CompartmentCipher:
    """The recording agency's key, which seals a description and a victim's link."""
    cipher = store.compartment(store.identity.agency_code)
    if cipher is None:
        raise PermissionDenied("incident.no_compartment_key")
    return cipher


def seal_text(store: Store, incident: Incident, text: str) -> None:
    if not text:
        incident.description_cipher = None
        return
    incident.description_cipher = seal_description(own_cipher(store), incident.id, text)


def apply_input(incident: Incident, data: IncidentInput) -> None:
    incident.reference = data.reference
    incident.kind = data.kind
    incident.certainty = data.certainty
    incident.occurred_at = data.occurred_at
    incident.district = data.district
    incident.injured = data.injured
    incident.killed = data.killed


def add_links(session: Session, store: Store, incident_id: int, data: IncidentInput) -> None:
    """The group links and a suspect's link plain; a victim's, injured person's or
    witness's sealed in the recording agency's compartment (sealed_links)."""
    for g in data.groups:
        session.add(
            IncidentGroup(
                incident_id=incident_id,
                group_id=g.group_id,
                side=g.side,
                source=g.source.strip(),
                certainty=g.certainty,
            )
        )
    withheld = [p for p in data.persons if is_withheld(p.role)]
    if withheld:
        add_sealed_links(session, own_cipher(store), incident_id, withheld)
    for p in data.persons:
        if is_withheld(p.role):
            continue
        session.add(
            IncidentPerson(
                incident_id=incident_id,
                person_id=p.person_id,
                role=p.role,
                source=p.source.strip(),
                certainty=p.certainty,
            )
        )
    session.flush()


def check_reference(session: Session, reference: str, own_id: int | None) -> None:
    query = select(Incident.id).where(Incident.reference == reference)
    if own_id is not None:
        query = query.where(Incident.id != own_id)
    if session.scalar(query) is not None:
        raise ValidationError("incident.reference_taken", field="reference", reference=reference)


def check_links(session: Session, data: IncidentInput) -> None:
    groups = {g.group_id for g in data.groups}
    if groups and len(session.scalars(select(Group.id).where(Group.id.in_(groups))).all()) != len(
        groups
    ):
        raise NotFound("incident.group_not_found")
    persons = {p.person_id for p in data.persons}
    if persons and len(
        session.scalars(select(Person.id).where(Person.id.in_(persons))).all()
    ) != len(persons):
        raise NotFound("incident.person_not_found")


_FIELDS = ("reference", "kind", "certainty", "occurred_at", "district", "injured", "killed")


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return str(value) if hasattr(value, "value") else value


def sealed_persons(cipher: CompartmentCipher | None, incident: Incident) -> list[list[object]]:
    """The incident's sealed links opened, as ``[person, role, source, certainty]``.

    Raises:
        PermissionDenied: The user cannot open them (no key, or tampered).
    """
    opened: list[list[object]] = []
    for row in incident.sealed_persons:
        link = open_link(cipher, row) if cipher is not None else None
        if link is None:
            raise PermissionDenied("incident.no_compartment_key")
        opened.append([link.person_id, link.role.value, link.source, link.certainty.value])
    return opened


def differences(
    incident: Incident,
    data: IncidentInput,
    old_text: str | None,
    old_sealed: list[list[object]],
    live: Mapping[int, int] | None = None,
) -> dict[str, object]:
    """Field code -> old value, for each field the correction changes.

    ``old_sealed``: the incident's sealed links, opened (``sealed_persons``). ``live``:
    each linked person's id -> the person he is now (``resolve_persons``): a link to a
    record merged away since is shown, and sent back, as the kept person, which is no
    change of the links.
    """
    changed: dict[str, object] = {}
    for name in _FIELDS:
        old, new = getattr(incident, name), getattr(data, name)
        if old != new:
            changed[name] = _plain(old)
    old_groups = sorted(
        [g.group_id, g.side.value, g.source, g.certainty.value] for g in incident.groups
    )
    new_groups = sorted(
        [g.group_id, g.side.value, g.source.strip(), g.certainty.value] for g in data.groups
    )
    if old_groups != new_groups:
        changed["groups"] = old_groups
    plain: list[list[object]] = [
        [p.person_id, p.role.value, p.source, p.certainty.value] for p in incident.persons
    ]
    old_persons = sorted(plain + old_sealed, key=str)
    now = live or {}
    as_now = sorted(
        ([now.get(pid, pid) if isinstance(pid, int) else pid, *rest] for pid, *rest in old_persons),
        key=str,
    )
    new_persons = sorted(
        ([p.person_id, p.role.value, p.source.strip(), p.certainty.value] for p in data.persons),
        key=str,
    )
    if as_now != new_persons:
        changed["persons"] = old_persons
    if old_text is None or old_text != data.description:
        changed["description"] = True
    return changed


def links_of(incident: Incident) -> dict[str, set[int]]:
    """The groups and the plain (suspects') persons an incident names, to announce.

    A sealed link's person is never announced by id (``touch_links``)."""
    return {
        "group": {g.group_id for g in incident.groups},
        "person": {p.person_id for p in incident.persons},
    }


def touch_links(uow: UnitOfWork, data: IncidentInput) -> None:
    """What the save changed, for the views and (on a server) every other workstation.

    A victim's, injured person's or witness's id is left out: the server's NOTIFY goes
    to anyone of the database who LISTENs, another agency's role too, and next to the
    incident's id it would name him. Only the kind is announced; a person's page
    refreshes on the incident anyway."""
    for g in data.groups:
        uow.touched("group", g.group_id)
    for p in data.persons:
        if is_withheld(p.role):
            uow.touched("person")
        else:
            uow.touched("person", p.person_id)


def link_detail(data: IncidentInput) -> str:
    return f"groups={len(data.groups)};persons={len(data.persons)}"
