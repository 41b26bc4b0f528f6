"""The server's SQL (PostgreSQL): ICU collation, pg_trgm search, the checked functions.

One half of ``desktop.store.interface.StoreSql``; the file's is ``desktop.store.file_sql``.
Row-level security hides other agencies' rows from a user's role, so what must reach
them goes through the server's own functions (migrations 0002, 0003, 0005, 0015).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    String,
    and_,
    cast,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from desktop.models import Person
from desktop.store.interface import NoteDisclosure
from desktop.store.search_text import searchable_words
from desktop.store.server.schema import SEARCH_EXPRESSION

# PostgreSQL's ICU collation for Swedish (the server store creates no collation of its own).
COLLATION = "sv-SE-x-icu"
# The server's fold of the search text, as its trigram index holds it (migration 0013).
_FOLD = "public.rondplan_search_fold"
# The names and aliases part of SEARCH_EXPRESSION (no identity digits).
_NAME_EXPRESSION = "(first_name || ' ' || last_name || ' ' || aliases)"
# The masked personnummer ``ÅÅÅÅMMDD-****`` (a generated column, migration 0015): the
# roles without PERSON_REVEAL_ID have no SELECT on identity_number.
_MASKED: ColumnElement[str | None] = literal_column("person.identity_masked", String())
# The exact match of a whole number, for those roles (migration 0015).
_IDENTITY_MATCH = func.public.rondplan_person_ids_by_identity


class ServerSql:
    """PostgreSQL as the user's own role."""

    extras_inline = True
    first_by_probe = True

    def swedish(self, column: Any) -> ColumnElement[Any]:
        collated: ColumnElement[Any] = column.collate(COLLATION)
        return collated

    def name_order(self) -> tuple[ColumnElement[Any], ...]:
        return (self.swedish(Person.last_name), self.swedish(Person.first_name))

    def name_prefix(self, prefix: str) -> ColumnElement[bool]:
        # A range in the ICU Swedish collation, which folds case and accents as sv_key
        # does ("d" finds "de Vries", "e" finds "Éclair", "ö" only Ö), answered by
        # ix_person_sv_name_icu already in list order. Lower case sorts first at equal
        # letters, so the range starts there; U+FFFF sorts after every letter in CLDR
        # collations, the end Unicode gives for prefix ranges (UTS #35, "Collation").
        last_name = self.swedish(Person.last_name)
        start = prefix.lower()
        return and_(last_name >= start, last_name < start + "\uffff")

    def person_ids_matching(
        self, typed: str, limit: int | None = None, names_only: bool = False
    ) -> Select[Any]:
        """Every word (3+ characters) in the pg_trgm-indexed search text.

        The expression is the index's own (desktop.store.server.schema), written out as
        SQL so the planner uses the index; LIKE's wildcards in the words are escaped.
        ``names_only`` matches the names and aliases alone, on their own index
        (migration 0015): the full expression holds the identity digits, which the roles
        searching by name only may not read.
        """
        query = select(Person.id).where(self.person_matches(typed, names_only))
        return query.limit(limit) if limit is not None else query

    def person_matches(self, typed: str, names_only: bool = False) -> ColumnElement[bool]:
        """The match on the person row itself: a count or an exact list filters by it
        directly (``id IN (…)`` over 100,000 persons made the planner hash-join a second
        sequential scan of person: 256 ms for the settled count, issue 19)."""
        # Folded as the index is (migration 0013); the words are folded alike.
        expression = _NAME_EXPRESSION if names_only else SEARCH_EXPRESSION
        column: ColumnElement[str] = literal_column(f"{_FOLD}({expression})")
        words = [
            column.ilike("%" + re.sub(r"([\\%_])", r"\\\1", word) + "%", escape="\\")
            for word in searchable_words(typed)
        ]
        return and_(*words)

    def masked_identity(self) -> ColumnElement[str | None]:
        return _MASKED

    def identity_is(self, numbers: list[str]) -> ColumnElement[bool]:
        return or_(*(Person.id.in_(select(_IDENTITY_MATCH(n))) for n in numbers))

    def date_of(self, column: Any) -> Any:
        return cast(column, Date)

    def repoint_hidden_notes(self, session: Session, drop_id: int, keep_id: int) -> int:
        # Row-level security hid other agencies' notes from the caller's update; the
        # server's function moves them too (ids only, see store/server/schema.py).
        moved = session.scalar(
            text("SELECT rondplan_repoint_notes(:drop_id, :keep_id)"),
            {"drop_id": drop_id, "keep_id": keep_id},
        )
        return int(moved or 0)

    def drop_disclosures_of(self, session: Session, note_ids: list[int]) -> None:
        """Nothing: the foreign key's cascade deletes them (users may not themselves)."""

    def delete_expired_notes(self, session: Session, now: dt.datetime) -> int | None:
        # Row-level security hides other agencies' notes from this user; the server
        # deletes every agency's expired notes by the same rules.
        deleted = session.scalar(text("SELECT rondplan_retention_notes(:now)"), {"now": now})
        return int(deleted or 0)

    def next_serial(self, session: Session, table: str, column: str = "id") -> int:
        """The next value of ``table.column``'s sequence, drawn now (never reused)."""
        return int(
            session.scalar(
                text("SELECT nextval(pg_get_serial_sequence(:table, :column))"),
                {"table": table, "column": column},
            )
        )

    def disclose_note(
        self, session: Session, disclosure: NoteDisclosure, seal: Callable[[int], bytes]
    ) -> tuple[int, int]:
        """Written by ``rondplan_disclose_note`` (migration 0003_server_disclosure).

        Row-level security refuses this user a row of the receiving agency; the function
        checks the caller's agency owns the source. The copy takes the next id of the
        note sequence, drawn here first: the sealed text is bound to it. The audit
        entry, which the server demands in this transaction, follows.
        """
        d = disclosure
        copy_id = self.next_serial(session, "note")
        disclosure_id = session.scalar(
            text(
                "SELECT rondplan_disclose_note(:source, :copy, :receiver, :sealed, :basis, "
                ":basis_text, :reason)"
            ),
            {
                "source": d.source_id,
                "copy": copy_id,
                "receiver": d.to_agency_id,
                "sealed": seal(copy_id),
                "basis": d.legal_basis.value,
                "basis_text": d.legal_basis_text,
                "reason": d.reason,
            },
        )
        return copy_id, int(disclosure_id)
