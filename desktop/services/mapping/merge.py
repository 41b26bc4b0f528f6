"""Merge two records of the same person, keeping every history row."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.models import (
    Address,
    Delivery,
    Invitation,
    Membership,
    Note,
    OperationTarget,
    Person,
    Referral,
    Relative,
    Task,
    Visit,
)
from desktop.models.base import Versioned
from desktop.services.changes import Changes
from desktop.services.errors import ConflictError, NotFound, ValidationError
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store
from desktop.store.sql import sql_of

# Every table that points at a person, and the column that does.
_PLAIN_REFERENCES: tuple[tuple[Any, Any], ...] = (
    (Address, Address.person_id),
    (Relative, Relative.person_id),
    (Relative, Relative.linked_person_id),
    (Membership, Membership.person_id),
    (Visit, Visit.person_id),
    (Delivery, Delivery.person_id),
    (Referral, Referral.person_id),
    (Task, Task.person_id),
    (Note, Note.person_id),
    # Not a person's part in an incident (issue 20): a victim's link is sealed where this
    # user may hold no key, and a server's row policy hides it. Links stay on the
    # merged-away record and every reader resolves merged_into_id (incidents/sealed_links).
    (Person, Person.merged_into_id),
)
# Tables with a unique (parent, person) pair: a row whose parent the kept person already
# has stays with the merged-away record (still reachable through merged_into_id).
_UNIQUE_REFERENCES: tuple[tuple[Any, Any, Any], ...] = (
    (Invitation, Invitation.person_id, Invitation.call_in_id),
    (OperationTarget, OperationTarget.person_id, OperationTarget.operation_id),
)
# Fields copied to the kept person when it has none.
_FILL = ("identity_number", "identity_kind", "birth_date", "language", "phone", "source")


def merge_persons(
    store: Store, keep_id: int, drop_id: int, keep_version: int, drop_version: int
) -> Changes:
    """Move everything of ``drop_id`` onto ``keep_id``; ``drop_id`` remains as a pointer.

    ``keep_version`` and ``drop_version`` are the versions the user saw when choosing.

    Raises:
        ValidationError: Both ids are the same.
        NotFound: Either person is missing or already merged.
        ConflictError: Either person changed since the user saw it.
    """
    require(store.identity, Action.PERSON_MERGE)
    if keep_id == drop_id:
        raise ValidationError("merge.same_person", field="drop_id")
    with UnitOfWork(store, "Slå ihop personer") as uow:
        session = uow.session
        keep, drop = _live(session, keep_id), _live(session, drop_id)
        if keep.version != keep_version or drop.version != drop_version:
            raise ConflictError()
        _absorb_fields(keep, drop)
        drop.merged_into_id = keep_id
        session.flush()
        moved = _repoint(session, keep_id, drop_id)
        uow.audit(Action.PERSON_MERGE.value, "person", [keep_id, drop_id], detail=f"moved={moved}")
        uow.touched("person", keep_id, drop_id)
    return uow.changes


def _live(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound("merge.person_gone")
    return person


def _absorb_fields(keep: Person, drop: Person) -> None:
    for name in _FILL:
        if getattr(keep, name) is None and getattr(drop, name) is not None:
            setattr(keep, name, getattr(drop, name))
    if keep.photo is None and drop.photo is not None:
        keep.photo = drop.photo
    aliases = [a for a in keep.aliases.split("; ") if a]
    for alias in [drop.full_name, *drop.aliases.split("; ")]:
        if alias and alias != keep.full_name and alias not in aliases:
            aliases.append(alias)
    keep.aliases = "; ".join(aliases)
    keep.protected_identity = keep.protected_identity or drop.protected_identity
    keep.at_risk_victim = keep.at_risk_victim or drop.at_risk_victim
    keep.at_risk_shooter = keep.at_risk_shooter or drop.at_risk_shooter
    # The sooner review date wins: a merge should not postpone a review.
    dates = [d for d in (keep.review_date, drop.review_date) if d is not None]
    keep.review_date = min(dates) if dates else None
    # The identity number lives on the kept record only.
    if drop.identity_number == keep.identity_number:
        drop.identity_number = None


def _moved(table: Any, column: Any, keep_id: int) -> dict[str, Any]:
    # A bulk UPDATE bypasses the ORM's version counter: bump it by hand, so a dialog
    # still holding the old version of a moved row gets a conflict, not a silent overwrite.
    values: dict[str, Any] = {column.key: keep_id}
    if issubclass(table, Versioned):
        values["version"] = table.version + 1
    return values


def _merge_memberships(session: Session, keep_id: int, drop_id: int) -> int:
    """Fold the merged-away person's memberships into the kept one's for the same group.

    The kept membership takes the earlier since-date, the later review date and stays
    open if either was open; the other row is deleted. Returns how many rows went.
    """
    kept = {
        m.group_id: m
        for m in session.scalars(
            select(Membership)
            .where(Membership.person_id == keep_id)
            .order_by(Membership.until.is_not(None), Membership.id)
        )
    }
    folded = 0
    for dropped in list(session.scalars(select(Membership).where(Membership.person_id == drop_id))):
        into = kept.get(dropped.group_id)
        if into is None:
            continue
        since = [d for d in (into.since, dropped.since) if d is not None]
        into.since = min(since) if since else None
        review = [d for d in (into.review_date, dropped.review_date) if d is not None]
        into.review_date = max(review) if review else None
        if into.until is not None:
            into.until = None if dropped.until is None else max(into.until, dropped.until)
        session.delete(dropped)
        folded += 1
    session.flush()
    return folded


def _repoint(session: Session, keep_id: int, drop_id: int) -> int:
    moved = _merge_memberships(session, keep_id, drop_id)
    for table, column in _PLAIN_REFERENCES:
        # The kept person must not end up merged into himself.
        guard = [table.id != keep_id] if table is Person else []
        result = session.execute(
            update(table)
            .where(column == drop_id, *guard)
            .values(_moved(table, column, keep_id))
            .execution_options(synchronize_session=False)
        )
        moved += result.rowcount or 0  # type: ignore[attr-defined]
    for table, column, parent in _UNIQUE_REFERENCES:
        taken = select(parent).where(column == keep_id).scalar_subquery()
        result = session.execute(
            update(table)
            .where(column == drop_id, parent.not_in(taken))
            .values(_moved(table, column, keep_id))
            .execution_options(synchronize_session=False)
        )
        moved += result.rowcount or 0  # type: ignore[attr-defined]
    # On the server, row-level security hid other agencies' notes from the update above;
    # the store moves them too (a server function, ids only).
    moved += sql_of(session).repoint_hidden_notes(session, drop_id, keep_id)
    # A relative who is now the person himself is no longer family.
    session.execute(
        update(Relative)
        .where(Relative.person_id == keep_id, Relative.linked_person_id == keep_id)
        .values(linked_person_id=None, version=Relative.version + 1)
        .execution_options(synchronize_session=False)
    )
    return moved
