"""Where a visit takes place: derived at the moment of use, never copied (issue 17).

A visit's address is the person's address valid on the visit's day. ``Visit.address_id``
only keeps what planning saw, so a reader can say "address changed since planning";
it is never printed or shown as the place. Every reader (briefing packet, team and
operation schedule, calendar, outcome dialog, iCalendar, planner, ``rondplan check``)
goes through :func:`visit_places`, so a change of how addresses are read (decryption of
protected addresses, for example) sits under this one function. The calendar, which
places a month of visits at once, asks the same question in SQL
(:func:`valid_addresses`, the same choice as :func:`address_valid_on`) and reads the
district through :func:`area_of`, on the same reader of sealed rows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import CTE, Subquery, func, or_, select
from sqlalchemy.orm import Session

from desktop.models import Address
from desktop.services.protected_addresses import ADDRESS_COLUMNS, read_address, read_columns
from desktop.store.interface import StoreSql


@dataclass(frozen=True)
class Place:
    """One address row as the readers need it."""

    id: int
    person_id: int
    street: str
    postcode: str | None
    city: str | None
    area: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    access_notes: str

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )


@dataclass(frozen=True)
class VisitPlace:
    """The address valid at a visit's time and whether it differs from planning's."""

    address: Place | None
    changed: bool


@dataclass(frozen=True)
class VisitKey:
    """What is needed to place one visit."""

    visit_id: int
    person_id: int
    starts_at: dt.datetime
    planned_address_id: int | None = None


def person_addresses(session: Session, person_ids: Iterable[int]) -> dict[int, list[Place]]:
    """Every address of each person, oldest start first (the one read of addresses)."""
    ids = sorted(set(person_ids))
    found: dict[int, list[Place]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        for row in session.execute(
            select(
                Address.id,
                Address.person_id,
                Address.valid_from,
                Address.valid_to,
                *ADDRESS_COLUMNS,
            ).where(Address.person_id.in_(ids[start : start + 500]))
        ):
            # Protected identity (issue 15): opened only for a holder of its key.
            text = read_columns(session, row[0], row[4:])
            found[row[1]].append(
                Place(
                    row[0],
                    row[1],
                    text.street,
                    text.postcode,
                    text.city,
                    text.area,
                    row[2],
                    row[3],
                    text.access_notes,
                )
            )
    for places in found.values():
        places.sort(key=lambda p: (p.valid_from or dt.date.min, p.id))
    return found


def address_valid_on(places: Iterable[Place], day: dt.date) -> Place | None:
    """The address valid on ``day``: of those valid, the one that started last."""
    chosen = None
    for place in places:  # oldest start first: the last valid one wins
        if place.valid_on(day):
            chosen = place
    return chosen


def valid_addresses(visits: CTE, sql: StoreSql) -> Subquery:
    """Per visit of ``visits`` (with ``id``, ``person_id``, ``starts_at``), the address
    valid on its day: ``visit_id``, ``id``, ``area``, ``sealed``; none for a visit whose
    person has no address valid then (or none this reader may see, on a server).

    The choice of :func:`address_valid_on` as one set-based query: of the addresses
    valid that day, the one that started last (no start counts as the earliest), the
    newest row among equal starts.
    """
    day = sql.date_of(visits.c.starts_at)
    rank = func.row_number().over(
        partition_by=visits.c.id,
        order_by=(Address.valid_from.desc().nulls_last(), Address.id.desc()),
    )
    ranked = (
        select(
            visits.c.id.label("visit_id"),
            Address.id,
            Address.area,
            Address.sealed,
            rank.label("rank"),
        )
        .join(Address, Address.person_id == visits.c.person_id)
        .where(
            # The persons first, then their addresses by the person index (see
            # desktop.services.operations.visits._calendar_query).
            Address.person_id.in_(select(visits.c.person_id)),
            or_(Address.valid_from.is_(None), Address.valid_from <= day),
            or_(Address.valid_to.is_(None), Address.valid_to >= day),
        )
        .subquery("ranked")
    )
    return (
        select(ranked.c.visit_id, ranked.c.id, ranked.c.area, ranked.c.sealed)
        .where(ranked.c.rank == 1)
        .subquery("place")
    )


def area_of(
    session: Session, address_id: int | None, area: str | None, sealed: bytes | None
) -> str | None:
    """The district of a row of :func:`valid_addresses` as this reader may see it
    (a protected address opened for a holder of its key, else none)."""
    if address_id is None:
        return None
    return read_address(session, address_id, None, None, None, area, None, sealed).area


def visit_places(session: Session, visits: Iterable[VisitKey]) -> dict[int, VisitPlace]:
    """Visit id to the person's address valid on the visit's day, marked when changed.

    "Changed" means planning stored an address and the one valid now at the visit's
    time is another (a move registered after planning, or the old one ended).
    """
    keys = list(visits)
    addresses = person_addresses(session, (k.person_id for k in keys))
    result: dict[int, VisitPlace] = {}
    for key in keys:
        place = address_valid_on(addresses.get(key.person_id, ()), key.starts_at.date())
        changed = key.planned_address_id is not None and (
            place is None or place.id != key.planned_address_id
        )
        result[key.visit_id] = VisitPlace(place, changed)
    return result


def addresses_on(session: Session, person_ids: Iterable[int], day: dt.date) -> dict[int, Place]:
    """Person id to the address valid on ``day`` (persons without one are left out)."""
    found = {}
    for person_id, places in person_addresses(session, person_ids).items():
        place = address_valid_on(places, day)
        if place is not None:
            found[person_id] = place
    return found
