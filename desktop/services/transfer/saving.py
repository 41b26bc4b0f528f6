"""Writing planned import rows into an open session: create, merge, groups, notes.

Everything here runs inside the caller's one unit of work; nothing commits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from desktop.models import (
    Address,
    Category,
    Group,
    IdentityKind,
    Membership,
    MembershipRole,
    Note,
    NoteKind,
    NoteSection,
    Person,
)
from desktop.services.errors import NotFound
from desktop.services.importing import ImportRow
from desktop.services.importing.mapping import header_key
from desktop.services.protected_addresses import read_row
from desktop.services.security.notes import KEY_COMPARTMENT, seal_note
from desktop.store.compartment import CompartmentCipher

__all__ = [
    "GroupCache",
    "SaveContext",
    "create_person",
    "merge_into",
    "parse_role",
    "write_notes",
]

# Mapped persons and group links are re-examined a year after the list arrived.
REVIEW_AFTER = dt.timedelta(days=365)
_ROLE_WORDS: dict[str, MembershipRole] = {
    "ledare": MembershipRole.LEADER,
    "ledning": MembershipRole.LEADER,
    "karna": MembershipRole.CORE,
    "karnmedlem": MembershipRole.CORE,
    "karnan": MembershipRole.CORE,
    "medlem": MembershipRole.MEMBER,
    "associerad": MembershipRole.ASSOCIATE,
    "anknuten": MembershipRole.ASSOCIATE,
    "perifer": MembershipRole.PERIPHERAL,
    "periferi": MembershipRole.PERIPHERAL,
} | {role.value: role for role in MembershipRole}


def parse_role(text: str | None) -> MembershipRole:
    """``"Ledare"`` → LEADER; an empty or unknown word is an ordinary member."""
    if not text:
        return MembershipRole.MEMBER
    return _ROLE_WORDS.get(header_key(text), MembershipRole.MEMBER)


@dataclass
class SaveContext:
    """What the writers share during one import."""

    session: Session
    source_name: str
    today: dt.date
    groups: GroupCache
    cipher: CompartmentCipher | None
    agency_id: int
    user_id: int
    pending_notes: list[tuple[Person, str]] = field(default_factory=list)

    @property
    def default_source(self) -> str:
        return f"Import: {self.source_name}"[:255]


class GroupCache:
    """Groups by case-folded name; a name not found becomes a new group."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._by_name = {
            name.casefold(): group_id
            for group_id, name in session.execute(select(Group.id, Group.name))
        }
        self._new: dict[str, Group] = {}
        self.matched: set[int] = set()

    def get(self, name: str, source: str) -> Group | int:
        """The group's id if it exists, else the (new, unflushed) group."""
        key = name.casefold()
        existing = self._by_name.get(key)
        if existing is not None:
            self.matched.add(existing)
            return existing
        group = self._new.get(key)
        if group is None:
            group = Group(name=name[:100], source=source, review_date=None)
            self._session.add(group)
            self._new[key] = group
        return group

    @property
    def created(self) -> list[Group]:
        return list(self._new.values())


def _membership(ctx: SaveContext, row: ImportRow, person: Person) -> None:
    if not row.group_name:
        return
    source = row.source or ctx.default_source
    group = ctx.groups.get(row.group_name, source)
    if isinstance(group, int) and any(
        m.group_id == group and m.until is None for m in person.memberships
    ):
        return
    link = Membership(
        role=parse_role(row.role),
        source=source,
        reason=f"Kartläggningslista {ctx.source_name}"[:255],
        review_date=ctx.today + REVIEW_AFTER,
        since=ctx.today,
    )
    # Into the person's list (and so the session) before the group's backref sees it.
    person.memberships.append(link)
    if isinstance(group, Group):
        link.group = group
    else:
        link.group_id = group


def _address(ctx: SaveContext, row: ImportRow, person: Person) -> None:
    if not (row.address or row.postcode or row.city or row.area):
        return
    street = row.address or ""
    current = [a for a in person.addresses if a.valid_to is None]
    session = object_session(person)
    # A protected address is compared as opened (issue 15), through the one read.
    streets = [read_row(session, a).street if session else a.street for a in current]
    if any(s.casefold() == street.casefold() for s in streets):
        return
    for old in current:
        old.valid_to = max(ctx.today - dt.timedelta(days=1), old.valid_from or ctx.today)
    person.addresses.append(
        Address(
            street=street,
            postcode=row.postcode,
            city=row.city,
            area=row.area,
            valid_from=ctx.today,
            access_notes="",
        )
    )


def _note(ctx: SaveContext, row: ImportRow, person: Person) -> None:
    if row.note:
        ctx.pending_notes.append((person, row.note))


def create_person(ctx: SaveContext, row: ImportRow) -> Person:
    """A new person from ``row`` with address, membership and note (not flushed)."""
    number = row.identity_number
    person = Person(
        first_name=row.first_name[:100],
        last_name=row.last_name[:100],
        aliases="; ".join(row.aliases),
        identity_number=number.value if number else None,
        identity_kind=(
            None
            if number is None
            else IdentityKind.SAMORDNINGSNUMMER
            if number.is_coordination
            else IdentityKind.PERSONNUMMER
        ),
        birth_date=row.birth_date,
        language=row.language[:60] if row.language else None,
        interpreter_need=row.interpreter_need,
        category=Category(row.category),
        protected_identity=row.protected_identity,
        phone=row.phone.display if row.phone else None,
        source=row.source or ctx.default_source,
        review_date=ctx.today + REVIEW_AFTER,
        mapped_on=ctx.today,
        addresses=[],
        memberships=[],
    )
    ctx.session.add(person)
    _address(ctx, row, person)
    _membership(ctx, row, person)
    _note(ctx, row, person)
    return person


def merge_into(ctx: SaveContext, row: ImportRow, person_id: int) -> Person:
    """Fill the existing person's empty fields from ``row``; add address and membership.

    Nothing the person already has is overwritten; a protected identity is never lifted.
    """
    person = ctx.session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound("import.merge_person_gone")
    number = row.identity_number
    if person.identity_number is None and number is not None:
        taken = ctx.session.scalar(
            select(func.count()).select_from(Person).where(Person.identity_number == number.value)
        )
        if not taken:
            person.identity_number = number.value
            person.identity_kind = (
                IdentityKind.SAMORDNINGSNUMMER
                if number.is_coordination
                else IdentityKind.PERSONNUMMER
            )
    if person.birth_date is None:
        person.birth_date = row.birth_date
    known = {alias.casefold() for alias in person.aliases.split("; ") if alias}
    extra = [alias for alias in row.aliases if alias.casefold() not in known]
    if extra:
        person.aliases = "; ".join([a for a in person.aliases.split("; ") if a] + extra)
    if not person.language and row.language:
        person.language = row.language[:60]
    if not person.phone and row.phone:
        person.phone = row.phone.display
    if not person.source and row.source:
        person.source = row.source
    if person.category is Category.OTHER and row.category != Category.OTHER.value:
        person.category = Category(row.category)
    person.interpreter_need = person.interpreter_need or row.interpreter_need
    person.protected_identity = person.protected_identity or row.protected_identity
    _address(ctx, row, person)
    _membership(ctx, row, person)
    _note(ctx, row, person)
    return person


def write_notes(ctx: SaveContext) -> list[int]:
    """The rows' notes in the user's agency compartment, each encrypted bound to its id."""
    if not ctx.pending_notes:
        return []
    assert ctx.cipher is not None  # checked before the import starts
    ctx.session.flush()  # the persons' ids
    notes = []
    for person, text in ctx.pending_notes:
        note = Note(
            agency_id=ctx.agency_id,
            person_id=person.id,
            kind=NoteKind.FACT,
            section=NoteSection.GENERAL,
            ciphertext=b"",
            key_version=KEY_COMPARTMENT,
            created_by=ctx.user_id,
        )
        ctx.session.add(note)
        notes.append((note, text))
    ctx.session.flush()  # the notes' ids, which the encryption is bound to
    for note, text in notes:
        note.ciphertext = seal_note(ctx.cipher, note.id, text)
    return [note.id for note, _ in notes]
