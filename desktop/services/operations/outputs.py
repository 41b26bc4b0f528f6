"""A team's schedule on paper (landscape A4, numbered) and as iCalendar (an export).

Both leave the application, so both are logged: the print gets a serial from the
print log that is printed on every page; the iCalendar file is an export and asks
for the password again like every export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.messages import Language, words
from desktop.models import Operation, Person, Team, Visit, VisitStatus
from desktop.reports.canvas import Output
from desktop.reports.data_sheets import OperationScheduleData, ScheduleEntry
from desktop.services.briefing import templates as tpl
from desktop.services.briefing.builder import make_meta, team_member_names
from desktop.services.briefing.numbering import number_print
from desktop.services.changes import Changes
from desktop.services.errors import NotFound, ValidationError
from desktop.services.operations.queries import UNKNOWN_AREA, person_label
from desktop.services.permissions import Action, require
from desktop.services.planning.icalendar import ExportVisit, team_calendar
from desktop.services.protected import PROTECTED_AREA
from desktop.services.security.reauth import Reauthentication
from desktop.services.uow import UnitOfWork
from desktop.services.visit_address import VisitKey, visit_places
from desktop.services.vocabulary import VISIT_STATUS_WORDS
from desktop.store.interface import Store

PRINT_KIND = "team_schedule"
#: The schedule's status column: the one vocabulary (issue 17), blank for a planned visit.
STATUS_WORDS = {
    status: "" if status is VisitStatus.PLANNED else VISIT_STATUS_WORDS[status].lower()
    for status in VisitStatus
}


@dataclass(frozen=True)
class PrintedSchedule:
    serial: str
    visits: int
    changes: Changes


@dataclass(frozen=True)
class CalendarExport:
    text: str
    visits: int
    changes: Changes


@dataclass(frozen=True)
class _TeamVisit:
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: VisitStatus
    version: int
    first_name: str
    last_name: str
    protected_identity: bool
    area: str | None
    address_changed: bool
    team_id: int


def _area(visit: _TeamVisit, lang: Language) -> str:
    """The visit's district, or what is said instead (protected, unknown), in ``lang``."""
    if lang == "sv":
        return PROTECTED_AREA if visit.protected_identity else (visit.area or UNKNOWN_AREA)
    if visit.protected_identity:
        return words("paper.protected_area", {}, lang)
    return visit.area or words("paper.unknown_area", {}, lang)


def _status(status: VisitStatus, lang: Language) -> str:
    """The status column: blank for a planned visit, the one vocabulary's word otherwise."""
    if lang == "sv" or status is VisitStatus.PLANNED:
        return STATUS_WORDS[status]
    return words(f"term.visit.{status}", {}, lang).lower()


def _bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    begin = dt.datetime.combine(first, dt.time())
    return begin, dt.datetime.combine(last + dt.timedelta(days=1), dt.time())


def _team_visits(
    session: Session, team_ids: list[int], first: dt.date, last: dt.date
) -> list[_TeamVisit]:
    begin, end = _bounds(first, last)
    rows = session.execute(
        select(
            Visit.id,
            Visit.starts_at,
            Visit.ends_at,
            Visit.status,
            Visit.version,
            Person.first_name,
            Person.last_name,
            Person.protected_identity,
            Visit.person_id,
            Visit.address_id,
            Visit.team_id,
        )
        .join(Person, Person.id == Visit.person_id)
        .where(Visit.team_id.in_(team_ids), Visit.starts_at >= begin, Visit.starts_at < end)
        .order_by(Visit.starts_at)
    ).all()
    # The district valid at each visit's time, never the copy planning stored (issue 17).
    places = visit_places(session, (VisitKey(r[0], r[8], r[1], r[9]) for r in rows))
    found = []
    for r in rows:
        where = places[r[0]]
        area = where.address.area if where.address is not None else None
        found.append(_TeamVisit(*r[:8], area, where.changed and not r[7], r[10]))
    return found


def _teams_to_print(
    session: Session,
    team_id: int | None,
    operation_id: int | None,
    first: dt.date,
    last: dt.date,
) -> list[Team]:
    """One team, or every team of the operation, or every team with a visit in the range."""
    if team_id is not None:
        team = session.get(Team, team_id)
        if team is None:
            raise NotFound("team.gone")
        if operation_id is not None and team.operation_id != operation_id:
            raise NotFound("team.not_in_operation")
        return [team]
    if operation_id is not None:
        if session.get(Operation, operation_id) is None:
            raise NotFound("operation.gone")
        query = select(Team).where(Team.operation_id == operation_id)
    else:
        begin, end = _bounds(first, last)
        busy = select(Visit.team_id).where(Visit.starts_at >= begin, Visit.starts_at < end)
        query = select(Team).where(Team.id.in_(busy))
    teams = list(session.scalars(query.order_by(Team.operation_id, Team.id)))
    if not teams:
        raise ValidationError("schedule.no_teams", field="team")
    return teams


class ScheduleOutputs:
    """Print a team's day or week; export a team's visits as iCalendar."""

    def __init__(self, store: Store, reauth: Reauthentication | None = None) -> None:
        self.store = store
        self._reauth = reauth

    def print_team_schedule(
        self,
        team_id: int | None,
        first: dt.date,
        last: dt.date,
        out: Output,
        *,
        operation_id: int | None = None,
        lang: Language = "sv",
    ) -> PrintedSchedule:
        """Render visits from ``first`` to ``last`` as landscape week tables, the
        schedule's words in ``lang`` (the printing user's language).

        ``team_id`` None prints every team in one document: the teams of
        ``operation_id``, or (without one) every team with a visit in the range. Each
        team's row names its members.
        """
        from desktop.reports.schedule import render_operation_schedule

        identity = self.store.identity
        require(identity, Action.PRINT)
        require(identity, Action.OPERATION_READ)
        now = dt.datetime.now().replace(microsecond=0)
        with UnitOfWork(self.store, "Skriv ut teamets schema") as uow:
            session = uow.session
            teams = _teams_to_print(session, team_id, operation_id, first, last)
            operations = {
                o.id: o.name
                for o in session.scalars(
                    select(Operation).where(Operation.id.in_({t.operation_id for t in teams}))
                )
            }
            # Team names repeat across operations ("Team 1"): name the operation too
            # when the teams come from more than one.
            several = len({t.operation_id for t in teams}) > 1
            labels = {
                t.id: f"{t.name} – {operations[t.operation_id]}"
                if several and t.operation_id in operations
                else t.name
                for t in teams
            }
            members = team_member_names(session, [t.id for t in teams], lang)
            rows = _team_visits(session, [t.id for t in teams], first, last)
            # Same numbering, template versions and audit entry as every other print.
            used = (tpl.CONFIDENTIALITY,)
            numbered = number_print(uow, PRINT_KIND, used, now)
            serial = numbered.serial
            meta = make_meta(
                session, self.store, serial, numbered.texts, used, now, with_copy=False, lang=lang
            )
            scope = f"team={team_id}" if team_id is not None else f"team=all;teams={len(teams)}"
            if operation_id is not None:
                scope += f";operation={operation_id}"
            numbered.log([r.id for r in rows], f"{scope};from={first};to={last}")
            only = teams[0]
            all_teams = words("paper.all_teams", {}, lang)
            if several:
                name = all_teams
            elif team_id is None:
                name = f"{all_teams} – {operations.get(only.operation_id or -1, '')}".rstrip(" –")
            elif only.operation_id in operations:
                name = f"{only.name} – {operations[only.operation_id]}"
            else:
                name = only.name
        data = OperationScheduleData(
            meta=meta,
            operation_name=name,
            period_start=first,
            period_end=last,
            teams=tuple(labels[t.id] for t in teams),
            entries=tuple(
                ScheduleEntry(
                    starts_at=r.starts_at,
                    ends_at=r.ends_at,
                    team=labels[r.team_id],
                    person=person_label(r.first_name, r.last_name),
                    area=_area(r, lang),
                    status=_status(r.status, lang),
                    address_changed=r.address_changed,
                )
                for r in rows
            ),
            team_members=tuple(members[t.id] for t in teams),
            lang=lang,
        )
        render_operation_schedule(data, out)
        return PrintedSchedule(serial, len(rows), uow.changes)

    def team_icalendar(self, team_id: int, first: dt.date, last: dt.date) -> CalendarExport:
        """The team's visits as iCalendar text: no names, no address for protected identity."""
        identity = self.store.identity
        require(identity, Action.EXPORT)
        if self._reauth is not None:
            self._reauth.require_fresh(Action.EXPORT)
        with UnitOfWork(self.store, "Exportera teamets kalender") as uow:
            session = uow.session
            team = session.get(Team, team_id)
            if team is None:
                raise NotFound("team.gone")
            operation = session.get(Operation, team.operation_id) if team.operation_id else None
            rows = _team_visits(session, [team_id], first, last)
            uow.audit(
                "export",
                "visit",
                [r.id for r in rows],
                detail=f"format=ics;team={team_id};visits={len(rows)}",
            )
            title = f"{team.name} – {operation.name}" if operation else team.name
        visits = [
            ExportVisit(
                visit_id=r.id,
                start=r.starts_at,
                end=r.ends_at,
                area=r.area or "",
                # The district only: a calendar file travels to phones and mail (issue 17).
                location=None,
                protected_identity=r.protected_identity,
                cancelled=r.status is VisitStatus.CANCELLED,
                sequence=max(0, r.version - 1),
            )
            for r in rows
            if r.status is not VisitStatus.PROPOSED
        ]
        return CalendarExport(team_calendar(visits, calendar_name=title), len(visits), uow.changes)
