"""What the packet says about each person, fetched in batches for all visits at once.

Everything here reads inside the caller's session. Notes come only from the printing
user's own agency compartment: other agencies' rows are never even selected.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from desktop.messages import Language, words
from desktop.models import (
    Agency,
    CallIn,
    Delivery,
    DeliveryChannel,
    Group,
    GroupRelation,
    GroupRelationKind,
    Invitation,
    InvitationStatus,
    Membership,
    MembershipRole,
    Note,
    NoteKind,
    NoteSection,
    Referral,
    ReferralStatus,
    Relative,
    SanctionPeriod,
    SupportService,
)
from desktop.reports.data import Contact, DatedNote, SupportOffer
from desktop.services.relations import relation_valid
from desktop.services.security.notes import open_note
from desktop.store.interface import Store

#: How far back a group's sanction periods count as "recent events".
RECENT_DAYS = 365
#: The most history lines printed per person.
MAX_HISTORY = 8

_ROLE_RANK = list(MembershipRole)


def role_word(role: MembershipRole | str, lang: Language = "sv") -> str:
    """A membership role as the paper says it ("kärnmedlem", "core member")."""
    return words(f"paper.role.{role}", {}, lang)


def channel_word(channel: DeliveryChannel | str, lang: Language = "sv") -> str:
    """How the message reached him ("Hembesök", "Home visit")."""
    return words(f"paper.channel.{channel}", {}, lang)


def invitation_word(status: InvitationStatus | str, lang: Language = "sv") -> str:
    """What became of a call-in invitation ("kom inte", "did not come")."""
    return words(f"paper.invitation.{status}", {}, lang)


OPEN_REFERRALS = (ReferralStatus.OFFERED, ReferralStatus.ACCEPTED, ReferralStatus.REFERRED)


@dataclass(frozen=True)
class GroupLink:
    group_id: int
    name: str
    role: str


@dataclass(frozen=True)
class OwnNote:
    person_id: int | None
    visit_id: int | None
    section: NoteSection
    kind: NoteKind
    day: dt.date
    text: str


@dataclass
class PersonContext:
    """Facts about one person for one sheet (built here, frozen into VisitSheet later)."""

    group: GroupLink | None = None
    conflicts: list[str] = field(default_factory=list)
    events: list[DatedNote] = field(default_factory=list)
    deliveries: list[DatedNote] = field(default_factory=list)
    attendance: list[DatedNote] = field(default_factory=list)
    family: list[str] = field(default_factory=list)
    referrals: list[tuple[int | None, SupportOffer]] = field(default_factory=list)


def own_agency_notes(
    session: Session, store: Store, *, person_ids: Iterable[int] = (), group_ids: Iterable[int] = ()
) -> list[OwnNote]:
    """Decrypted notes of the printing user's own agency only, oldest first.

    A user without that agency's key gets nothing; a note that fails to authenticate
    is left out.
    """
    identity = store.identity
    cipher = store.compartment(identity.agency_code)
    persons, groups = sorted(set(person_ids)), sorted(set(group_ids))
    if cipher is None or not (persons or groups):
        return []
    query = (
        select(Note)
        .join(Agency, Agency.id == Note.agency_id)
        .where(Agency.code == identity.agency_code)
        .where(or_(Note.person_id.in_(persons), Note.group_id.in_(groups)))
        .order_by(Note.created_at, Note.id)
    )
    found = []
    for note in session.scalars(query):
        text = open_note(cipher, note)
        if text is None:
            continue
        found.append(
            OwnNote(
                note.person_id,
                note.visit_id,
                note.section,
                note.kind,
                note.created_at.date(),
                text,
            )
        )
    return found


def person_contexts(
    session: Session, person_ids: Iterable[int], on: dt.date, lang: Language = "sv"
) -> dict[int, PersonContext]:
    """Group, conflicts, events, history, family and prepared support for each person,
    worded in ``lang`` (the printing user's language)."""
    ids = sorted(set(person_ids))
    contexts = {pid: PersonContext() for pid in ids}
    if not ids:
        return contexts
    _groups(session, ids, on, contexts, lang)
    _relations(session, on, contexts, lang)
    for pid, day, channel, by in session.execute(
        select(Delivery.person_id, Delivery.delivered_on, Delivery.channel, Delivery.delivered_by)
        .where(Delivery.person_id.in_(ids), Delivery.delivered_on <= on)
        .order_by(Delivery.delivered_on.desc())
    ):
        text = words("paper.delivered", {"channel": channel_word(channel, lang)}, lang)
        contexts[pid].deliveries.append(DatedNote(day, text + (f" ({by})" if by else "")))
    for pid, title, starts, status in session.execute(
        select(Invitation.person_id, CallIn.title, CallIn.starts_at, Invitation.status)
        .join(CallIn, CallIn.id == Invitation.call_in_id)
        .where(Invitation.person_id.in_(ids))
        .order_by(CallIn.starts_at.desc())
    ):
        word = invitation_word(status, lang)
        contexts[pid].attendance.append(DatedNote(starts.date(), f"{title}: {word}"))
    for pid, name, relation, phone in session.execute(
        select(Relative.person_id, Relative.name, Relative.relation, Relative.phone)
        .where(Relative.person_id.in_(ids), Relative.likely_present.is_(True))
        .order_by(Relative.id)
    ):
        contexts[pid].family.append(f"{name} ({relation})" + (f", tel. {phone}" if phone else ""))
    for referral, service in session.execute(
        select(Referral, SupportService)
        .join(SupportService, SupportService.id == Referral.service_id)
        .where(Referral.person_id.in_(ids), Referral.status.in_(OPEN_REFERRALS))
        .where(Referral.retracted_at.is_(None))
        .order_by(Referral.opened_on.desc())
    ):
        offer = SupportOffer(
            service.name,
            service.description,
            Contact(service.provider, service.name, service.contact) if service.contact else None,
        )
        contexts[referral.person_id].referrals.append((referral.visit_id, offer))
    for context in contexts.values():
        context.deliveries = context.deliveries[:MAX_HISTORY]
        context.attendance = context.attendance[:MAX_HISTORY]
    return contexts


def _groups(
    session: Session,
    ids: list[int],
    on: dt.date,
    contexts: dict[int, PersonContext],
    lang: Language = "sv",
) -> None:
    """Each person's current group: the one where his role ranks highest."""
    best: dict[int, tuple[int, GroupLink]] = {}
    for pid, gid, name, role in session.execute(
        select(Membership.person_id, Group.id, Group.name, Membership.role)
        .join(Group, Group.id == Membership.group_id)
        .where(Membership.person_id.in_(ids))
        .where(or_(Membership.until.is_(None), Membership.until >= on))
        .order_by(Membership.id)
    ):
        rank = _ROLE_RANK.index(role)
        if pid not in best or rank < best[pid][0]:
            best[pid] = (rank, GroupLink(gid, name, role_word(role, lang)))
    for pid, (_, link) in best.items():
        contexts[pid].group = link


def _relations(
    session: Session, on: dt.date, contexts: dict[int, PersonContext], lang: Language = "sv"
) -> None:
    """Active conflicts and recent sanction periods of each person's group."""
    group_ids = {c.group.group_id for c in contexts.values() if c.group is not None}
    if not group_ids:
        return
    other_a, other_b = aliased(Group), aliased(Group)
    conflicts: dict[int, list[str]] = defaultdict(list)
    for a, b, name_a, name_b, since, description in session.execute(
        select(
            GroupRelation.group_a_id,
            GroupRelation.group_b_id,
            other_a.name,
            other_b.name,
            GroupRelation.since,
            GroupRelation.description,
        )
        .join(other_a, other_a.id == GroupRelation.group_a_id)
        .join(other_b, other_b.id == GroupRelation.group_b_id)
        .where(GroupRelation.kind == GroupRelationKind.ACTIVE_CONFLICT)
        .where(
            or_(GroupRelation.group_a_id.in_(group_ids), GroupRelation.group_b_id.in_(group_ids))
        )
        .where(relation_valid(on))
    ):
        for mine, other in ((a, name_b), (b, name_a)):
            if mine in group_ids:
                line = words("paper.conflict_active", {"group": other}, lang)
                if since:
                    line += " " + words("paper.since", {"day": since}, lang)
                if description:
                    line += f": {description}"
                conflicts[mine].append(line)
    events: dict[int, list[DatedNote]] = defaultdict(list)
    recent = on - dt.timedelta(days=RECENT_DAYS)
    for gid, trigger, start, end in session.execute(
        select(
            SanctionPeriod.group_id,
            SanctionPeriod.trigger_event,
            SanctionPeriod.start_date,
            SanctionPeriod.end_date,
        )
        .where(SanctionPeriod.group_id.in_(group_ids))
        .where(or_(SanctionPeriod.end_date.is_(None), SanctionPeriod.end_date >= recent))
        .where(SanctionPeriod.start_date <= on)
        .order_by(SanctionPeriod.start_date.desc())
    ):
        state = (
            words("paper.focus_ongoing", {}, lang)
            if end is None or end >= on
            else words("paper.focus_ended", {"day": end}, lang)
        )
        focus = words("paper.focus", {"state": state, "trigger": trigger}, lang)
        events[gid].append(DatedNote(start, focus))
    for context in contexts.values():
        if context.group is not None:
            context.conflicts = conflicts.get(context.group.group_id, [])
            context.events = events.get(context.group.group_id, [])[:MAX_HISTORY]
