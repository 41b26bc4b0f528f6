"""The person list: search as you type, filters and sorting, all in SQL.

Full-text matching lives behind :func:`text_condition` so PostgreSQL can get its own
index later: SQLite uses the FTS5 trigram table ``person_search`` (see the initial
migration); one or two typed characters match the start of the last name through the
name index, because a trigram needs three.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from desktop.models import Address, Membership, Person, Task, TaskStatus
from desktop.services.mapping import list_extras
from desktop.services.mapping.order import swedish
from desktop.services.mapping.rows import PersonFilter, PersonRow, PersonSort, RiskRole
from desktop.store.collation import KEY_FUNCTION, search_fold, swedish_key

PAGE_SIZE = 200
# At most this many full-text candidates are sorted per keystroke (see list_pool).
SEARCH_POOL = 500
_TOKEN = re.compile(r"\S+")


# The server's fold of the search text, as its trigram index holds it (migration 0013).
_FOLD = "public.rondplan_search_fold"


def _indexed_form(word: str) -> str:
    """A typed word as the index holds it: identity digits without the dash, names folded
    (case and every diacritic, so "delic" finds Delić; migration 0013)."""
    if re.fullmatch(r"[\d-]+", word):
        return word.replace("-", "")
    return search_fold(word)


def fts_query(typed: str, names_only: bool = False) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None if nothing is long enough.

    Each word becomes a quoted string (quotes doubled), so operators and punctuation in
    the input are matched literally instead of being parsed as FTS5 syntax. Words shorter
    than three characters are left out: a trigram index cannot answer them.
    ``names_only`` limits the match to the name and alias columns (finding 4: the
    identity digits are not searchable by fragment for users who see them masked).
    """
    terms = []
    for word in _TOKEN.findall(typed):
        word = _indexed_form(word)
        if len(word) >= 3:
            terms.append('"' + word.replace('"', '""') + '"')
    if not terms:
        return None
    return "{name aliases} : (" + " ".join(terms) + ")" if names_only else " ".join(terms)


# A word that is all digits with an optional dash or plus: a (part of a) personnummer.
_NUMBER = re.compile(r"\d[\d+-]*")
# Centuries a two-digit year may stand for (nobody mapped was born before 1900).
_CENTURIES = ("19", "20")


# The server's masked personnummer ``ÅÅÅÅMMDD-****`` (a generated column, migration
# 0015): the roles without PERSON_REVEAL_ID have no SELECT on identity_number there.
_MASKED: ColumnElement[str | None] = literal_column("person.identity_masked", String())
# The server's exact match of a whole number, for those roles (migration 0015).
_IDENTITY_MATCH = func.public.rondplan_person_ids_by_identity


def masked_identity_column(dialect: str) -> ColumnElement[str | None]:
    """The column the masked personnummer is read from: on a server its masked form,
    on a local file the number (masked by :func:`mask_identity`)."""
    if dialect == "sqlite":
        return Person.identity_number.expression
    return _MASKED


def masked_identity_of(session: Session, person_id: int) -> str | None:
    """One person's ``ÅÅÅÅMMDD-****`` (never reads the whole number on a server)."""
    column = masked_identity_column(session.get_bind().dialect.name)
    number = session.scalar(select(column).select_from(Person).where(Person.id == person_id))
    return mask_identity(number)


def _identity_condition(digits: str, server: bool = False) -> ColumnElement[bool] | None:
    """The exact match for a full number, or the range of a date part; else None.

    Only what the masked form shows (``ÅÅÅÅMMDD-****``) or the whole number can match,
    so the last four digits cannot be guessed one fragment at a time. ``server``: the
    role reads no number there, so the whole number is matched by the server's function
    and the date part on the masked column.
    """
    numbers: list[str] = []
    if len(digits) == 12:
        numbers = [f"{digits[:8]}-{digits[8:]}"]
    elif len(digits) == 10:
        numbers = [f"{c}{digits[:6]}-{digits[6:]}" for c in _CENTURIES]
    if numbers:
        if server:
            return or_(*(Person.id.in_(select(_IDENTITY_MATCH(n))) for n in numbers))
        return Person.identity_number.in_(numbers)
    column = _MASKED if server else Person.identity_number
    if len(digits) == 8:
        dates = [digits]
    elif len(digits) == 6:
        dates = [c + digits for c in _CENTURIES]
    else:
        return None
    # A range on the indexed column: stored as ÅÅÅÅMMDD-NNNN and "." sorts after "-".
    return or_(*(and_(column >= d + "-", column < d + ".") for d in dates))


def _split_identity(typed: str, server: bool = False) -> tuple[str, list[ColumnElement[bool]]]:
    """The words left for the name match, and the identity conditions of the others."""
    words, conditions = [], []
    for word in _TOKEN.findall(typed):
        if _NUMBER.fullmatch(word):
            condition = _identity_condition(re.sub(r"[+-]", "", word), server)
            if condition is not None:
                conditions.append(condition)
                continue
        words.append(word)
    return " ".join(words), conditions


def _swedish_name(dialect: str) -> tuple[ColumnElement[Any], ...]:
    """The name sort in Swedish order.

    SQLite: the indexed ``sv_key`` expressions (ix_person_sv_name), so ORDER BY ... LIMIT
    walks the index; ``COLLATE sv`` sorted every match through a Python callback per
    comparison (measured 1 s for the unfiltered 100,000, 100 ms for one letter).
    PostgreSQL: the ICU collation.
    """
    if dialect == "sqlite":
        return _SV_NAME
    return (swedish(Person.last_name, dialect), swedish(Person.first_name, dialect))


def sv_key(column: Any) -> ColumnElement[str]:
    """``sv_key(column)``: the Swedish sort key as SQL (SQLite, desktop.store.collation)."""
    return getattr(func, KEY_FUNCTION)(column)  # type: ignore[no-any-return]


# Built once: constructing SQL function expressions per keystroke costs about a millisecond.
_SV_NAME = (sv_key(Person.last_name), sv_key(Person.first_name))


def _swedish_prefix(prefix: str) -> ColumnElement[bool]:
    # SQLite: a range on the indexed key, already in list order; case and accents folded.
    start = swedish_key(prefix)
    end = start[:-1] + chr(ord(start[-1]) + 1)
    key = _SV_NAME[0]
    return and_(key >= start, key < end)


def _prefix_condition(prefix: str) -> ColumnElement[bool]:
    # PostgreSQL: a range in the ICU Swedish collation, which folds case and accents as
    # sv_key does ("d" finds "de Vries", "e" finds "Éclair", "ö" only Ö), answered by
    # ix_person_sv_name_icu already in list order. Lower case sorts first at equal
    # letters, so the range starts there; U+FFFF sorts after every letter in CLDR
    # collations, the end Unicode gives for prefix ranges (UTS #35, "Collation").
    last_name = swedish(Person.last_name, "postgresql")
    start = prefix.lower()
    return and_(last_name >= start, last_name < start + "\uffff")


def _fts_rowids(match: str, limit: int | None = None) -> Select[Any]:
    query = (
        select(text("rowid"))
        .select_from(text("person_search"))
        .where(text("person_search MATCH :match").bindparams(match=match))
    )
    return query.limit(limit) if limit is not None else query


def _trigram_ids(typed: str, limit: int | None = None, names_only: bool = False) -> Select[Any]:
    """PostgreSQL: every word (3+ characters) in the pg_trgm-indexed search text.

    The expression is the index's own (desktop.store.server.schema), written out as SQL
    so the planner uses the index; LIKE's wildcards in the words are escaped.
    ``names_only`` matches the names and aliases alone (see fts_query), on their own
    index (migration 0015): the full expression holds the identity digits, which the
    roles searching by name only may not read.
    """
    from desktop.store.server.schema import SEARCH_EXPRESSION

    # Folded as the index is (migration 0013); the words are folded alike.
    searched: ColumnElement[str] = literal_column(f"{_FOLD}({SEARCH_EXPRESSION})")
    names: ColumnElement[str] = literal_column(f"{_FOLD}({_NAME_EXPRESSION})")
    words = []
    for word in _TOKEN.findall(typed):
        word = _indexed_form(word)
        if len(word) >= 3:
            escaped = re.sub(r"([\\%_])", r"\\\1", word)
            column = names if names_only else searched
            words.append(column.ilike(f"%{escaped}%", escape="\\"))
    query = select(Person.id).where(and_(*words))
    return query.limit(limit) if limit is not None else query


# The names and aliases part of the server's SEARCH_EXPRESSION (no identity digits).
_NAME_EXPRESSION = "(first_name || ' ' || last_name || ' ' || aliases)"


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
    sqlite = session.get_bind().dialect.name == "sqlite"
    if not reveal:
        typed, identity = _split_identity(typed, server=not sqlite)
        if identity:
            pool = None  # the candidate pool would be cut before the identity condition
        if not typed:
            return and_(*identity)
    match = fts_query(typed, names_only=not reveal)
    if match is None:
        prefix = _TOKEN.findall(typed)[0]
        named = _swedish_prefix(prefix) if sqlite else _prefix_condition(prefix)
    elif sqlite:
        named = Person.id.in_(_fts_rowids(match, pool))
    else:
        named = Person.id.in_(_trigram_ids(typed, pool, names_only=not reveal))
    return and_(named, *identity) if identity else named


def _match(flt: PersonFilter, reveal: bool) -> str | None:
    """The FTS5 expression of a text-only search that a candidate pool may cut, or None."""
    if reveal:
        return fts_query(flt.text)
    rest, identity = _split_identity(flt.text)
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
    if session.get_bind().dialect.name == "sqlite":
        capped = _fts_rowids(match, SEARCH_POOL + 1).subquery()
    else:
        capped = _trigram_ids(flt.text, SEARCH_POOL + 1, names_only=not reveal).subquery()
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
    dialect = session.get_bind().dialect.name
    columns = _SORT_COLUMNS.get(sort, _SORT_COLUMNS[PersonSort.NAME])
    if sort is PersonSort.NAME:
        columns = _swedish_name(dialect)
    order = [c.desc() if descending else c.asc() for c in columns]
    order.append(Person.id.desc() if descending else Person.id.asc())
    # Each row's area, groups and deliveries (issue 7): in the page query on a server,
    # in batches after it on a local file (see list_extras).
    inline = list_extras.inline(dialect)
    masked = masked_identity_column(dialect).label("identity")
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
