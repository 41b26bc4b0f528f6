"""Follow-up tasks (uppföljning): open, overdue and due this week, per user and team."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, func, select

from desktop.models import Person, StaffMember, Task, TaskStatus, Team, TeamMember, User, utcnow
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.operations.queries import person_label
from desktop.services.operations.rows import TaskCounts, TaskRow, TaskScope
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store


def week_end(today: dt.date) -> dt.date:
    """The Sunday of ``today``'s ISO week."""
    return today + dt.timedelta(days=6 - today.weekday())


class FollowUpService:
    """Follow-up tasks for the unlocked user."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _scoped(self, query: Select, scope: TaskScope, team_id: int | None) -> Select:  # type: ignore[type-arg]
        identity = self.store.identity
        scope = TaskScope(scope)
        if scope is TaskScope.MINE:
            query = query.where(Task.owner_user_id == identity.user_id)
        elif scope is TaskScope.TEAM:
            # The teams the user's staff record belongs to.
            mine = (
                select(TeamMember.team_id)
                .join(StaffMember, StaffMember.id == TeamMember.staff_id)
                .where(StaffMember.user_id == identity.user_id)
            )
            query = query.where(Task.team_id.in_(mine))
        if team_id is not None:
            query = query.where(Task.team_id == team_id)
        return query

    def tasks(
        self,
        scope: TaskScope = TaskScope.ALL,
        *,
        team_id: int | None = None,
        owner_id: int | None = None,
        include_done: bool = False,
    ) -> list[TaskRow]:
        """Tasks in due-date order; open ones only unless ``include_done``."""
        require(self.store.identity, Action.TASK_READ)
        query: Select[*tuple[Any, ...]] = (
            select(
                Task.id,
                Task.version,
                Task.title,
                Task.due_date,
                Task.status,
                Task.owner_user_id,
                User.display_name,
                Task.team_id,
                Team.name.label("team"),
                Task.person_id,
                Person.first_name,
                Person.last_name,
                Task.visit_id,
            )
            .outerjoin(User, User.id == Task.owner_user_id)
            .outerjoin(Team, Team.id == Task.team_id)
            .outerjoin(Person, Person.id == Task.person_id)
            .order_by(Task.due_date, Task.id)
        )
        query = self._scoped(query, scope, team_id)
        if owner_id is not None:
            query = query.where(Task.owner_user_id == owner_id)
        if not include_done:
            query = query.where(Task.status == TaskStatus.OPEN)
        with UnitOfWork(self.store, "Visa uppföljningar") as uow:
            rows = uow.session.execute(query).all()
            # A list that shows names is one audited read of the persons shown (issue 17).
            shown = sorted({r.person_id for r in rows if r.person_id is not None})
            if shown:
                uow.audit("task.list", "person", shown, detail=f"tasks={len(rows)}")
        return [
            TaskRow(
                r.id,
                r.version,
                r.title,
                r.due_date,
                r.status,
                r.owner_user_id,
                r.display_name or "",
                r.team_id,
                r.team or "",
                r.person_id,
                person_label(r.first_name, r.last_name) if r.person_id else "",
                r.visit_id,
            )
            for r in rows
        ]

    def counts(self, scope: TaskScope = TaskScope.ALL, today: dt.date | None = None) -> TaskCounts:
        """Open tasks, of which overdue and due by Sunday this week."""
        require(self.store.identity, Action.TASK_READ)
        today = today or dt.date.today()
        base = self._scoped(
            select(Task.due_date).where(Task.status == TaskStatus.OPEN), scope, None
        ).subquery()
        with self.store.read_session() as session:
            total = session.scalar(select(func.count()).select_from(base)) or 0
            overdue = (
                session.scalar(
                    select(func.count()).select_from(base).where(base.c.due_date < today)
                )
                or 0
            )
            week = (
                session.scalar(
                    select(func.count())
                    .select_from(base)
                    .where(base.c.due_date >= today, base.c.due_date <= week_end(today))
                )
                or 0
            )
        return TaskCounts(int(total), int(overdue), int(week))

    def create_task(
        self,
        title: str,
        due_date: dt.date,
        *,
        owner_id: int | None = None,
        team_id: int | None = None,
        person_id: int | None = None,
    ) -> tuple[int, Changes]:
        require(self.store.identity, Action.TASK_EDIT)
        if not title.strip():
            raise ValidationError("followup.title_missing", field="title")
        with UnitOfWork(self.store, "Skapa uppföljning") as uow:
            task = Task(
                title=title.strip()[:200],
                due_date=due_date,
                owner_user_id=owner_id or self.store.identity.user_id,
                team_id=team_id,
                person_id=person_id,
            )
            uow.session.add(task)
            uow.session.flush()
            uow.audit("task.create", "task", [task.id])
            uow.touched("task", task.id)
            new_id = task.id
        return new_id, uow.changes

    def set_status(self, task_id: int, version: int, status: TaskStatus) -> Changes:
        """Mark a task done (or open again, or cancelled)."""
        require(self.store.identity, Action.TASK_EDIT)
        with UnitOfWork(self.store, "Markera uppföljning") as uow:
            task = uow.session.get(Task, task_id)
            if task is None:
                raise NotFound("followup.gone")
            if task.version != version:
                raise ConflictError()
            task.status = status
            task.done_at = utcnow() if status is TaskStatus.DONE else None
            uow.audit("task.status", "task", [task_id], detail=status.value)
            uow.touched("task", task_id)
        return uow.changes

    def mark_done(self, task_id: int, version: int) -> Changes:
        return self.set_status(task_id, version, TaskStatus.DONE)

    def team_choices(self) -> list[tuple[int, str]]:
        require(self.store.identity, Action.TASK_READ)
        with self.store.read_session() as session:
            found = session.execute(
                select(Team.id, Team.name)
                .where(Team.id.in_(select(Task.team_id)))
                .order_by(Team.name)
            ).all()
        return list(found)
