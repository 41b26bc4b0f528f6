"""The person list: search as you type, filters and sorting, all in SQL.

Full-text matching lives behind :func:`text_condition`, on the store's own index
(``desktop.store.interface.StoreSql``: the file's FTS5 trigram table, the server's
pg_trgm index); one or two typed characters match the start of the last name through
the name index, because a trigram needs three.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session

from desktop.models import Address, Membership, Person, Task, TaskStatus
from desktop.services.mapping import list_extras
from desktop.services.mapping.rows import PersonFilter, PersonRow, PersonSort, RiskRole
from desktop.store.interface import StoreSql
from desktop.store.search_text import TOKEN, fts_query, searchable_words
from desktop.store.sql import FILE_SQL, sql_of

# One page of the person list: more rows than any screen shows at once; the list's
# model asks for the next page as the user scrolls (a keystroke reads one page).
PAGE_SIZE = 100
# At most this many full-text candidates are sorted per keystroke (see list_pool).
SEARCH_POOL = 500


# A word that is all digits with an optional dash or plus: a (part of a) personnummer.
_NUMBER = re.compile(r"\d[\d+-]*")
# Centuries a two-digit year may stand for (nobody mapped was born before 1900).
_CENTURIES = ("19", "20")


def masked_identity_of(session: Session, person_id: int) -> str | None:
    """One person's ``ÅÅÅÅMMDD-****`` (never reads the whole number on a server)."""
    column = sql_of(session).masked_identity()
    number = session.scalar(select(column).select_from(Person).where(Person.id == person_id))
    return mask_identity(number)


def _identity_condition(digits: str, sql: StoreSql) -> ColumnElement[bool] | None:
    """The exact match for a full number, or the range of a date part; else None.

    Only what the masked form shows (``ÅÅÅÅMMDD-****``) or the whole number can match,
    so the last four digits cannot be guessed one fragment at a time (on a server the
    role reads no number: the store matches it by the server's function, and the date
    part on the masked column).
    """
    if len(digits) == 12:
        return sql.identity_is([f"{digits[:8]}-{digits[8:]}"])
    if len(digits) == 10:
        return sql.identity_is([f"{c}{digits[:6]}-{digits[6:]}" for c in _CENTURIES])
    column = sql.masked_identity()
    if len(digits) == 8:
        dates = [digits]
    elif len(digits) == 6:
        dates = [c + digits for c in _CENTURIES]
    else:
        return None
    # A range on the indexed column: stored as ÅÅÅÅMMDD-NNNN and "." sorts after "-".
    return or_(*(and_(column >= d + "-", column < d + ".") for d in dates))


def _split_identity(typed: str, sql: StoreSql) -> tuple[str, list[ColumnElement[bool]]]:
    """The words left for the name match, and the identity conditions of the others."""
    words, conditions = [], []
    for word in TOKEN.findall(typed):
        if _NUMBER.fullmatch(word):
            condition = _identity_condition(re.sub(r"[+-]", "", word), sql)
            if condition is not None:
                conditions.append(condition)
                continue
        words.append(word)
    return " ".join(words), conditions


def text_condition(
    session: Session, typed: str, pool: int | None = None, reveal: bool = True
) -> ColumnElement[bool] | None:
    """The WHERE condition for ``typed`` on this session's dialect, or None for all.

    ``pool`` limits a full-text match to that many candidates (see :func:`person_page`).
    Without ``reveal`` (the role lacks PERSON_REVEAL_ID) identity numbers match only as a
    whole or by their date part (see :func:`_identity_condition`).
    """
    typed = typed.strip()
    if not typed:
        return None
    identity: list[ColumnElement[bool]] = []
    sql = sql_of(session)
    if not reveal:
        typed, identity = _split_identity(typed, sql)
        if identity:
            pool = None  # the candidate pool would be cut before the identity condition
        if not typed:
            return and_(*identity)
    if not searchable_words(typed):
        named = sql.name_prefix(TOKEN.findall(typed)[0])
    else:
        named = (
            sql.person_matches(typed, names_only=not reveal)
            if pool is None
            else Person.id.in_(sql.person_ids_matching(typed, pool, names_only=not reveal))
        )
    return and_(named, *identity) if identity else named


def _match(flt: PersonFilter, reveal: bool) -> str | None:
    """The FTS5 expression of a text-only search that a candidate pool may cut, or None."""
    if reveal:
        return fts_query(flt.text)
    rest, identity = _split_identity(flt.text, FILE_SQL)  # only whether there are any
    return None if identity else fts_query(rest, names_only=True)


def _text_only(flt: PersonFilter, reveal: bool = True) -> bool:
    return _match(flt, reveal) is not None and replace(flt, text="") == PersonFilter()


def list_pool(session: Session, flt: PersonFilter, reveal: bool = True) -> int | None:
    """How many full-text candidates the list sorts, or None for every match.

    A common fragment ("joh") matches thousands of the 100,000 names; reading and sorting
    all of them costs more than a keystroke may. When the text is the only filter, the
    list sorts at most ``SEARCH_POOL`` candidates (one more to tell that there were more;
    see :func:`search_capped`), and the page asks the user to type more. With any other
    filter the match is exact.
    """
    if not _text_only(flt, reveal):
        return None
    return SEARCH_POOL + 1


def search_capped(session: Session, flt: PersonFilter, reveal: bool = True) -> bool:
    """True when the list shows only part of the matches (see :func:`list_pool`)."""
    match = _match(flt, reveal)
    if match is None or list_pool(session, flt, reveal) is None:
        return False
    matching = sql_of(session).person_ids_matching(flt.text, SEARCH_POOL + 1, not reveal)
    capped = matching.subquery()
    return (session.scalar(select(func.count()).select_from(capped)) or 0) > SEARCH_POOL


def _current_membership(today: dt.date) -> ColumnElement[bool]:
    return and_(
        Membership.person_id == Person.id,
        or_(Membership.until.is_(None), Membership.until >= today),
    )


def filter_conditions(
    session: Session,
    flt: PersonFilter,
    today: dt.date,
    pool: int | None = None,
    reveal: bool = True,
) -> list[ColumnElement[bool]]:
    """Every WHERE condition of the filter; merged-away persons never show."""
    conditions: list[ColumnElement[bool]] = [Person.merged_into_id.is_(None)]
    matched = text_condition(session, flt.text, pool, reveal)
    if matched is not None:
        conditions.append(matched)
    if flt.group_id is not None:
        conditions.append(
            exists().where(_current_membership(today), Membership.group_id == flt.group_id)
        )
    if flt.area:
        conditions.append(
            exists().where(
                Address.person_id == Person.id,
                Address.valid_to.is_(None),
                Address.area == flt.area,
            )
        )
    if flt.statuses:
        conditions.append(Person.status.in_(sorted(flt.statuses)))
    if flt.categories:
        conditions.append(Person.category.in_(sorted(flt.categories)))
    if flt.risk is RiskRole.VICTIM:
        conditions.append(Person.at_risk_victim.is_(True))
    elif flt.risk is RiskRole.SHOOTER:
        conditions.append(Person.at_risk_shooter.is_(True))
    elif flt.risk is RiskRole.EITHER:
        conditions.append(or_(Person.at_risk_victim.is_(True), Person.at_risk_shooter.is_(True)))
    if flt.due_for_review:
        conditions.append(
            or_(
                Person.review_date <= today,
                exists().where(_current_membership(today), Membership.review_date <= today),
            )
        )
    if flt.open_follow_up:
        conditions.append(
            exists().where(Task.person_id == Person.id, Task.status == TaskStatus.OPEN)
        )
    return conditions


_SORT_COLUMNS: dict[PersonSort, tuple[Any, ...]] = {
    PersonSort.NAME: (Person.last_name, Person.first_name),
    PersonSort.BIRTH_DATE: (Person.birth_date,),
    PersonSort.STATUS: (Person.status,),
    PersonSort.CATEGORY: (Person.category,),
    PersonSort.PRIORITY: (Person.priority,),
    PersonSort.REVIEW_DATE: (Person.review_date,),
}

_LIST_COLUMNS = (
    Person.id,
    Person.first_name,
    Person.last_name,
    Person.aliases,
    Person.birth_date,
    Person.status,
    Person.category,
    Person.protected_identity,
    Person.at_risk_victim,
    Person.at_risk_shooter,
    Person.priority,
    Person.review_date,
    Person.version,
)


def mask_identity(number: str | None) -> str | None:
    """``ÅÅÅÅMMDD-****``: the last four digits are shown only on an audited reveal."""
    return None if not number else number[:9] + "****"


def person_page(
    session: Session,
    flt: PersonFilter,
    sort: PersonSort = PersonSort.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    today: dt.date | None = None,
    reveal: bool = True,
) -> list[PersonRow]:
    """One page of the person list, with each row's current area and groups.

    ``reveal``: whether identity digits match by fragment (see :func:`text_condition`).
    """
    today = today or dt.date.today()
    pool = list_pool(session, flt, reveal)
    conditions = filter_conditions(session, flt, today, pool, reveal)
    # Core execution on the session's connection: the ORM layer adds nothing to column
    # selects and costs a noticeable share of a keystroke.
    connection = session.connection()
    sql = sql_of(session)
    columns = _SORT_COLUMNS.get(sort, _SORT_COLUMNS[PersonSort.NAME])
    if sort is PersonSort.NAME:
        columns = sql.name_order()
    order = [c.desc() if descending else c.asc() for c in columns]
    order.append(Person.id.desc() if descending else Person.id.asc())
    # Each row's area, groups and deliveries (issue 7): in the page query on a server,
    # in batches after it on a local file (see list_extras).
    inline = sql.extras_inline
    masked = sql.masked_identity().label("identity")
    selected = (*_LIST_COLUMNS, masked, *(list_extras.columns(today) if inline else ()))
    query = select(*selected).where(*conditions).order_by(*order)
    rows = connection.execute(query.offset(offset).limit(limit)).all()
    if inline:
        extras = list_extras.from_rows(rows)
    else:
        extras = list_extras.batched(session, [r.id for r in rows], today)
    return [
        PersonRow(
            id=r.id,
            first_name=r.first_name,
            last_name=r.last_name,
            aliases=r.aliases,
            birth_date=r.birth_date,
            identity_masked=mask_identity(r.identity),
            status=r.status,
            category=r.category,
            protected_identity=r.protected_identity,
            at_risk_victim=r.at_risk_victim,
            at_risk_shooter=r.at_risk_shooter,
            priority=r.priority,
            review_date=r.review_date,
            # A protected identity's area is not shown in lists (skyddad identitet).
            area=None if r.protected_identity else extra.area,
            groups=extra.groups,
            deliveries=extra.deliveries,
            last_delivery=extra.last_delivery,
            version=r.version,
        )
        for r in rows
        for extra in (extras[r.id],)
    ]


def count_persons(
    session: Session, flt: PersonFilter, today: dt.date | None = None, reveal: bool = True
) -> int:
    today = today or dt.date.today()
    query = select(func.count()).select_from(Person)
    conditions = filter_conditions(session, flt, today, reveal=reveal)
    return int(session.scalar(query.where(*conditions)) or 0)


def areas(session: Session) -> list[str]:
    """Every area of a current address, for the area filter."""
    rows = session.scalars(
        select(Address.area)
        .where(Address.valid_to.is_(None), Address.area.is_not(None))
        .distinct()
        .order_by(Address.area)
    )
    return [a for a in rows if a]
