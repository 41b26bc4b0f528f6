"""Exports of persons and groups to XLSX or CSV: only what may leave, and audited.

The person export uses the import template's headers, so an exported list can be read
back (by Rondplan or by a partner's copy of the template). What never leaves:
addresses of persons with protected identity, agency-compartment notes, and personal
numbers unless asked for (which needs the right to reveal them).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, undefer

from desktop.models import Address, Category, Group, Membership, MembershipRole, Person
from desktop.services.exporting import CellValue, write_table
from desktop.services.permissions import Action, require
from desktop.services.security.reauth import Reauthentication
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

__all__ = ["CATEGORY_WORDS", "GROUP_HEADERS", "ROLE_WORDS", "ExportResult", "ExportService"]

CATEGORY_WORDS: dict[Category, str] = {
    Category.SUSPECT: "misstänkt",
    Category.CONVICTED: "dömd",
    Category.VICTIM: "brottsoffer",
    Category.RELATIVE: "anhörig",
    Category.OTHER: "övrig",
}
ROLE_WORDS: dict[MembershipRole, str] = {
    MembershipRole.LEADER: "ledare",
    MembershipRole.CORE: "kärna",
    MembershipRole.MEMBER: "medlem",
    MembershipRole.ASSOCIATE: "associerad",
    MembershipRole.PERIPHERAL: "perifer",
}
_PERSON_HEADERS: tuple[str, ...] = (
    "Förnamn",
    "Efternamn",
    "Alias",
    "Personnummer",
    "Födelsedatum",
    "Adress",
    "Postnummer",
    "Ort",
    "Område",
    "Gruppering",
    "Roll",
    "Telefon",
    "Språk",
    "Tolkbehov",
    "Skyddad identitet",
    "Kategori",
    "Källa",
)
GROUP_HEADERS: tuple[str, ...] = (
    "Namn",
    "Alias",
    "Område",
    "Aktiv",
    "Medlemmar",
    "Källa",
    "Omprövas",
    "Beskrivning",
)


@dataclass(frozen=True)
class ExportResult:
    """What was written: the file, its rows, and whether personal numbers are in it."""

    path: Path
    rows: int
    personal_numbers: bool


class ExportService:
    """Persons and groups to a spreadsheet (Action.EXPORT, a sensitive action).

    Args:
        store: The unlocked store.
        reauth: Asks for the password again when it is older than five minutes.
    """

    def __init__(self, store: Store, reauth: Reauthentication) -> None:
        self._store = store
        self._reauth = reauth

    def export_persons(self, path: Path | str, with_personal_numbers: bool = False) -> ExportResult:
        """Write every current person to ``path`` (``.csv`` → CSV, else XLSX).

        Raises:
            PermissionDenied: The role may not export (or reveal personal numbers).
            ReauthenticationRequired: Ask for the password, ``reauth.confirm`` it, retry.
        """
        self._reauth.authorize(Action.EXPORT)
        if with_personal_numbers:
            self._reauth.authorize(Action.PERSON_REVEAL_ID)
        headers = [h for h in _PERSON_HEADERS if with_personal_numbers or h != "Personnummer"]
        with _Written(path) as target, UnitOfWork(self._store, "Exportera personer") as uow:
            ids, rows = _person_rows(uow.session, with_personal_numbers)
            uow.audit(
                Action.EXPORT.value,
                "person",
                ids,
                detail=(
                    f"rows={len(rows)} personal_numbers={'yes' if with_personal_numbers else 'no'}"
                    f" format={_format(path)}"
                ),
            )
            target.write(headers, rows)
        return ExportResult(Path(path), len(rows), with_personal_numbers)

    def export_groups(self, path: Path | str) -> ExportResult:
        """Write every group with its count of current members to ``path``."""
        self._reauth.authorize(Action.EXPORT)
        require(self._store.identity, Action.GROUP_READ)
        with _Written(path) as target, UnitOfWork(self._store, "Exportera grupperingar") as uow:
            ids, rows = _group_rows(uow.session)
            uow.audit(
                Action.EXPORT.value,
                "group",
                ids,
                detail=f"rows={len(rows)} personal_numbers=no format={_format(path)}",
            )
            target.write(GROUP_HEADERS, rows)
        return ExportResult(Path(path), len(rows), False)


def _format(path: Path | str) -> str:
    return "csv" if Path(path).suffix.casefold() == ".csv" else "xlsx"


class _Written:
    """Removes the file again if the unit of work fails after it was written.

    The file is written last inside the unit of work, so a failed write rolls the
    audit entry back; this covers the rare commit that fails after a good write.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.done = False

    def write(self, headers: Sequence[str], rows: list[list[CellValue]]) -> None:
        write_table(self.path, headers, rows)
        self.done = True

    def __enter__(self) -> _Written:
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        if exc is not None and self.done:
            with contextlib.suppress(OSError):
                self.path.unlink()


def _current_addresses(session: Session) -> dict[int, Address]:
    latest: dict[int, Address] = {}
    for address in session.scalars(select(Address).where(Address.valid_to.is_(None))):
        held = latest.get(address.person_id)
        if held is None or (address.valid_from or dt.date.min) >= (held.valid_from or dt.date.min):
            latest[address.person_id] = address
    return latest


def _current_groups(session: Session) -> dict[int, list[tuple[str, MembershipRole]]]:
    groups: dict[int, list[tuple[str, MembershipRole]]] = defaultdict(list)
    query = (
        select(Membership.person_id, Group.name, Membership.role)
        .join(Group, Group.id == Membership.group_id)
        .where(Membership.until.is_(None))
        .order_by(Group.name)
    )
    for person_id, name, role in session.execute(query):
        groups[person_id].append((name, role))
    return groups


def _person_rows(
    session: Session, with_personal_numbers: bool
) -> tuple[list[int], list[list[CellValue]]]:
    addresses = _current_addresses(session)
    groups = _current_groups(session)
    ids: list[int] = []
    rows: list[list[CellValue]] = []
    query = (
        select(Person)
        .where(Person.merged_into_id.is_(None))
        .order_by(Person.last_name, Person.first_name, Person.id)
    )
    if with_personal_numbers:  # deferred on the model (issue 16): in the same query
        query = query.options(undefer(Person.identity_number))
    for person in session.scalars(query):
        address = None if person.protected_identity else addresses.get(person.id)
        links = groups.get(person.id, [])
        row: list[CellValue] = [
            person.first_name,
            person.last_name,
            person.aliases or None,
        ]
        if with_personal_numbers:
            row.append(person.identity_number)
        row += [
            person.birth_date,
            address.street or None if address else None,
            address.postcode if address else None,
            address.city if address else None,
            address.area if address else None,
            "; ".join(name for name, _ in links) or None,
            "; ".join(ROLE_WORDS[role] for _, role in links) or None,
            person.phone,
            person.language,
            person.interpreter_need,
            person.protected_identity,
            CATEGORY_WORDS[person.category],
            person.source,
        ]
        ids.append(person.id)
        rows.append(row)
    return ids, rows


def _group_rows(session: Session) -> tuple[list[int], list[list[CellValue]]]:
    members: dict[int, int] = {
        group_id: total
        for group_id, total in session.execute(
            # Distinct persons: two open rows of one person (a merge) are one member.
            select(Membership.group_id, func.count(Membership.person_id.distinct()))
            .where(Membership.until.is_(None))
            .group_by(Membership.group_id)
        )
    }
    ids: list[int] = []
    rows: list[list[CellValue]] = []
    for group in session.scalars(select(Group).order_by(Group.name)):
        ids.append(group.id)
        rows.append(
            [
                group.name,
                group.aliases or None,
                group.area,
                group.active,
                members.get(group.id, 0),
                group.source,
                group.review_date,
                group.description or None,
            ]
        )
    return ids, rows
