"""Data for the other printouts: person sheet, group overview, schedule, call-in papers.

Each function reads inside the caller's session and returns the frozen input of one
renderer. Protected identities never get an address into the data; notes come only
from the printing user's own agency.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.models import (
    Address,
    Agency,
    CallIn,
    Delivery,
    Group,
    GroupRelation,
    GroupRelationKind,
    Invitation,
    InvitationStatus,
    Membership,
    NoteKind,
    Operation,
    Person,
    PersonStatus,
    Referral,
    ReferralStatus,
    Relative,
    Role,
    SanctionPeriod,
    StaffMember,
    SupportService,
    Team,
    User,
    Visit,
    VisitStatus,
)
from desktop.reports.data import Contact, DocumentMeta
from desktop.reports.data_sheets import (
    AddressPeriod,
    AttendeeRow,
    CallInAttendeesData,
    CallInInfo,
    GroupMemberRow,
    GroupOverviewData,
    GroupRelationRow,
    InvitationLetter,
    InvitationLettersData,
    MembershipRow,
    NoteRow,
    OperationScheduleData,
    PersonSheetData,
    ReferralRow,
    RelationRow,
    SanctionRow,
    ScheduleEntry,
)
from desktop.services.briefing import templates as tpl
from desktop.services.briefing.builder import PROTECTED_AREA, age_on, person_summary
from desktop.services.briefing.context import (
    INVITATION_WORDS,
    ROLE_WORDS,
    own_agency_notes,
    person_contexts,
)
from desktop.services.briefing.templates import TemplateRow
from desktop.services.errors import NotFound
from desktop.store.database import Store

STATUS_WORDS = {
    PersonStatus.ACTIVE: "Aktiv",
    PersonStatus.INACTIVE: "Inaktiv",
    PersonStatus.MOVED: "Flyttat",
    PersonStatus.IN_CUSTODY: "Frihetsberövad",
    PersonStatus.EXITED: "Avhoppad",
    PersonStatus.DECEASED: "Avliden",
}
CATEGORY_WORDS = {
    "suspect": "Misstänkt",
    "convicted": "Dömd",
    "victim": "Brottsoffer",
    "relative": "Anhörig",
    "other": "Övrig",
}
VISIT_WORDS = {
    VisitStatus.PROPOSED: "Förslag",
    VisitStatus.PLANNED: "Planerat",
    VisitStatus.MET: "Träffad",
    VisitStatus.NOT_HOME: "Inte hemma",
    VisitStatus.REFUSED: "Nekade",
    VisitStatus.MOVED: "Flyttat",
    VisitStatus.FAMILY_ONLY: "Endast familj",
    VisitStatus.CANCELLED: "Inställt",
}
REFERRAL_WORDS = {
    ReferralStatus.OFFERED: "Erbjuden",
    ReferralStatus.ACCEPTED: "Accepterad",
    ReferralStatus.REFERRED: "Remitterad",
    ReferralStatus.STARTED: "Påbörjad",
    ReferralStatus.COMPLETED: "Avslutad",
    ReferralStatus.DECLINED: "Avböjd",
    ReferralStatus.DROPPED: "Avbruten",
}
RELATION_KIND_WORDS = {
    GroupRelationKind.ACTIVE_CONFLICT: "Konflikt",
    GroupRelationKind.RIVALRY: "Rivalitet",
    GroupRelationKind.ALLIANCE: "Allians",
}


def masked_identity(number: str | None) -> str:
    """A personnummer with its last four digits hidden: "20040312-XXXX"."""
    if not number:
        return ""
    digits = number.replace("-", "").replace("+", "")
    return f"{digits[:-4]}-XXXX" if len(digits) >= 10 else "XXXX"


def _address_lines(address: Address) -> tuple[str, ...]:
    city = " ".join(p for p in (address.postcode, address.city) if p)
    return tuple(p for p in (address.street, city) if p)


def person_sheet(
    session: Session, store: Store, person_id: int, meta: DocumentMeta, today: dt.date | None = None
) -> PersonSheetData:
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound("Personen finns inte.")
    today = today or dt.date.today()
    context = person_contexts(session, [person_id], today)[person_id]
    photo = session.scalar(select(Person.photo).where(Person.id == person_id))
    addresses: tuple[AddressPeriod, ...] = ()
    if not person.protected_identity:
        addresses = tuple(
            AddressPeriod(_address_lines(a), a.valid_from, a.valid_to)
            for a in sorted(
                person.addresses, key=lambda a: a.valid_from or dt.date.min, reverse=True
            )
        )
    memberships = tuple(
        MembershipRow(group, ROLE_WORDS.get(role, str(role)), source or "", since, review)
        for group, role, source, since, review in session.execute(
            select(
                Group.name,
                Membership.role,
                Membership.source,
                Membership.since,
                Membership.review_date,
            )
            .join(Group, Group.id == Membership.group_id)
            .where(Membership.person_id == person_id)
            .where(or_(Membership.until.is_(None), Membership.until >= today))
        )
    )
    relations = tuple(
        RelationRow(r.name, r.relation, "trolig på plats vid besök" if r.likely_present else "")
        for r in session.scalars(select(Relative).where(Relative.person_id == person_id))
    )
    referrals = tuple(
        ReferralRow(name, REFERRAL_WORDS.get(status, str(status)), opened, closed)
        for name, status, opened, closed in session.execute(
            select(SupportService.name, Referral.status, Referral.opened_on, Referral.closed_on)
            .join(SupportService, SupportService.id == Referral.service_id)
            .where(Referral.person_id == person_id)
            .order_by(Referral.opened_on.desc())
        )
    )
    agency = meta.agency_copy.name if meta.agency_copy else ""
    notes = tuple(
        NoteRow(
            n.day, "Bedömning" if n.kind is NoteKind.ASSESSMENT else "Faktauppgift", agency, n.text
        )
        for n in reversed(own_agency_notes(session, store, person_ids=[person_id]))
    )
    return PersonSheetData(
        meta=meta,
        person=person_summary(person, photo, today),
        personal_id_masked=masked_identity(person.identity_number),
        birth_date=person.birth_date,
        status=STATUS_WORDS.get(person.status, str(person.status)),
        category=CATEGORY_WORDS.get(person.category.value, person.category.value),
        protected_identity=person.protected_identity,
        addresses=addresses,
        memberships=memberships,
        relations=relations,
        deliveries=tuple(context.deliveries),
        callin_attendance=tuple(context.attendance),
        referrals=referrals,
        notes=notes,
    )


def group_overview(
    session: Session, group_id: int, meta: DocumentMeta, today: dt.date | None = None
) -> GroupOverviewData:
    group = session.get(Group, group_id)
    if group is None:
        raise NotFound("Gruppen finns inte.")
    today = today or dt.date.today()
    counts = {
        pid: (count, last)
        for pid, count, last in session.execute(
            select(Delivery.person_id, func.count(), func.max(Delivery.delivered_on))
            .join(Membership, Membership.person_id == Delivery.person_id)
            .where(Membership.group_id == group_id)
            .group_by(Delivery.person_id)
        )
    }
    members = []
    for person, role in session.execute(
        select(Person, Membership.role)
        .join(Membership, Membership.person_id == Person.id)
        .where(Membership.group_id == group_id, Person.merged_into_id.is_(None))
        .where(or_(Membership.until.is_(None), Membership.until >= today))
        .order_by(Membership.role, Person.last_name, Person.first_name)
    ):
        count, last = counts.get(person.id, (0, None))
        members.append(
            GroupMemberRow(
                person.full_name,
                age_on(person.birth_date, today),
                ROLE_WORDS.get(role, str(role)),
                STATUS_WORDS.get(person.status, str(person.status)),
                count,
                last,
            )
        )
    other_a, other_b = aliased(Group), aliased(Group)
    relations = []
    for rel, name_a, name_b in session.execute(
        select(GroupRelation, other_a.name, other_b.name)
        .join(other_a, other_a.id == GroupRelation.group_a_id)
        .join(other_b, other_b.id == GroupRelation.group_b_id)
        .where(or_(GroupRelation.group_a_id == group_id, GroupRelation.group_b_id == group_id))
        .order_by(GroupRelation.since.desc())
    ):
        ended = rel.until is not None and rel.until < today
        relations.append(
            GroupRelationRow(
                name_b if rel.group_a_id == group_id else name_a,
                RELATION_KIND_WORDS.get(rel.kind, str(rel.kind)),
                "Avslutad" if ended else "Pågår",
                rel.since,
                rel.description,
            )
        )
    sanctions = tuple(
        SanctionRow(s.start_date, s.end_date, s.trigger_event)
        for s in session.scalars(
            select(SanctionPeriod)
            .where(SanctionPeriod.group_id == group_id)
            .order_by(SanctionPeriod.start_date.desc())
        )
    )
    return GroupOverviewData(
        meta=meta,
        name=group.name,
        aliases=tuple(a.strip() for a in group.aliases.split(";") if a.strip()),
        territory=group.area or "",
        description=group.description,
        members=tuple(members),
        relations=tuple(relations),
        sanctions=sanctions,
    )


def operation_schedule(
    session: Session, operation_id: int, meta: DocumentMeta
) -> OperationScheduleData:
    operation = session.get(Operation, operation_id)
    if operation is None:
        raise NotFound("Insatsen finns inte.")
    teams = list(
        session.scalars(select(Team).where(Team.operation_id == operation_id).order_by(Team.id))
    )
    names = {t.id: t.name for t in teams}
    entries = []
    for visit, person, area in session.execute(
        select(Visit, Person, Address.area)
        .join(Person, Person.id == Visit.person_id)
        .outerjoin(Address, Address.id == Visit.address_id)
        .where(Visit.operation_id == operation_id, Visit.status != VisitStatus.CANCELLED)
        .order_by(Visit.starts_at, Visit.order_in_day)
    ):
        entries.append(
            ScheduleEntry(
                visit.starts_at,
                visit.ends_at,
                names.get(visit.team_id or -1, "Utan team"),
                person.full_name,
                PROTECTED_AREA if person.protected_identity else (area or ""),
                VISIT_WORDS.get(visit.status, str(visit.status)),
            )
        )
    team_names = [t.name for t in teams]
    if any(e.team == "Utan team" for e in entries):
        team_names.append("Utan team")
    return OperationScheduleData(
        meta,
        operation.name,
        operation.start_date,
        operation.end_date,
        tuple(team_names),
        tuple(entries),
    )


def _callin(session: Session, call_in_id: int) -> CallIn:
    call_in = session.get(CallIn, call_in_id)
    if call_in is None:
        raise NotFound("Stormötet finns inte.")
    return call_in


def callin_attendees(session: Session, call_in_id: int, meta: DocumentMeta) -> CallInAttendeesData:
    call_in = _callin(session, call_in_id)
    rows = list(
        session.execute(
            select(Invitation, Person)
            .join(Person, Person.id == Invitation.person_id)
            .where(Invitation.call_in_id == call_in_id)
            .order_by(Person.last_name, Person.first_name)
        )
    )
    day = call_in.starts_at.date()
    contexts = person_contexts(session, [p.id for _, p in rows], day)
    attended = {
        InvitationStatus.ATTENDED: True,
        InvitationStatus.LEFT_EARLY: True,
        InvitationStatus.NO_SHOW: False,
        InvitationStatus.EXCUSED: False,
    }
    attendees = []
    for invitation, person in rows:
        group = contexts[person.id].group
        note = ""
        if invitation.status in (InvitationStatus.LEFT_EARLY, InvitationStatus.EXCUSED):
            note = INVITATION_WORDS[invitation.status].capitalize()
        if invitation.accompanied_by:
            note = ", ".join(p for p in (note, f"med {invitation.accompanied_by}") if p)
        attendees.append(
            AttendeeRow(
                person.full_name,
                group.name if group else "",
                invitation.mandated_by or "–",
                invitation.letter_printed_at.date() if invitation.letter_printed_at else None,
                attended.get(invitation.status),
                note,
            )
        )
    info = CallInInfo(call_in.title, call_in.starts_at, call_in.venue)
    return CallInAttendeesData(meta, info, tuple(attendees))


def invitation_letters(
    session: Session,
    call_in_id: int,
    meta: DocumentMeta,
    texts: dict[str, TemplateRow],
    person_ids: tuple[int, ...] | None = None,
) -> tuple[InvitationLettersData, list[int]]:
    """Letters to the invited (or to ``person_ids``); marks each invitation's letter printed."""
    call_in = _callin(session, call_in_id)
    query = (
        select(Invitation, Person)
        .join(Person, Person.id == Invitation.person_id)
        .where(Invitation.call_in_id == call_in_id)
        .order_by(Person.last_name, Person.first_name)
    )
    if person_ids is not None:
        query = query.where(Invitation.person_id.in_(person_ids))
    rows = list(session.execute(query))
    day = call_in.starts_at.date()
    letters = []
    for invitation, person in rows:
        lines: tuple[str, ...] = ()
        if not person.protected_identity:
            current = [
                a
                for a in person.addresses
                if (a.valid_from is None or a.valid_from <= day) and a.valid_to is None
            ]
            if current:
                lines = _address_lines(current[-1])
        letters.append(InvitationLetter(person.full_name, lines, f"Hej {person.first_name}!"))
        invitation.letter_printed_at = meta.printed_at
    data = InvitationLettersData(
        meta=meta,
        callin=CallInInfo(call_in.title, call_in.starts_at, call_in.venue),
        letter_date=meta.printed_at.date(),
        body_paragraphs=tpl.paragraphs(texts[tpl.LETTER].body),
        signatories=_signatories(session),
        letters=tuple(letters),
    )
    return data, [i.id for i, _ in rows]


def _signatories(session: Session) -> tuple[Contact, ...]:
    """One coordinator per agency signs the letter."""
    phones: dict[int, str] = defaultdict(str)
    for user_id, phone in session.execute(
        select(StaffMember.user_id, StaffMember.phone).where(StaffMember.user_id.is_not(None))
    ):
        if user_id is not None:
            phones[user_id] = phone or ""
    chosen: dict[int, Contact] = {}
    for user, agency in session.execute(
        select(User, Agency.name)
        .join(Agency, Agency.id == User.agency_id)
        .where(User.role == Role.COORDINATOR, User.active.is_(True))
        .order_by(Agency.id, User.id)
    ):
        chosen.setdefault(user.agency_id, Contact(user.display_name, agency, phones[user.id]))
    return tuple(chosen.values())
