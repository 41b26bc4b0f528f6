"""A small operation with one team, visits, persons, groups and every agency's notes.

Each agency's notes carry a unique canary string so a test can prove that a print
holds its own agency's text and nothing of the others'.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop.models import (
    Address,
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
    Operation,
    OperationStatus,
    Person,
    Referral,
    ReferralStatus,
    Relative,
    SanctionPeriod,
    StaffMember,
    SupportKind,
    SupportService,
    TalkRole,
    Team,
    TeamMember,
    User,
    Visit,
)
from desktop.services.uow import UnitOfWork
from tests.factories import Fresh, login

DAY = dt.date(2026, 11, 24)
CANARY = {
    "police": "KANARIE-POLIS-7731",
    "social": "KANARIE-SOC-4410",
    "probation": "KANARIE-KRIM-9052",
}
SAFETY = {
    "police": "SAKERHET-POLIS-hund i hallen",
    "social": "SAKERHET-SOC-pappan kan bli arg",
    "probation": "SAKERHET-KRIM-fotboja",
}
PROTECTED_STREET = "Hemliggatan 7"
OPEN_STREET = "Lönngatan 12"
NAMES = ("Łukasz Nowak", "Şahin Ağa", "Nguyễn Văn An")


@dataclass(frozen=True)
class Seeded:
    operation_id: int
    team_id: int
    other_team_id: int
    person_ids: tuple[int, ...]
    protected_person_id: int
    group_id: int
    call_in_id: int
    visit_ids: tuple[int, ...]


def _photo() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (60, 80), (150, 120, 100)).save(buffer, "JPEG")
    return buffer.getvalue()


def seed(fresh: Fresh, visits: int = 3, days: int = 1) -> Seeded:
    """Persons (the second one with a protected identity), one team, ``visits`` visits,
    and each agency's notes on every person (written by that agency's coordinator)."""
    with UnitOfWork(fresh.admin, "Testdata") as uow:
        s = uow.session
        agencies = {a.code: a.id for a in s.query(Agency)}
        coordinator = s.query(User).filter_by(username="coordinator_police").one()
        op = Operation(
            name="Insats Höst",
            start_date=DAY,
            end_date=DAY + dt.timedelta(days=13),
            status=OperationStatus.ACTIVE,
            coordinator_user_id=coordinator.id,
        )
        s.add(op)
        s.flush()
        s.add(
            StaffMember(
                name="Karin Polis",
                agency_id=agencies["police"],
                phone="070-111 22 33",
                user_id=coordinator.id,
            )
        )
        team = Team(name="Team Öst", operation_id=op.id)
        other = Team(name="Team Väst", operation_id=op.id)
        s.add_all([team, other])
        s.flush()
        for name, code, role in (
            ("Erik Ström", "police", TalkRole.SUPPORT),
            ("Aisha Jama", "social", TalkRole.LEAD),
        ):
            staff = StaffMember(name=name, agency_id=agencies[code], phone="070-000 00 01")
            s.add(staff)
            s.flush()
            s.add(TeamMember(team_id=team.id, staff_id=staff.id, talk_role=role))
        group = Group(name="Norra gänget", area="Norr")
        rival = Group(name="Södra gänget", area="Söder")
        s.add_all([group, rival])
        s.flush()
        s.add(
            GroupRelation(
                group_a_id=rival.id,
                group_b_id=group.id,
                kind=GroupRelationKind.ACTIVE_CONFLICT,
                since=DAY - dt.timedelta(days=30),
                description="Skottlossning i oktober",
            )
        )
        s.add(
            SanctionPeriod(
                group_id=group.id,
                trigger_event="Skottlossning vid torget",
                start_date=DAY - dt.timedelta(days=20),
            )
        )
        service = SupportService(
            name="Avhopparprogrammet",
            kind=SupportKind.EXIT,
            provider="Socialtjänsten",
            contact="040-123 45 67",
        )
        call_in = CallIn(
            title="Stormöte november", starts_at=dt.datetime(2026, 11, 2, 17), venue="Stadshuset"
        )
        s.add_all([service, call_in])
        s.flush()
        person_ids, visit_ids, firsts = [], [], []
        for i in range(visits):
            first, last = NAMES[i % len(NAMES)].split(" ", 1)
            protected = i == 1
            person = Person(
                first_name=first,
                last_name=f"{last} {i}" if i >= 3 else last,
                aliases="Lucky; L",
                birth_date=dt.date(2004, 3, 12),
                language="polska",
                interpreter_need=i == 0,
                protected_identity=protected,
                photo=_photo() if i == 0 else None,
            )
            s.add(person)
            s.flush()
            person_ids.append(person.id)
            firsts.append(first)
            address = Address(
                person_id=person.id,
                street=PROTECTED_STREET if protected else OPEN_STREET,
                postcode="21212",
                city="Malmö",
                area="Rosengård",
                valid_from=dt.date(2020, 1, 1),
                access_notes="Portkod 1234",
            )
            s.add(address)
            s.add(Membership(person_id=person.id, group_id=group.id, role=MembershipRole.CORE))
            s.add(
                Relative(
                    person_id=person.id, name="Maria Nowak", relation="mamma", likely_present=True
                )
            )
            s.add(Relative(person_id=person.id, name="Frånvarande Kusin", relation="kusin"))
            s.flush()
            day = DAY + dt.timedelta(days=i % days)
            start = dt.datetime.combine(day, dt.time(9)) + dt.timedelta(minutes=45 * (i // days))
            visit = Visit(
                operation_id=op.id,
                person_id=person.id,
                team_id=team.id,
                starts_at=start,
                ends_at=start + dt.timedelta(minutes=40),
                address_id=address.id,
                order_in_day=i,
            )
            s.add(visit)
            s.flush()
            visit_ids.append(visit.id)
            s.add(
                Delivery(
                    person_id=person.id,
                    delivered_on=DAY - dt.timedelta(days=100),
                    channel=DeliveryChannel.CALL_IN,
                )
            )
            s.add(
                Invitation(
                    call_in_id=call_in.id, person_id=person.id, status=InvitationStatus.ATTENDED
                )
            )
            s.add(
                Referral(
                    person_id=person.id,
                    service_id=service.id,
                    status=ReferralStatus.OFFERED,
                    opened_on=DAY - dt.timedelta(days=5),
                )
            )
        uow.audit("test.seed")
    # Each agency writes its own notes, as its users do (on a server, row-level security
    # refuses another agency's rows even to an administrator).
    for code in CANARY:
        store = login(fresh.path, f"coordinator_{code}")
        cipher = store.compartment(code)
        assert cipher is not None
        try:
            with UnitOfWork(store, "Testdata") as uow:
                for person_id, first in zip(person_ids, firsts, strict=True):
                    for section, text in (
                        (NoteSection.GENERAL, f"{CANARY[code]} om {first}"),
                        (NoteSection.SAFETY, SAFETY[code]),
                    ):
                        note = Note(
                            agency_id=store.identity.agency_id,
                            person_id=person_id,
                            section=section,
                            kind=NoteKind.FACT,
                            ciphertext=b"",
                        )
                        uow.session.add(note)
                        uow.session.flush()
                        note.ciphertext = cipher.encrypt(text, f"note:{note.id}")
                uow.audit("test.seed")
        finally:
            store.lock()
    protected_id = person_ids[1] if len(person_ids) > 1 else 0
    return Seeded(
        op.id,
        team.id,
        other.id,
        tuple(person_ids),
        protected_id,
        group.id,
        call_in.id,
        tuple(visit_ids),
    )


def path_of(fresh: Fresh) -> Path:
    return fresh.path
