"""Group sanction periods (ökat fokus): trigger, start, end, measures, reason for ending."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select

from desktop.messages import Language, words
from desktop.models import Group, SanctionPeriod
from desktop.services.changes import Changes
from desktop.services.engagement.rows import SanctionInput, SanctionPeriodRow
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

MAX_TEXT = 4000


def validate_sanction(data: SanctionInput) -> None:
    if not data.trigger_event.strip():
        raise ValidationError("sanction.trigger_missing", field="trigger_event")
    if data.end_date is not None and data.end_date < data.start_date:
        raise ValidationError("period.end_before_start", field="end_date")
    if data.end_date is not None and not data.end_reason.strip():
        raise ValidationError("sanction.end_reason_missing", field="end_reason")
    if max(len(data.trigger_event), len(data.measures), len(data.end_reason)) > MAX_TEXT:
        raise ValidationError("text.too_long", field="measures", limit=MAX_TEXT)


def message_text(period: SanctionPeriodRow, lang: Language = "sv") -> str:
    """A sentence for the follow-up message (uppföljande budskap) about the period, in
    ``lang`` (words in ``desktop.messages.engagement``; what was typed stays as typed)."""
    code = "sanction.message"
    params: dict[str, object] = {
        "trigger": period.trigger_event.strip().rstrip("."),
        "group": period.group_name,
        "start": period.start_date,
    }
    if period.measures.strip():
        code += "_measures"
        params["measures"] = period.measures.strip().rstrip(".")
    if period.end_date is not None:
        code += "_ended"
        params["end"] = period.end_date
    return words(code, params, lang)


def _row(p: SanctionPeriod, group_name: str) -> SanctionPeriodRow:
    return SanctionPeriodRow(
        p.id,
        p.version,
        p.group_id,
        group_name,
        p.trigger_event,
        p.start_date,
        p.end_date,
        p.measures,
        p.end_reason or "",
    )


class SanctionService:
    """Sanction periods of groups."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def periods(self, group_id: int) -> list[SanctionPeriodRow]:
        """A group's periods, newest first."""
        require(self.store.identity, Action.GROUP_READ)
        return self._select(SanctionPeriod.group_id == group_id)

    def active(self, today: dt.date | None = None) -> list[SanctionPeriodRow]:
        """Periods running on ``today`` across all groups."""
        require(self.store.identity, Action.GROUP_READ)
        today = today or dt.date.today()
        return self._select(
            SanctionPeriod.start_date <= today,
            or_(SanctionPeriod.end_date.is_(None), SanctionPeriod.end_date >= today),
        )

    def _select(self, *where) -> list[SanctionPeriodRow]:  # type: ignore[no-untyped-def]
        with self.store.read_session() as session:
            return [
                _row(p, name)
                for p, name in session.execute(
                    select(SanctionPeriod, Group.name)
                    .join(Group, Group.id == SanctionPeriod.group_id)
                    .where(*where)
                    .order_by(SanctionPeriod.start_date.desc(), SanctionPeriod.id.desc())
                )
            ]

    def message(self, group_id: int, today: dt.date | None = None, lang: Language = "sv") -> str:
        """Text about the group's running period for the follow-up message in ``lang``,
        or ""."""
        running = [p for p in self.periods(group_id) if p.active_on(today or dt.date.today())]
        return message_text(running[0], lang) if running else ""

    def create(self, group_id: int, data: SanctionInput) -> tuple[int, Changes]:
        require(self.store.identity, Action.GROUP_EDIT)
        validate_sanction(data)
        with UnitOfWork(self.store, "Ny sanktionsperiod") as uow:
            if uow.session.get(Group, group_id) is None:
                raise NotFound("group.gone")
            period = SanctionPeriod(group_id=group_id, trigger_event="", start_date=data.start_date)
            _apply(period, data)
            uow.session.add(period)
            uow.session.flush()
            uow.audit("sanction.create", "sanction_period", [period.id])
            uow.touched("sanction_period", period.id)
            uow.touched("group", group_id)
            new_id = period.id
        return new_id, uow.changes

    def update(self, period_id: int, version: int, data: SanctionInput) -> Changes:
        require(self.store.identity, Action.GROUP_EDIT)
        validate_sanction(data)
        with UnitOfWork(self.store, "Redigera sanktionsperiod") as uow:
            period = self._get(uow, period_id, version)
            _apply(period, data)
            uow.audit("sanction.update", "sanction_period", [period_id])
            uow.touched("sanction_period", period_id)
            uow.touched("group", period.group_id)
        return uow.changes

    def end(self, period_id: int, version: int, end: dt.date, reason: str) -> Changes:
        """End a running period with the reason (e.g. "lugnt i tre månader")."""
        require(self.store.identity, Action.GROUP_EDIT)
        with UnitOfWork(self.store, "Avsluta sanktionsperiod") as uow:
            period = self._get(uow, period_id, version)
            data = SanctionInput(
                period.trigger_event, period.start_date, end, period.measures, reason
            )
            validate_sanction(data)
            _apply(period, data)
            uow.audit("sanction.end", "sanction_period", [period_id])
            uow.touched("sanction_period", period_id)
            uow.touched("group", period.group_id)
        return uow.changes

    def delete(self, period_id: int, version: int) -> Changes:
        require(self.store.identity, Action.GROUP_EDIT)
        with UnitOfWork(self.store, "Ta bort sanktionsperiod") as uow:
            period = self._get(uow, period_id, version)
            group_id = period.group_id
            uow.session.delete(period)
            uow.audit("sanction.delete", "sanction_period", [period_id])
            uow.touched("sanction_period", period_id)
            uow.touched("group", group_id)
        return uow.changes

    @staticmethod
    def _get(uow: UnitOfWork, period_id: int, version: int) -> SanctionPeriod:
        period = uow.session.get(SanctionPeriod, period_id)
        if period is None:
            raise NotFound("sanction.gone")
        if period.version != version:
            raise ConflictError()
        return period


def _apply(period: SanctionPeriod, data: SanctionInput) -> None:
    period.trigger_event = data.trigger_event.strip()
    period.start_date = data.start_date
    period.end_date = data.end_date
    period.measures = data.measures.strip()
    period.end_reason = data.end_reason.strip() or None if data.end_date else None
