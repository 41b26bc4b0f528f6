"""One print numbering for every printout: one sequence, template versions, one audit shape."""

from __future__ import annotations

import datetime as dt
import io

from sqlalchemy import select

from desktop.models import AuditEntry, PrintRecord
from desktop.services.briefing import BriefingRequest
from desktop.services.briefing import templates as tpl
from desktop.services.bundle import build_services
from desktop.services.operations.outputs import ScheduleOutputs
from desktop.services.statistics.rows import Period
from tests.factories import login
from tests.unit.briefing.seed import DAY

NOW = dt.datetime(2026, 11, 24, 8, 0)


def test_serials_are_sequential_across_briefing_statistics_and_schedule(world, tmp_path):
    fresh, seeded = world
    store = login(fresh.path, "coordinator_police")
    try:
        services = build_services(store)
        briefing = services.briefing.printing.print_briefing(
            BriefingRequest(seeded.operation_id, seeded.team_id, DAY), io.BytesIO(), now=NOW
        )
        report = services.statistics.print_report(
            tmp_path / "statistik.pdf", Period(DAY - dt.timedelta(days=30), DAY), now=NOW
        )
        schedule = ScheduleOutputs(store).print_team_schedule(
            seeded.team_id, DAY, DAY, io.BytesIO()
        )
        serials = [briefing.serial, report.serial, schedule.serial]
        numbers = [int(s.rsplit("-", 1)[1]) for s in serials]
        assert all(s.startswith("RP-") for s in serials)
        assert numbers == list(range(numbers[0], numbers[0] + 3))

        with store.read_session() as session:
            records = {
                r.serial: r for r in session.scalars(select(PrintRecord)) if r.serial in serials
            }
            confidentiality = tpl.current_templates(session, seed=False)[
                tpl.CONFIDENTIALITY
            ].version
            audits = {
                e.detail.split(";")[0]: e
                for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "print"))
            }
        assert [records[s].kind for s in serials] == [
            "briefing",
            "statistics_report",
            "team_schedule",
        ]
        # The team schedule now names the template its marking came from, like the rest.
        assert records[schedule.serial].template_versions == {tpl.CONFIDENTIALITY: confidentiality}
        assert len(records[schedule.serial].object_ids.split(",")) == schedule.visits > 0
        for serial, kind in zip(
            serials, ("briefing", "statistics_report", "team_schedule"), strict=True
        ):
            entry = audits[f"serial={serial}"]
            assert entry.object_type == kind
            assert f";kind={kind};templates={tpl.CONFIDENTIALITY}:" in entry.detail
        assert (
            f"team={seeded.team_id};from={DAY};to={DAY}"
            in audits[f"serial={schedule.serial}"].detail
        )
    finally:
        store.lock()
