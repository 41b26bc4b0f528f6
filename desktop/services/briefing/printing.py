"""Every printout: permission check, a numbered print record and its audit entry, render.

The data is gathered and the serial number taken (``numbering.number_print``) in one
unit of work, so the print log and the audit log agree; the PDF is rendered after the
transaction so a slow render never holds the database. The audit entry holds ids, the
serial and the template versions, never a name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.messages import Language
from desktop.models import PrintRecord
from desktop.reports.canvas import Output
from desktop.reports.data import DocumentMeta
from desktop.services.briefing import templates as tpl
from desktop.services.briefing.builder import (
    BriefingRequest,
    briefing_visits,
    build_briefing,
    make_meta,
)
from desktop.services.briefing.callin_documents import callin_attendees, invitation_letters
from desktop.services.briefing.documents import group_overview, operation_schedule, person_sheet
from desktop.services.briefing.numbering import number_print
from desktop.services.briefing.templates import TemplateRow
from desktop.services.changes import Changes
from desktop.services.errors import NotFound, ValidationError
from desktop.services.permissions import Action, require
from desktop.services.security.reauth import Reauthentication
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

#: What a gather step returns: the document data, the object ids, extra audit detail.
Gathered = tuple[Any, list[int], str]


class PrintKind:
    BRIEFING = "briefing"
    PERSON = "person_sheet"
    GROUP = "group_overview"
    SCHEDULE = "operation_schedule"
    ATTENDEES = "callin_attendees"
    LETTERS = "invitation_letters"


#: What a finished print did with the paper: printed it, or saved it as a file.
OUTPUT_ACTIONS = {"printer": "print.printer", "save": "print.save"}
NO_VISITS_ON_DAY = "briefing.no_visits_on_day"
NO_VISITS_AT_ALL = "briefing.no_visits_at_all"


@dataclass(frozen=True)
class PrintResult:
    """A rendered print: its serial, its record id, where the PDF is, the change made."""

    serial: str
    record_id: int
    path: Path | None
    objects: int
    changes: Changes


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class PrintService:
    """Prints for the unlocked user; each method renders to ``out`` and returns the result."""

    def __init__(self, store: Store, reauth: Reauthentication | None = None) -> None:
        self._store = store
        # Printing a protected address asks for the password again (issue 15).
        self.reauth = reauth or Reauthentication(store)

    def check_protected_addresses(self, request: BriefingRequest) -> None:
        """Raise unless ``request`` may print protected addresses now.

        PermissionDenied for a role without Action.PROTECTED_ADDRESS;
        ReauthenticationRequired until the password was given again (not the login).
        """
        if request.include_protected_addresses:
            self.reauth.require_confirmed(Action.PROTECTED_ADDRESS)

    # -- the briefing packet ---------------------------------------------------------
    def print_briefing(
        self, request: BriefingRequest, out: Output, *, now: dt.datetime | None = None
    ) -> PrintResult:
        """The team's briefing packet for a day (or the whole operation) as PDF, its own
        words in ``request.lang`` (the printing user's language)."""
        from desktop.reports.briefing import render_briefing

        require(self._store.identity, Action.BRIEFING_PRINT)
        self.check_protected_addresses(request)
        used = (tpl.CONFIDENTIALITY, tpl.OPENING_LINE, tpl.MESSAGE, tpl.CONTACTS, tpl.INSTRUCTIONS)

        def gather(
            session: Session, serial: str, texts: dict[str, TemplateRow], when: dt.datetime
        ) -> Gathered:
            visits = briefing_visits(session, request)
            if not visits:
                # A packet without a visit would be a numbered, logged empty printout.
                raise ValidationError(
                    NO_VISITS_ON_DAY if request.day is not None else NO_VISITS_AT_ALL, field="date"
                )
            meta = make_meta(session, self._store, serial, texts, used, when, lang=request.lang)
            data = build_briefing(session, self._store, request, meta, texts, visits)
            detail = (
                f"operation={request.operation_id};team={request.team_id};"
                f"date={request.day.isoformat() if request.day else 'all'};"
                f"visits={len(visits)};"
                f"protected_addresses={int(request.include_protected_addresses)}"
            )
            return data, [v.id for v in visits], detail

        return self._print(
            PrintKind.BRIEFING,
            "Skriv ut genomgångsunderlag",
            used,
            gather,
            render_briefing,
            out,
            now,
        )

    # -- the other printouts ---------------------------------------------------------
    def print_person_sheet(
        self, person_id: int, out: Output, *, now: dt.datetime | None = None
    ) -> PrintResult:
        """A person's profile sheet (addresses left out for a protected identity)."""
        from desktop.reports.sheets import render_person_sheet

        return self._print_one(
            PrintKind.PERSON,
            "Skriv ut personblad",
            Action.PERSON_READ,
            lambda session, meta: person_sheet(session, self._store, person_id, meta),
            render_person_sheet,
            person_id,
            out,
            now,
            with_copy=True,  # the sheet carries the printing agency's section
        )

    def print_group_overview(
        self, group_id: int, out: Output, *, now: dt.datetime | None = None
    ) -> PrintResult:
        """A group with its members, conflicts, alliances and sanction periods."""
        from desktop.reports.sheets import render_group_overview

        return self._print_one(
            PrintKind.GROUP,
            "Skriv ut gruppöversikt",
            Action.GROUP_READ,
            lambda session, meta: group_overview(session, group_id, meta),
            render_group_overview,
            group_id,
            out,
            now,
        )

    def print_operation_schedule(
        self, operation_id: int, out: Output, *, now: dt.datetime | None = None
    ) -> PrintResult:
        """The operation's plan as landscape week tables."""
        from desktop.reports.schedule import render_operation_schedule

        return self._print_one(
            PrintKind.SCHEDULE,
            "Skriv ut schema",
            Action.OPERATION_READ,
            lambda session, meta: operation_schedule(session, operation_id, meta),
            render_operation_schedule,
            operation_id,
            out,
            now,
        )

    def print_callin_attendees(
        self,
        call_in_id: int,
        out: Output,
        *,
        now: dt.datetime | None = None,
        lang: Language = "sv",
    ) -> PrintResult:
        """The attendance list of a call-in, in ``lang`` (the printing user's language)."""
        from desktop.reports.callin import render_callin_attendees

        return self._print_one(
            PrintKind.ATTENDEES,
            "Skriv ut deltagarlista",
            Action.CALLIN_READ,
            lambda session, meta: callin_attendees(session, call_in_id, meta, lang),
            render_callin_attendees,
            call_in_id,
            out,
            now,
            lang=lang,
        )

    def _print_one(
        self,
        kind: str,
        description: str,
        read_action: Action,
        build: Callable[[Session, DocumentMeta], Any],
        render: Callable[[Any, Output], None],
        object_id: int,
        out: Output,
        now: dt.datetime | None,
        *,
        with_copy: bool = False,
        lang: Language = "sv",
    ) -> PrintResult:
        """A one-object printout marked with the confidentiality text only."""
        require(self._store.identity, Action.PRINT)
        require(self._store.identity, read_action)
        used = (tpl.CONFIDENTIALITY,)

        def gather(
            session: Session, serial: str, texts: dict[str, TemplateRow], when: dt.datetime
        ) -> Gathered:
            meta = make_meta(
                session, self._store, serial, texts, used, when, with_copy=with_copy, lang=lang
            )
            return build(session, meta), [object_id], ""

        return self._print(kind, description, used, gather, render, out, now)

    def print_invitation_letters(
        self,
        call_in_id: int,
        out: Output,
        *,
        person_ids: tuple[int, ...] | None = None,
        now: dt.datetime | None = None,
        lang: Language = "sv",
    ) -> PrintResult:
        """Invitation letters, one page per invited person (protected addresses left out).

        ``lang`` is the letter's language, not necessarily the printing user's: a letter
        goes to a young man in Sweden, so Swedish unless the one printing chooses
        English (issue 18).
        """
        from desktop.reports.callin import render_invitation_letters

        require(self._store.identity, Action.PRINT)
        require(self._store.identity, Action.CALLIN_READ)
        used = (tpl.CONFIDENTIALITY, tpl.LETTER, tpl.LETTER_CONTACT)

        def gather(
            session: Session, serial: str, texts: dict[str, TemplateRow], when: dt.datetime
        ) -> Gathered:
            meta = make_meta(
                session, self._store, serial, texts, used, when, with_copy=False, lang=lang
            )
            data, ids = invitation_letters(session, call_in_id, meta, texts, person_ids, lang)
            return data, [call_in_id], f"letters={len(ids)}"

        return self._print(
            PrintKind.LETTERS,
            "Skriv ut inbjudningsbrev",
            used,
            gather,
            render_invitation_letters,
            out,
            now,
        )

    # -- what happened to the paper --------------------------------------------------
    def record_output(self, serial: str, how: str) -> Changes:
        """Log that a finished print went to a printer (``"printer"``) or a file (``"save"``)."""
        require(self._store.identity, Action.PRINT)
        action = OUTPUT_ACTIONS[how]
        with UnitOfWork(self._store, "Skriv ut" if how == "printer" else "Spara utskrift") as uow:
            record = uow.session.query(PrintRecord).filter_by(serial=serial).one_or_none()
            if record is None:
                raise NotFound("print.not_in_log")
            uow.audit(action, "print_record", [record.id], detail=f"serial={serial}")
        return uow.changes

    # -- shared ----------------------------------------------------------------------
    def _print(
        self,
        kind: str,
        description: str,
        used: tuple[str, ...],
        gather: Callable[[Session, str, dict[str, TemplateRow], dt.datetime], Gathered],
        render: Callable[[Any, Output], None],
        out: Output,
        now: dt.datetime | None,
    ) -> PrintResult:
        when = now or _now()
        with UnitOfWork(self._store, description) as uow:
            numbered = number_print(uow, kind, used, when)
            data, object_ids, extra = gather(uow.session, numbered.serial, numbered.texts, when)
            numbered.log(object_ids, extra)
            record_id, serial = numbered.record.id, numbered.serial
        render(data, out)
        path = Path(out) if isinstance(out, str | Path) else None
        return PrintResult(serial, record_id, path, len(object_ids), uow.changes)
