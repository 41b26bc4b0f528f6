"""Issue 18, printouts as a round needs them, from a real encrypted database.

The team schedule names each team's members and prints every team of a day in one
file (service, ``rondplan briefing --schedule --team all``); the invitation letter to a
young man carries no internal secrecy marking, no empty "Tel." and a contact line with
a phone number that administrators can change as a template.
"""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.cli import main
from desktop.models import (
    Agency,
    Operation,
    OperationStatus,
    PrintRecord,
    StaffMember,
    TalkRole,
    Team,
    TeamMember,
    User,
    Visit,
)
from desktop.services.briefing import PrintService, TemplateService
from desktop.services.briefing import templates as tpl
from desktop.services.errors import ValidationError
from desktop.services.operations.outputs import ScheduleOutputs
from desktop.services.uow import UnitOfWork
from tests.factories import PASSWORD, database_args, login
from tests.unit.briefing.seed import DAY
from tests.unit.reports.pdfcheck import page_texts

MARKING_WORD = "SEKRETESS"
PHONE = re.compile(r"\d{2,4}-\d[\d ]{4,}\d")


def _flat(pdf: bytes) -> str:
    """All pages' text on one line: table cells wrap names at any space."""
    return " ".join(" ".join(page_texts(pdf)).split())


@pytest.fixture(scope="module")
def rounds(world):
    """Team Väst gets a member and a visit on DAY; a second operation has its own
    "Team Öst" (same name) with a member and a visit on DAY."""
    fresh, seeded = world
    with UnitOfWork(fresh.admin, "Testdata") as uow:
        s = uow.session
        agencies = {a.code: a.id for a in s.scalars(select(Agency))}
        visit = s.get(Visit, seeded.visit_ids[0])
        assert visit is not None
        lind = StaffMember(name="Sara Lind", agency_id=agencies["probation"], phone="070-9")
        berg = StaffMember(name="Olle Berg", agency_id=agencies["police"], phone="070-8")
        winter = Operation(
            name="Insats Vinter",
            start_date=DAY,
            end_date=DAY + dt.timedelta(days=5),
            status=OperationStatus.ACTIVE,
        )
        s.add_all([lind, berg, winter])
        s.flush()
        same_name = Team(name="Team Öst", operation_id=winter.id)
        s.add(same_name)
        s.flush()
        s.add(TeamMember(team_id=seeded.other_team_id, staff_id=lind.id, talk_role=TalkRole.LEAD))
        s.add(TeamMember(team_id=same_name.id, staff_id=berg.id, talk_role=TalkRole.LEAD))
        for team_id, operation_id, person_id, hour in (
            (seeded.other_team_id, seeded.operation_id, seeded.person_ids[2], 13),
            (same_name.id, winter.id, seeded.person_ids[0], 15),
        ):
            start = dt.datetime.combine(DAY, dt.time(hour))
            s.add(
                Visit(
                    operation_id=operation_id,
                    person_id=person_id,
                    team_id=team_id,
                    starts_at=start,
                    ends_at=start + dt.timedelta(minutes=40),
                    address_id=visit.address_id,
                    order_in_day=9,
                )
            )
        uow.audit("test.seed")
    return fresh, seeded


def _schedule(path, user: str, team_id: int | None, operation_id: int | None = None) -> bytes:
    store = login(path, user)
    try:
        out = BytesIO()
        ScheduleOutputs(store).print_team_schedule(
            team_id, DAY, DAY, out, operation_id=operation_id
        )
        return out.getvalue()
    finally:
        store.lock()


def test_one_teams_schedule_names_its_members(rounds):
    fresh, seeded = rounds
    text = _flat(_schedule(fresh.path, "team_lead_police", seeded.team_id))
    # The seed's members of Team Öst (see seed.py), typed here, not read from the code.
    assert "Aisha Jama (soc)" in text and "Erik Ström (polis)" in text
    assert "Sara Lind" not in text


def test_all_teams_of_an_operation_in_one_print_with_members(rounds):
    fresh, seeded = rounds
    pdf = _schedule(fresh.path, "coordinator_police", None, seeded.operation_id)
    text = _flat(pdf)
    assert "Team Öst" in text and "Team Väst" in text
    assert "Aisha Jama (soc)" in text and "Sara Lind (krim)" in text
    assert "Olle Berg" not in text and "Insats Vinter" not in text  # another operation


def test_all_teams_of_a_day_across_operations_are_told_apart(rounds):
    fresh, _ = rounds
    text = _flat(_schedule(fresh.path, "coordinator_police", None))
    assert "Team Öst – Insats Höst" in text and "Team Öst – Insats Vinter" in text
    assert "Team Väst – Insats Höst" in text
    assert "Olle Berg (polis)" in text and "Sara Lind (krim)" in text


def test_cli_team_all_schedule(rounds, tmp_path, monkeypatch, capsys):
    fresh, seeded = rounds
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    out = tmp_path / "schema.pdf"
    args = ["briefing", *database_args(fresh.path), "--user", "coordinator_social"]
    args += ["--operation", str(seeded.operation_id), "--team", "all", "--schedule"]
    args += ["--date", DAY.isoformat(), "-o", str(out)]
    assert main(args) == 0
    assert "RP-" in capsys.readouterr().out
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Team Öst" in text and "Team Väst" in text and "Sara Lind (krim)" in text
    assert not list(tmp_path.glob("*.part"))


def test_cli_team_all_without_schedule_is_one_swedish_line(rounds, tmp_path, monkeypatch, capsys):
    fresh, seeded = rounds
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    out = tmp_path / "x.pdf"
    args = ["briefing", *database_args(fresh.path), "--user", "coordinator_social"]
    args += ["--operation", str(seeded.operation_id), "--team", "all", "-o", str(out)]
    assert main(args) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("rondplan: --team all") and "\n" not in err
    assert not out.exists()


def _letters(path, user: str = "coordinator_police") -> list[str]:
    store = login(path, user)
    try:
        out = BytesIO()
        PrintService(store).print_invitation_letters(_call_in(path), out)
        return page_texts(out.getvalue())
    finally:
        store.lock()


def _call_in(path) -> int:
    from desktop.models import CallIn

    store = login(path, "coordinator_police")
    try:
        with store.read_session() as s:
            return s.scalars(select(CallIn.id)).first()
    finally:
        store.lock()


def test_letter_has_no_secrecy_stamp_no_empty_phone_and_a_contact_to_call(rounds):
    fresh, _ = rounds
    pages = _letters(fresh.path)
    assert pages
    for page in pages:
        assert MARKING_WORD not in page.upper()
        lines = [line.strip() for line in page.splitlines()]
        assert "Tel." not in lines  # a signatory without a phone had "Tel." and nothing
        contact = next(line for line in lines if line.startswith("Frågor om mötet?"))
        # coordinator_police's staff row in the seed has 070-111 22 33.
        assert "070-111 22 33" in contact and "samordnare" in contact


def test_administrators_own_contact_line_is_printed_as_written(rounds):
    fresh, _ = rounds
    TemplateService(fresh.admin).edit(
        tpl.LETTER_CONTACT, "Ring programmets telefon 040-55 55 55, vardagar 9–16."
    )
    try:
        pages = _letters(fresh.path)
        assert all("Ring programmets telefon 040-55 55 55, vardagar 9–16." in p for p in pages)
    finally:
        TemplateService(fresh.admin).edit(tpl.LETTER_CONTACT, tpl.DEFAULTS[tpl.LETTER_CONTACT])


def test_no_phone_to_give_refuses_the_letters_before_numbering(rounds):
    from desktop.services.briefing.callin_documents import NO_LETTER_CONTACT

    fresh, _ = rounds
    with UnitOfWork(fresh.admin, "Testdata") as uow:
        coordinators = select(User.id).where(User.username.like("coordinator_%"))
        staff = list(
            uow.session.scalars(select(StaffMember).where(StaffMember.user_id.in_(coordinators)))
        )
        saved = {m.id: m.phone for m in staff}
        for member in staff:
            member.phone = ""
        uow.audit("test.seed")
    with fresh.admin.read_session() as s:
        before = len(list(s.scalars(select(PrintRecord))))
    try:
        with pytest.raises(ValidationError) as refused:
            _letters(fresh.path)
        assert refused.value.code == NO_LETTER_CONTACT
        with fresh.admin.read_session() as s:
            assert len(list(s.scalars(select(PrintRecord)))) == before
    finally:
        with UnitOfWork(fresh.admin, "Testdata") as uow:
            for member_id, phone in saved.items():
                member = uow.session.get(StaffMember, member_id)
                assert member is not None
                member.phone = phone
            uow.audit("test.seed")
