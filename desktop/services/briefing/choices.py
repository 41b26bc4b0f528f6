"""What the briefing dialog offers: operations, their teams and the days with visits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.models import Operation, Team, Visit, VisitStatus
from desktop.services.permissions import Action, require
from desktop.store.interface import Store


@dataclass(frozen=True)
class TeamChoice:
    id: int
    name: str
    days: tuple[dt.date, ...]


@dataclass(frozen=True)
class OperationChoice:
    id: int
    name: str
    start_date: dt.date
    end_date: dt.date
    teams: tuple[TeamChoice, ...]


class BriefingChoices:
    """Read-only lists for choosing a packet."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def operations(self) -> list[OperationChoice]:
        """Operations newest first, each with its teams and the days they have visits."""
        require(self._store.identity, Action.OPERATION_READ)
        with self._store.read_session() as session:
            days: dict[int, set[dt.date]] = {}
            for team_id, day in session.execute(
                select(Visit.team_id, func.date(Visit.starts_at))
                .where(Visit.team_id.is_not(None), Visit.status != VisitStatus.CANCELLED)
                .distinct()
            ):
                days.setdefault(team_id, set()).add(dt.date.fromisoformat(str(day)))
            teams: dict[int, list[TeamChoice]] = {}
            for team in session.scalars(select(Team).order_by(Team.id)):
                if team.operation_id is not None:
                    teams.setdefault(team.operation_id, []).append(
                        TeamChoice(team.id, team.name, tuple(sorted(days.get(team.id, ()))))
                    )
            return [
                OperationChoice(o.id, o.name, o.start_date, o.end_date, tuple(teams.get(o.id, ())))
                for o in session.scalars(
                    select(Operation).order_by(Operation.start_date.desc(), Operation.id.desc())
                )
            ]
