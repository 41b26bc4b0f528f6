"""The packet of an urgent round: why the visit is urgent, the groups' recent violence,
and never a victim's name."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.models import Visit
from desktop.reports.data import DatedNote
from desktop.services.briefing.builder import BriefingRequest
from desktop.services.incidents.rows import ResponseRequest
from tests.unit.briefing.test_builder import gather
from tests.unit.incidents.factories import shooting, user


def test_the_urgent_rounds_packet_says_why_and_names_no_victim(world, tmp_path):
    with user(world, "officer_police") as (_, inc):
        incident_id, _ = inc.register.create(shooting(world))
        # An older threat, outside the packet's 90 days, and one with no group of theirs.
        inc.register.create(
            shooting(world, reference="5000-K0-26", occurred_at=dt.datetime(2026, 2, 1, 20, 0))
        )
    with user(world, "coordinator_police") as (_, inc):
        proposal = inc.responses.propose(
            incident_id,
            ResponseRequest(dt.date(2026, 6, 9), dt.date(2026, 6, 11), tuple(world.teams)),
        )
        inc.responses.accept(proposal.response_id, proposal.version)
    with user(world, "team_lead_social") as (store, _):
        with store.read_session() as s:
            team_id, day = s.execute(
                select(Visit.team_id, Visit.starts_at)
                .where(Visit.operation_id == proposal.operation_id)
                .order_by(Visit.starts_at)
            ).first()
        data = gather(store, BriefingRequest(proposal.operation_id, team_id, day.date()))
    assert data.visits
    injured = "B0 Bson"
    for sheet in data.visits:
        assert sheet.urgent_because == "AKUT – svar på skottlossning i Rosengård 2026-06-07"
        side = "misstänkt sida" if sheet.group_name == "Grupp A" else "drabbad sida"
        assert sheet.incidents == (
            DatedNote(
                dt.date(2026, 6, 7),
                f"Skottlossning i Rosengård: {sheet.group_name} på {side} (1 skadad)",
            ),
        )
        if sheet.person.name != injured:
            assert injured not in repr(sheet)
        assert "Vittne" not in repr(sheet) and "Skadad" not in repr(sheet)

    from desktop.reports.briefing import render_briefing

    pdf = tmp_path / "akut.pdf"
    render_briefing(data, pdf)
    assert pdf.stat().st_size > 0
