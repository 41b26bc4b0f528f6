"""Call-ins (stormöten): date, venue, speakers, rehearsal checklist and invitations."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from desktop.models import (
    CallIn,
    CallInSpeaker,
    Delivery,
    Group,
    Invitation,
    InvitationStatus,
    Membership,
    Person,
    PersonStatus,
)
from desktop.services.changes import Changes
from desktop.services.engagement.rows import (
    CallInDetail,
    CallInInput,
    CallInRow,
    ChecklistItem,
    Choice,
    InvitationRow,
    SpeakerRow,
)
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

MAX_TEXT = 4000
MAX_LINE = 200
#: A new call-in starts with the rehearsal steps every programme goes through.
DEFAULT_CHECKLIST = (
    "Lokal bokad",
    "Talare bekräftade",
    "Repetition genomförd",
    "Kallelser skickade",
    "Tolkar bokade",
    "Transport ordnad",
    "Stödpersoner på plats",
)


def validate_callin(data: CallInInput) -> None:
    if not data.title.strip():
        raise ValidationError("callin.title_missing", field="title")
    if not data.venue.strip():
        raise ValidationError("callin.venue_missing", field="venue")
    if max(len(data.title), len(data.venue)) > MAX_LINE:
        raise ValidationError("callin.line_too_long", field="title", limit=MAX_LINE)
    if len(data.description) > MAX_TEXT:
        raise ValidationError("callin.description_too_long", field="description", limit=MAX_TEXT)
    for speaker in data.speakers:
        if not speaker.name.strip():
            raise ValidationError("callin.speaker_unnamed", field="speakers")
    for item in data.checklist:
        if not item.item.strip():
            raise ValidationError("callin.checklist_item_empty", field="checklist")


def _apply(callin: CallIn, data: CallInInput) -> None:
    callin.title = data.title.strip()
    callin.starts_at = data.starts_at
    callin.venue = data.venue.strip()
    callin.description = data.description.strip()
    callin.status = data.status
    callin.checklist = [{"item": c.item.strip(), "done": c.done} for c in data.checklist]
    callin.speakers.clear()
    for position, s in enumerate(data.speakers):
        callin.speakers.append(
            CallInSpeaker(
                name=s.name.strip()[:MAX_LINE],
                organisation=s.organisation.strip()[:MAX_LINE] or None,
                part=s.part.strip()[:MAX_TEXT],
                position=position,
            )
        )


def _label(first: str, last: str) -> str:
    return f"{first} {last}".strip()


def group_names(session: Session, person_ids: Iterable[int], today: dt.date) -> dict[int, str]:
    """Person id to the names of his current groups, comma separated."""
    ids = sorted(set(person_ids))
    found: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        for pid, name in session.execute(
            select(Membership.person_id, Group.name)
            .join(Group, Group.id == Membership.group_id)
            .where(
                Membership.person_id.in_(ids[start : start + 500]),
                or_(Membership.until.is_(None), Membership.until >= today),
            )
            .order_by(Group.name)
        ):
            found[pid].append(name)
    return {pid: ", ".join(names) for pid, names in found.items()}


def invitation_rows(session: Session, call_in_id: int, today: dt.date) -> list[InvitationRow]:
    rows = session.execute(
        select(Invitation, Person.first_name, Person.last_name)
        .join(Person, Person.id == Invitation.person_id)
        .where(Invitation.call_in_id == call_in_id)
        .order_by(Person.last_name, Person.first_name)
    ).all()
    ids = [inv.id for inv, _, _ in rows]
    delivered = set(
        session.scalars(select(Delivery.invitation_id).where(Delivery.invitation_id.in_(ids)))
    )
    groups = group_names(session, [inv.person_id for inv, _, _ in rows], today)
    return [
        InvitationRow(
            inv.id,
            inv.version,
            inv.person_id,
            _label(first, last),
            groups.get(inv.person_id, ""),
            inv.mandated_by or "",
            inv.status,
            inv.accompanied_by or "",
            inv.letter_printed_at,
            inv.id in delivered,
        )
        for inv, first, last in rows
    ]


class CallInService:
    """Plan call-ins and their invitations."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def call_ins(self) -> list[CallInRow]:
        """Every call-in, newest first, with invited, attended and no-show counts."""
        require(self.store.identity, Action.CALLIN_READ)
        came = (InvitationStatus.ATTENDED, InvitationStatus.LEFT_EARLY)
        query = (
            select(
                CallIn.id,
                CallIn.title,
                CallIn.starts_at,
                CallIn.venue,
                CallIn.status,
                func.count(Invitation.id),
                func.sum(case((Invitation.status.in_(came), 1), else_=0)),
                func.sum(case((Invitation.status == InvitationStatus.NO_SHOW, 1), else_=0)),
            )
            .outerjoin(Invitation, Invitation.call_in_id == CallIn.id)
            .group_by(CallIn.id)
            .order_by(CallIn.starts_at.desc())
        )
        with self.store.read_session() as session:
            return [
                CallInRow(i, t, s, v, st, int(n), int(a or 0), int(ns or 0))
                for i, t, s, v, st, n, a, ns in session.execute(query)
            ]

    def detail(self, call_in_id: int) -> CallInDetail:
        """A call-in with speakers, checklist and invitations (an audited read)."""
        require(self.store.identity, Action.CALLIN_READ)
        with UnitOfWork(self.store, "Visa stormöte") as uow:
            callin = uow.session.get(CallIn, call_in_id)
            if callin is None:
                raise NotFound("callin.gone")
            invitations = invitation_rows(uow.session, call_in_id, dt.date.today())
            detail = CallInDetail(
                callin.id,
                callin.version,
                callin.title,
                callin.starts_at,
                callin.venue,
                callin.description,
                callin.status,
                tuple(
                    SpeakerRow(s.id, s.name, s.organisation or "", s.part, s.position)
                    for s in callin.speakers
                ),
                tuple(
                    ChecklistItem(str(c.get("item", "")), bool(c.get("done", False)))
                    for c in callin.checklist or []
                ),
                tuple(invitations),
            )
            uow.audit(
                "callin.read", "call_in", [call_in_id], detail=f"invitations={len(invitations)}"
            )
        return detail

    def create(self, data: CallInInput) -> tuple[int, Changes]:
        """A new call-in; an empty checklist gets the default rehearsal steps."""
        require(self.store.identity, Action.CALLIN_EDIT)
        validate_callin(data)
        if not data.checklist:
            data = CallInInput(
                data.title,
                data.starts_at,
                data.venue,
                data.description,
                data.status,
                data.speakers,
                tuple(ChecklistItem(item) for item in DEFAULT_CHECKLIST),
            )
        with UnitOfWork(self.store, "Nytt stormöte") as uow:
            callin = CallIn(title="", starts_at=data.starts_at, venue="")
            uow.session.add(callin)
            _apply(callin, data)
            uow.session.flush()
            uow.audit("callin.create", "call_in", [callin.id])
            uow.touched("call_in", callin.id)
            new_id = callin.id
        return new_id, uow.changes

    def update(self, call_in_id: int, version: int, data: CallInInput) -> Changes:
        require(self.store.identity, Action.CALLIN_EDIT)
        validate_callin(data)
        with UnitOfWork(self.store, "Redigera stormöte") as uow:
            callin = self._get(uow, call_in_id, version)
            _apply(callin, data)
            uow.audit("callin.update", "call_in", [call_in_id])
            uow.touched("call_in", call_in_id)
        return uow.changes

    def set_checklist_item(self, call_in_id: int, version: int, index: int, done: bool) -> Changes:
        """Tick (or untick) one rehearsal step."""
        require(self.store.identity, Action.CALLIN_EDIT)
        with UnitOfWork(self.store, "Bocka av i checklistan") as uow:
            callin = self._get(uow, call_in_id, version)
            items = [dict(c) for c in callin.checklist or []]
            if not 0 <= index < len(items):
                raise NotFound("callin.checklist_item_gone")
            items[index]["done"] = done
            callin.checklist = items
            uow.audit("callin.checklist", "call_in", [call_in_id], detail=f"{index}={int(done)}")
            uow.touched("call_in", call_in_id)
        return uow.changes

    def invite(
        self,
        call_in_id: int,
        *,
        person_ids: Iterable[int] = (),
        group_ids: Iterable[int] = (),
        mandated_by: str = "",
        today: dt.date | None = None,
    ) -> tuple[int, Changes]:
        """Invite persons and the current, active members of groups; returns how many new."""
        require(self.store.identity, Action.CALLIN_EDIT)
        today = today or dt.date.today()
        with UnitOfWork(self.store, "Bjud in till stormöte") as uow:
            session = uow.session
            if session.get(CallIn, call_in_id) is None:
                raise NotFound("callin.gone")
            wanted = set(person_ids)
            groups = sorted(set(group_ids))
            if groups:
                wanted |= set(
                    session.scalars(
                        select(Membership.person_id)
                        .join(Person, Person.id == Membership.person_id)
                        .where(
                            Membership.group_id.in_(groups),
                            or_(Membership.until.is_(None), Membership.until >= today),
                            Person.status == PersonStatus.ACTIVE,
                            Person.merged_into_id.is_(None),
                        )
                    )
                )
            already = set(
                session.scalars(
                    select(Invitation.person_id).where(Invitation.call_in_id == call_in_id)
                )
            )
            added = []
            for pid in sorted(wanted - already):
                invitation = Invitation(
                    call_in_id=call_in_id, person_id=pid, mandated_by=mandated_by.strip() or None
                )
                session.add(invitation)
                added.append(invitation)
            session.flush()
            if added:
                ids = [i.id for i in added]
                uow.audit("invitation.create", "invitation", ids, detail=f"call_in={call_in_id}")
                uow.touched("invitation", *ids)
                uow.touched("call_in", call_in_id)
        return len(added), uow.changes

    def update_invitation(self, invitation_id: int, version: int, mandated_by: str) -> Changes:
        """Change who mandated attendance (e.g. the probation officer)."""
        require(self.store.identity, Action.CALLIN_EDIT)
        with UnitOfWork(self.store, "Ändra inbjudan") as uow:
            invitation = uow.session.get(Invitation, invitation_id)
            if invitation is None:
                raise NotFound("invitation.gone")
            if invitation.version != version:
                raise ConflictError()
            invitation.mandated_by = mandated_by.strip()[:MAX_LINE] or None
            uow.audit("invitation.update", "invitation", [invitation_id])
            uow.touched("invitation", invitation_id)
            uow.touched("call_in", invitation.call_in_id)
        return uow.changes

    def remove_invitation(self, invitation_id: int) -> Changes:
        require(self.store.identity, Action.CALLIN_EDIT)
        with UnitOfWork(self.store, "Ta bort inbjudan") as uow:
            invitation = uow.session.get(Invitation, invitation_id)
            if invitation is None:
                raise NotFound("invitation.gone")
            if invitation.status is not InvitationStatus.INVITED:
                raise ValidationError("attendance.already_recorded", field="invitation")
            call_in_id = invitation.call_in_id
            uow.session.delete(invitation)
            uow.audit("invitation.delete", "invitation", [invitation_id])
            uow.touched("invitation", invitation_id)
            uow.touched("call_in", call_in_id)
        return uow.changes

    def group_choices(self) -> list[Choice]:
        require(self.store.identity, Action.GROUP_READ)
        with self.store.read_session() as session:
            return [
                Choice(i, n)
                for i, n in session.execute(
                    select(Group.id, Group.name).where(Group.active).order_by(Group.name)
                )
            ]

    @staticmethod
    def _get(uow: UnitOfWork, call_in_id: int, version: int) -> CallIn:
        callin = uow.session.get(CallIn, call_in_id)
        if callin is None:
            raise NotFound("callin.gone")
        if callin.version != version:
            raise ConflictError()
        return callin
