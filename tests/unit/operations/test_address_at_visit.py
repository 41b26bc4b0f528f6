"""A visit's address is the person's address valid at the visit's time (issue 17).

Planning stored the address it saw; a move registered afterwards must reach the
briefing packet, the team schedule, the operation schedule, the calendar and the outcome
dialog, each marked "address changed since planning". The iCalendar file gives the
district, never the street.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.models import Visit, VisitStatus
from desktop.services.briefing.builder import BriefingRequest
from desktop.services.briefing.printing import PrintService
from desktop.services.mapping import build_mapping
from desktop.services.mapping.rows import AddressInput
from tests.unit.operations.factories import (
    AFTER_THE_PERIOD,
    END,
    START,
    make_field,
    planned_operation,
)

NEW_STREET = "Nyflyttgränd 3"
NEW_AREA = "Västra hamnen"
# What screen and paper say beside an address that is not the one planning saw.
ADDRESS_CHANGED = "Adressen har ändrats sedan planeringen"


@pytest.fixture
def moved(tmp_path, clock):
    """An accepted plan; then one visited person moves before his visit."""
    f = make_field(tmp_path)
    planned_operation(f)
    f.services.planning.propose(f.operation_id)
    f.services.planning.accept(f.operation_id)
    clock.set(AFTER_THE_PERIOD)  # the period has passed: its outcomes can be recorded
    with f.store.read_session() as s:
        visit = s.execute(
            select(Visit.id, Visit.person_id, Visit.starts_at, Visit.team_id)
            .where(Visit.operation_id == f.operation_id, Visit.status == VisitStatus.PLANNED)
            .order_by(Visit.starts_at.desc())
        ).first()
    assert visit is not None
    # The new address starts before the visit; the old one ends the day before.
    build_mapping(f.store).persons.add_address(
        visit.person_id,
        AddressInput(NEW_STREET, "21100", "Malmö", NEW_AREA, valid_from=START.isoformat()),
    )
    yield f, visit
    f.store.lock()


def _pdf_text(path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def test_briefing_packet_prints_the_address_valid_at_the_visit_and_marks_the_change(
    moved, tmp_path
):
    f, visit = moved
    out = tmp_path / "packet.pdf"
    PrintService(f.store).print_briefing(
        BriefingRequest(f.operation_id, visit.team_id, visit.starts_at.date()), out
    )
    text = _pdf_text(out)
    assert NEW_STREET in text
    assert " ".join(ADDRESS_CHANGED.split()) in text
    # The old street the planner saw (ended before the visit) is no longer printed.
    old = f"Gatan {f.persons.index(visit.person_id)}"
    assert re.search(rf"{old}\b", text) is None


def test_calendar_schedule_and_outcome_dialog_show_the_new_district(moved, tmp_path):
    f, visit = moved
    rows = f.services.visits.calendar(START, END, f.operation_id)
    [row] = [r for r in rows if r.visit_id == visit.id]
    assert row.area == NEW_AREA and getattr(row, "address_changed", False)
    others = [r for r in rows if r.visit_id != visit.id]
    assert others and not any(getattr(r, "address_changed", False) for r in others)
    assert f.services.outcomes.detail(visit.id).area == NEW_AREA
    out = tmp_path / "team.pdf"
    f.services.outputs.print_team_schedule(visit.team_id, START, END, out)
    text = _pdf_text(out)
    assert NEW_AREA in text and " ".join(ADDRESS_CHANGED.split()) in text
    out = tmp_path / "operation.pdf"
    PrintService(f.store).print_operation_schedule(f.operation_id, out)
    text = _pdf_text(out)
    assert NEW_AREA in text and " ".join(ADDRESS_CHANGED.split()) in text


def test_icalendar_gives_the_district_not_the_street(moved):
    f, visit = moved
    text = f.services.outputs.team_icalendar(visit.team_id, START, END).text
    assert "BEGIN:VEVENT" in text
    assert "Gatan " not in text and NEW_STREET not in text
    assert "LOCATION:" not in text
    assert NEW_AREA in text
