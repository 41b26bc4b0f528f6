"""An ended conflict is no longer "aktiv" on the packet (issue 17)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.models import GroupRelation
from desktop.services.briefing.builder import BriefingRequest
from desktop.services.mapping import build_mapping
from tests.factories import fresh_with_users, login
from tests.unit.briefing.seed import DAY, seed
from tests.unit.briefing.test_builder import gather


def test_packet_lists_only_conflicts_valid_on_the_day(tmp_path):
    fresh = fresh_with_users(tmp_path)
    seeded = seed(fresh, visits=1)
    request = BriefingRequest(seeded.operation_id, seeded.team_id, DAY)
    lead = login(fresh.path, "team_lead_police")
    try:
        [sheet] = gather(lead, request).visits
        assert any("Södra gänget (aktiv)" in c for c in sheet.conflicts)
    finally:
        lead.lock()
    coordinator = login(fresh.path, "coordinator_police")
    try:
        with coordinator.read_session() as s:
            relation = s.scalars(select(GroupRelation)).one()
            rid, version = relation.id, relation.version
        build_mapping(coordinator).groups.end_relation(rid, version, DAY - dt.timedelta(days=1))
    finally:
        coordinator.lock()
    lead = login(fresh.path, "team_lead_police")
    try:
        [sheet] = gather(lead, request).visits
        assert sheet.conflicts == ()
    finally:
        lead.lock()
    fresh.admin.lock()
