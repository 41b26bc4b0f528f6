import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.models import AuditEntry, PrintRecord
from desktop.services.errors import PermissionDenied, ReauthenticationRequired
from desktop.services.operations import build_operations
from desktop.services.security.reauth import Reauthentication
from tests.factories import login
from tests.unit.operations.factories import (
    AFTER_THE_PERIOD,
    END,
    START,
    make_field,
    planned_operation,
)


@pytest.fixture
def field(tmp_path, clock):
    f = make_field(tmp_path)
    planned_operation(f)
    f.services.planning.propose(f.operation_id)
    f.services.planning.accept(f.operation_id)
    clock.set(AFTER_THE_PERIOD)  # the period has passed: its outcomes can be recorded
    yield f
    f.store.lock()


def test_team_schedule_print_is_landscape_numbered_and_complete(field, tmp_path):
    team = field.services.visits.calendar_teams(field.operation_id)[0]
    rows = field.services.visits.calendar(START, END, field.operation_id, team.team_id)
    out = tmp_path / "schema.pdf"
    printed = field.services.outputs.print_team_schedule(team.team_id, START, END, out)
    assert printed.visits == len(rows) and printed.serial.startswith("RP-")
    reader = PdfReader(out)
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height
    text = "".join(p.extract_text() for p in reader.pages)
    assert printed.serial in text
    for row in rows:
        assert row.person_label.split()[-1] in text
    with field.store.read_session() as s:
        [record] = s.scalars(select(PrintRecord)).all()
        assert record.serial == printed.serial


def test_icalendar_export_has_no_names_and_is_audited(field):
    team = field.services.visits.calendar_teams(field.operation_id)[0]
    export = field.services.outputs.team_icalendar(team.team_id, START, END)
    assert export.visits > 0 and export.text.count("BEGIN:VEVENT") == export.visits
    assert "Förnamn" not in export.text and "Efternamn" not in export.text
    assert "CLASS:CONFIDENTIAL" in export.text
    with field.store.read_session() as s:
        actions = list(s.scalars(select(AuditEntry.action)))
    assert "export" in actions


def test_icalendar_export_asks_for_password_when_stale(field):
    reauth = Reauthentication(
        field.store, clock=lambda: __import__("datetime").datetime(2000, 1, 1)
    )
    reauth.forget()
    outputs = build_operations(field.store, reauth).outputs
    team = field.services.visits.calendar_teams(field.operation_id)[0]
    with pytest.raises(ReauthenticationRequired):
        outputs.team_icalendar(team.team_id, START, END)


def test_team_lead_may_not_export(field):
    lead = login(field.path, "team_lead_social")
    try:
        team = build_operations(lead).visits.calendar_teams()[0]
        with pytest.raises(PermissionDenied):
            build_operations(lead).outputs.team_icalendar(team.team_id, START, END)
    finally:
        lead.lock()


SECRET_AREA = "Hemligby"


def _protect_one_visited_person(field) -> int:
    """Mark a person who has a visit as protected, living in a district no one else has."""
    from desktop.models import Address, Person
    from desktop.services.uow import UnitOfWork
    from tests.unit.operations.factories import visits

    person_id = visits(field.store, field.operation_id)[0][1]
    with UnitOfWork(field.store, "Skydda") as uow:
        uow.session.get(Person, person_id).protected_identity = True
        for address in uow.session.scalars(select(Address).where(Address.person_id == person_id)):
            address.area = SECRET_AREA
    return person_id


def test_protected_area_absent_from_printed_schedule_and_calendar(field, tmp_path):
    _protect_one_visited_person(field)
    texts = []
    for n, team in enumerate(field.services.visits.calendar_teams(field.operation_id)):
        out = tmp_path / f"schema{n}.pdf"
        field.services.outputs.print_team_schedule(team.team_id, START, END, out)
        texts.append("".join(p.extract_text() for p in PdfReader(out).pages))
        texts.append(field.services.outputs.team_icalendar(team.team_id, START, END).text)
    joined = "\n".join(texts)
    assert SECRET_AREA not in joined
    assert "Skyddad adress" in joined


def test_protected_area_absent_from_target_list(field):
    person_id = _protect_one_visited_person(field)
    rows = field.services.operations.targets(field.operation_id)
    [row] = [r for r in rows if r.person_id == person_id]
    assert row.area == "Skyddad adress"
