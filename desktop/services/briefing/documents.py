"""Data for the person sheet, the group overview and the operation schedule.

Each function reads inside the caller's session and returns the frozen input of one
renderer. Protected identities never get an address into the data; notes come only
from the printing user's own agency.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.models import (
    Address,
    Delivery,
    Group,
    GroupRelation,
    GroupRelationKind,
    Membership,
    NoteKind,
    Operation,
    Person,
    PersonStatus,
    Referral,
    ReferralStatus,
    Relative,
    SanctionPeriod,
    SupportService,
    Team,
    Visit,
    VisitStatus,
)
from desktop.reports.data import DocumentMeta
from desktop.reports.data_sheets import (
    AddressPeriod,
    GroupMemberRow,
    GroupOverviewData,
    GroupRelationRow,
    MembershipRow,
    NoteRow,
    OperationScheduleData,
    PersonSheetData,
    ReferralRow,
    RelationRow,
    SanctionRow,
    ScheduleEntry,
)
from desktop.services.briefing.builder import age_on, person_summary, team_member_names
from desktop.services.briefing.context import own_agency_notes, person_contexts, role_word
from desktop.services.errors import NotFound
from desktop.services.mapping.search import masked_identity_of
from desktop.services.protected import PROTECTED_AREA
from desktop.services.visit_address import VisitKey, visit_places
from desktop.services.vocabulary import VISIT_STATUS_WORDS
from desktop.store.interface import Store

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
VISIT_WORDS = VISIT_STATUS_WORDS  # one vocabulary (issue 17)
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


def address_lines(address: Address) -> tuple[str, ...]:
    city = " ".join(p for p in (address.postcode, address.city) if p)
    return tuple(p for p in (address.street, city) if p)


def person_sheet(
    session: Session, store: Store, person_id: int, meta: DocumentMeta, today: dt.date | None = None
) -> PersonSheetData:
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound("person.gone")
    today = today or dt.date.today()
    context = person_contexts(session, [person_id], today)[person_id]
    photo = session.scalar(select(Person.photo).where(Person.id == person_id))
    addresses: tuple[AddressPeriod, ...] = ()
    if not person.protected_identity:
        addresses = tuple(
            AddressPeriod(address_lines(a), a.valid_from, a.valid_to)
            for a in sorted(
                person.addresses, key=lambda a: a.valid_from or dt.date.min, reverse=True
            )
        )
    memberships = tuple(
        MembershipRow(group, role_word(role), source or "", since, review)
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
        personal_id_masked=masked_identity(masked_identity_of(session, person_id)),
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
        raise NotFound("group.gone")
    today = today or dt.date.today()
    counts = {
        pid: (count, last)
        for pid, count, last in session.execute(
            # IN, not a join: a person with several membership rows in the group (history,
            # a merge) would have each delivery counted once per row.
            select(Delivery.person_id, func.count(), func.max(Delivery.delivered_on))
            .where(
                Delivery.person_id.in_(
                    select(Membership.person_id).where(Membership.group_id == group_id)
                )
            )
            .group_by(Delivery.person_id)
        )
    }
    members = []
    listed: set[int] = set()
    for person, role in session.execute(
        select(Person, Membership.role)
        .join(Membership, Membership.person_id == Person.id)
        .where(Membership.group_id == group_id, Person.merged_into_id.is_(None))
        .where(or_(Membership.until.is_(None), Membership.until >= today))
        .order_by(Membership.role, Person.last_name, Person.first_name)
    ):
        if person.id in listed:  # two current rows of one person: one member line
            continue
        listed.add(person.id)
        count, last = counts.get(person.id, (0, None))
        members.append(
            GroupMemberRow(
                person.full_name,
                age_on(person.birth_date, today),
                role_word(role),
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
        raise NotFound("operation.gone")
    teams = list(
        session.scalars(select(Team).where(Team.operation_id == operation_id).order_by(Team.id))
    )
    names = {t.id: t.name for t in teams}
    entries = []
    rows = session.execute(
        select(Visit, Person)
        .join(Person, Person.id == Visit.person_id)
        .where(Visit.operation_id == operation_id, Visit.status != VisitStatus.CANCELLED)
        .order_by(Visit.starts_at, Visit.order_in_day)
    ).all()
    # The district valid at each visit's time, never the copy planning stored (issue 17).
    places = visit_places(
        session, (VisitKey(v.id, v.person_id, v.starts_at, v.address_id) for v, _ in rows)
    )
    for visit, person in rows:
        where = places[visit.id]
        area = where.address.area if where.address is not None else ""
        entries.append(
            ScheduleEntry(
                visit.starts_at,
                visit.ends_at,
                names.get(visit.team_id or -1, "Utan team"),
                person.full_name,
                PROTECTED_AREA if person.protected_identity else (area or ""),
                VISIT_WORDS.get(visit.status, str(visit.status)),
                address_changed=where.changed and not person.protected_identity,
            )
        )
    team_names = [t.name for t in teams]
    members = team_member_names(session, [t.id for t in teams])
    if any(e.team == "Utan team" for e in entries):
        team_names.append("Utan team")
    return OperationScheduleData(
        meta,
        operation.name,
        operation.start_date,
        operation.end_date,
        tuple(team_names),
        tuple(entries),
        tuple(members[t.id] for t in teams),
    )
