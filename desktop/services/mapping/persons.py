"""Persons: the list, the profile, create and edit, addresses and relatives.

Reads return frozen rows; every profile read, reveal, search and change writes an
audit entry (ids and codes only).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Address, Group, Membership, Person
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.mapping import relatives, search
from desktop.services.mapping.duplicates import find_duplicates
from desktop.services.mapping.parsing import address_values, person_values
from desktop.services.mapping.relatives import RelativeInput
from desktop.services.mapping.rows import (
    AddressInput,
    AddressRow,
    DuplicateCandidate,
    MembershipRow,
    PersonFilter,
    PersonInput,
    PersonProfile,
    PersonRow,
    PersonSort,
    RelativeRow,
    TimelineKind,
)
from desktop.services.mapping.timeline import person_timeline
from desktop.services.permissions import Action, allowed, require
from desktop.services.protected import PROTECTED_AREA
from desktop.services.protected_addresses import read_row
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

if TYPE_CHECKING:
    from desktop.services.mapping import Reauth

# Purpose codes recorded with reads (behandlingsändamål).
PURPOSE_MAPPING = "mapping"
MAX_PHOTO_BYTES = 2_000_000


class PersonService:
    """Use cases on mapped persons for one unlocked store."""

    def __init__(self, store: Store, reauth: Reauth | None = None) -> None:
        self.store = store
        self._reauth = reauth
        # The last search written to the audit log: scrolling or recounting the same
        # search adds no entry, every other distinct query does (finding 4).
        self._audited: PersonFilter | None = None

    @property
    def _reveal(self) -> bool:
        # Roles that see the personnummer masked may not search its hidden digits.
        return allowed(self.store.identity.role, Action.PERSON_REVEAL_ID)

    # --- list and search ------------------------------------------------------

    def page(
        self,
        flt: PersonFilter,
        sort: PersonSort = PersonSort.NAME,
        descending: bool = False,
        offset: int = 0,
        limit: int = search.PAGE_SIZE,
        audit: bool = True,
    ) -> list[PersonRow]:
        """One page of the list; each distinct search is audited once (see record_search).

        ``audit=False`` only for a caller that writes the entry itself: the person list
        calls :meth:`record_search` once a burst of typing settles, so one name typed
        is one entry rather than one per keystroke.
        """
        require(self.store.identity, Action.SEARCH)
        if audit and not flt.is_empty and flt != self._audited:
            # The read and its entry in one transaction: one connection, one round trip
            # fewer to each of begin and end than a read followed by a write.
            with UnitOfWork(self.store, "Sök person") as uow:
                rows = search.person_page(
                    uow.session, flt, sort, descending, offset, limit, reveal=self._reveal
                )
                shown = offset + len(rows)
                uow.audit(Action.SEARCH.value, "person", detail=_search_detail(flt, shown))
            self._audited = flt
            return rows
        with self.store.read_session() as session:
            return search.person_page(
                session, flt, sort, descending, offset, limit, reveal=self._reveal
            )

    def search_capped(self, flt: PersonFilter) -> bool:
        """True when a common fragment left only the first ``SEARCH_POOL`` matches listed."""
        require(self.store.identity, Action.SEARCH)
        with self.store.read_session() as session:
            return search.search_capped(session, flt, self._reveal)

    def count(self, flt: PersonFilter) -> int:
        require(self.store.identity, Action.SEARCH)
        with self.store.read_session() as session:
            return search.count_persons(session, flt, reveal=self._reveal)

    def areas(self) -> list[str]:
        require(self.store.identity, Action.SEARCH)
        with self.store.read_session() as session:
            return search.areas(session)

    def record_search(self, flt: PersonFilter, shown: int) -> None:
        """One audit entry per distinct search: which filters, how many rows, no text.

        :meth:`page` writes the same entry in its own read's transaction, so no caller
        can search unaudited; the same filter again (scrolling, the list page's settled
        search) writes nothing.
        """
        require(self.store.identity, Action.SEARCH)
        if flt == self._audited:
            return
        with UnitOfWork(self.store, "Sök person") as uow:
            uow.audit(Action.SEARCH.value, "person", detail=_search_detail(flt, shown))
        self._audited = flt

    # --- profile --------------------------------------------------------------

    def profile(self, person_id: int, purpose: str = PURPOSE_MAPPING) -> PersonProfile:
        """The whole profile; the read is audited with its purpose."""
        require(self.store.identity, Action.PERSON_READ)
        with UnitOfWork(self.store, "Visa person") as uow:
            profile = _profile(uow.session, person_id, self.store.held_compartments())
            uow.audit(Action.PERSON_READ.value, "person", [person_id], purpose=purpose)
        return profile

    def reveal_identity(self, person_id: int, purpose: str = PURPOSE_MAPPING) -> str | None:
        """The full personnummer; audited, only for roles that may reveal it, and only with
        the password given in the last minutes (ReauthenticationRequired otherwise)."""
        require(self.store.identity, Action.PERSON_REVEAL_ID)
        if self._reauth is not None:
            self._reauth.require_fresh(Action.PERSON_REVEAL_ID)
        with UnitOfWork(self.store, "Visa personnummer") as uow:
            number = uow.session.scalar(
                select(Person.identity_number).where(Person.id == person_id)
            )
            uow.audit(Action.PERSON_REVEAL_ID.value, "person", [person_id], purpose=purpose)
        return number

    def photo(self, person_id: int) -> bytes | None:
        require(self.store.identity, Action.PERSON_READ)
        with self.store.read_session() as session:
            return session.scalar(select(Person.photo).where(Person.id == person_id))

    # --- create and edit ------------------------------------------------------

    def duplicates(
        self, inp: PersonInput, exclude_id: int | None = None
    ) -> list[DuplicateCandidate]:
        """Possible duplicates of ``inp``; call before saving and show them."""
        require(self.store.identity, Action.PERSON_EDIT)
        values = person_values(inp)
        with self.store.read_session() as session:
            return find_duplicates(
                session,
                values["first_name"],
                values["last_name"],
                values["birth_date"],
                values["identity_number"],
                exclude_id,
            )

    def create(self, inp: PersonInput, photo: bytes | None = None) -> Changes:
        require(self.store.identity, Action.PERSON_EDIT)
        values = person_values(inp)
        _check_photo(photo)
        with UnitOfWork(self.store, "Ny person") as uow:
            person = Person(**values, mapped_on=dt.date.today(), photo=photo)
            uow.session.add(person)
            uow.session.flush()
            uow.audit("person.create", "person", [person.id])
            uow.touched("person", person.id)
        return uow.changes

    def update(
        self,
        person_id: int,
        version: int,
        inp: PersonInput,
        photo: bytes | None = None,
        keep_identity: bool = False,
    ) -> Changes:
        """Save an edit; ``version`` is what the dialog read (optimistic locking).

        With ``keep_identity`` a blank identity number keeps the stored one, so a dialog
        never needs the full number to save other fields.
        """
        require(self.store.identity, Action.PERSON_EDIT)
        values = person_values(inp)
        _check_photo(photo)
        with UnitOfWork(self.store, "Redigera person") as uow:
            person = _get(uow.session, person_id)
            if person.version != version:
                raise ConflictError()
            if keep_identity and values["identity_number"] is None:
                del values["identity_number"], values["identity_kind"]
                if person.identity_number and values["birth_date"] is None:
                    values["birth_date"] = person.birth_date
            for key, value in values.items():
                setattr(person, key, value)
            if photo is not None:
                person.photo = photo
            uow.audit("person.update", "person", [person_id])
            uow.touched("person", person_id)
        return uow.changes

    def add_address(self, person_id: int, inp: AddressInput) -> Changes:
        """A new address; the current one (if any) ends the day before it starts."""
        require(self.store.identity, Action.PERSON_EDIT)
        values = address_values(inp)
        with UnitOfWork(self.store, "Ny adress") as uow:
            _get(uow.session, person_id)
            starts = values["valid_from"] or dt.date.today()
            if values["valid_to"] is None:
                for old in uow.session.scalars(
                    select(Address).where(
                        Address.person_id == person_id, Address.valid_to.is_(None)
                    )
                ):
                    old.valid_to = max(starts - dt.timedelta(days=1), old.valid_from or starts)
            address = Address(person_id=person_id, **{**values, "valid_from": starts})
            uow.session.add(address)
            uow.session.flush()
            uow.audit("address.create", "address", [address.id])
            uow.touched("person", person_id)
        return uow.changes

    def add_relative(
        self,
        person_id: int,
        name: str | RelativeInput,
        relation: str = "",
        phone: str = "",
        same_address: bool = False,
        linked_person_id: int | None = None,
    ) -> Changes:
        """A relative of ``person_id``: a ``RelativeInput``, or its fields one by one."""
        inp = (
            name
            if isinstance(name, RelativeInput)
            else RelativeInput(name, relation, phone, same_address, False, linked_person_id)
        )
        return relatives.add_relative(self.store, person_id, inp)

    def update_relative(self, relative_id: int, version: int, inp: RelativeInput) -> Changes:
        return relatives.update_relative(self.store, relative_id, version, inp)

    def remove_relative(self, relative_id: int, version: int) -> Changes:
        return relatives.remove_relative(self.store, relative_id, version)


def _search_detail(flt: PersonFilter, shown: int) -> str:
    """A search's audit detail: which filters were used and how many rows, no text."""
    used = [
        name
        for name, on in (
            ("text", bool(flt.text.strip())),
            ("group", flt.group_id is not None),
            ("area", bool(flt.area)),
            ("status", bool(flt.statuses)),
            ("category", bool(flt.categories)),
            ("risk", flt.risk is not None),
            ("review", flt.due_for_review),
            ("followup", flt.open_follow_up),
        )
        if on
    ]
    return f"filters={'+'.join(used) or 'none'};shown={shown}"


def _check_photo(photo: bytes | None) -> None:
    if photo is not None and len(photo) > MAX_PHOTO_BYTES:
        raise ValidationError("person.photo_too_large", field="photo")


def _get(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound("person.gone")
    return person


def membership_rows(session: Session, *where: object) -> tuple[MembershipRow, ...]:
    """Membership rows with person and group names, by any condition on Membership."""
    rows = session.execute(
        select(
            Membership,
            Group.name.label("group_name"),
            Person.first_name,
            Person.last_name,
        )
        .join(Group, Group.id == Membership.group_id)
        .join(Person, Person.id == Membership.person_id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(Membership.until.is_not(None), Group.name, Person.last_name)
    ).all()
    return tuple(
        MembershipRow(
            id=m.id,
            person_id=m.person_id,
            group_id=m.group_id,
            group_name=r.group_name,
            person_name=f"{r.first_name} {r.last_name}",
            role=m.role,
            since=m.since,
            until=m.until,
            source=m.source,
            reason=m.reason,
            review_date=m.review_date,
            version=m.version,
        )
        for r in rows
        for m in (r.Membership,)
    )


def _profile(session: Session, person_id: int, held: frozenset[str]) -> PersonProfile:
    # The person and whether a photo exists in one query (the photo itself stays unread).
    found = session.execute(
        select(Person, Person.photo.is_not(None)).where(Person.id == person_id)
    ).first()
    if found is None or found[0].merged_into_id is not None:
        raise NotFound("person.gone")
    p, has_photo = found
    # Through the one read of addresses: a protected one is opened only for a key holder.
    opened = {a.id: read_row(session, a) for a in p.addresses}
    addresses = tuple(
        AddressRow(
            a.id,
            # A reader without the key sees that there is one, never where.
            PROTECTED_AREA if opened[a.id].hidden else opened[a.id].street,
            opened[a.id].postcode,
            opened[a.id].city,
            opened[a.id].area,
            a.valid_from,
            a.valid_to,
            opened[a.id].access_notes,
        )
        for a in sorted(
            p.addresses,
            key=lambda a: (a.valid_to is None, a.valid_from or dt.date.min),
            reverse=True,
        )
    )
    relatives = tuple(
        RelativeRow(
            r.id,
            r.name,
            r.relation,
            r.phone,
            r.same_address,
            r.likely_present,
            r.linked_person_id,
            r.version,
        )
        for r in p.relatives
    )
    timeline = person_timeline(session, person_id, held)
    # The delivery count and date from the timeline's deliveries: the same rows.
    delivered = [e.on for e in timeline if e.kind is TimelineKind.DELIVERY]
    return PersonProfile(
        id=p.id,
        version=p.version,
        first_name=p.first_name,
        last_name=p.last_name,
        aliases=tuple(a for a in p.aliases.split("; ") if a),
        birth_date=p.birth_date,
        identity_masked=search.masked_identity_of(session, p.id),
        identity_kind=p.identity_kind,
        language=p.language,
        interpreter_need=p.interpreter_need,
        status=p.status,
        category=p.category,
        protected_identity=p.protected_identity,
        at_risk_victim=p.at_risk_victim,
        at_risk_shooter=p.at_risk_shooter,
        priority=p.priority,
        phone=p.phone,
        source=p.source,
        review_date=p.review_date,
        mapped_on=p.mapped_on,
        has_photo=bool(has_photo),
        addresses=addresses,
        relatives=relatives,
        memberships=membership_rows(session, Membership.person_id == person_id),
        timeline=timeline,
        deliveries=len(delivered),
        last_delivery=max(delivered, default=None),
    )
