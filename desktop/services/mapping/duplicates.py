"""Possible duplicates of a person about to be saved: shown before saving."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from desktop.models import Person
from desktop.services.mapping.rows import DuplicateCandidate, DuplicateReason
from desktop.services.mapping.search import text_condition
from desktop.services.names import names_similar, normalise_name

_CANDIDATES = 300


def find_duplicates(
    session: Session,
    first_name: str,
    last_name: str,
    birth_date: dt.date | None,
    identity_number: str | None,
    exclude_id: int | None = None,
) -> list[DuplicateCandidate]:
    """Persons who may be the same: same personnummer, same name and birth date, or a
    close spelling of the name.

    Candidates come from the indexes (identity number, birth date, trigram match on each
    name word), so the check stays fast over 100,000 persons; spelling is compared in
    Python on those few.
    """
    full = f"{first_name} {last_name}".strip()
    wanted = [Person.identity_number == identity_number] if identity_number else []
    if birth_date is not None:
        wanted.append(Person.birth_date == birth_date)
    spelled = _spelling_condition(session, full)
    if spelled is not None:
        wanted.append(spelled)
    if not wanted:
        return []
    query = select(
        Person.id, Person.first_name, Person.last_name, Person.birth_date, Person.identity_number
    ).where(or_(*wanted), Person.merged_into_id.is_(None))
    if exclude_id is not None:
        query = query.where(Person.id != exclude_id)
    found: dict[int, DuplicateCandidate] = {}
    for row in session.execute(query.limit(_CANDIDATES)):
        name = f"{row.first_name} {row.last_name}"
        reason = None
        if identity_number and row.identity_number == identity_number:
            reason = DuplicateReason.SAME_IDENTITY
        elif (
            birth_date
            and row.birth_date == birth_date
            and (normalise_name(name) == normalise_name(full) or names_similar(name, full))
        ):
            reason = DuplicateReason.SAME_NAME_AND_BIRTH
        elif names_similar(name, full) and (
            birth_date is None or row.birth_date is None or row.birth_date == birth_date
        ):
            reason = DuplicateReason.SIMILAR_NAME
        if reason is not None:
            found[row.id] = DuplicateCandidate(row.id, name, row.birth_date, reason)
    order = list(DuplicateReason)
    return sorted(found.values(), key=lambda c: (order.index(c.reason), c.full_name))


def _spelling_condition(session: Session, full: str) -> ColumnElement[bool] | None:
    # Every word must share its first or its last three letters with the candidate:
    # selective enough for the index, loose enough for "Mohamed" against "Mohammed".
    per_word = []
    for word in full.split():
        parts = {word[:3], word[-3:]} if len(word) >= 3 else {word}
        conditions = [c for p in sorted(parts) if (c := text_condition(session, p)) is not None]
        if conditions:
            per_word.append(or_(*conditions))
    return and_(*per_word) if per_word else None
