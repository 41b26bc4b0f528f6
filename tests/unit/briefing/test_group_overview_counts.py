"""Finding 10: a member's deliveries are counted once, however many membership rows."""

from __future__ import annotations

import datetime as dt

from desktop.reports.data import DocumentMeta
from desktop.services.briefing.documents import group_overview
from tests.unit.mapping import factories as f
from tests.unit.mapping.factories import coordinator_services

TODAY = dt.date.today()


def test_deliveries_per_member_are_not_multiplied_by_memberships(tmp_path):
    services = coordinator_services(tmp_path)
    store = services.store
    g = f.group(store, "Norra")
    p = f.person(store, "Ali", "Hassan")
    # An ended membership and the current one: history, not two members.
    f.member(store, p, g, since=dt.date(2020, 1, 1), until=dt.date(2021, 1, 1))
    f.member(store, p, g, since=dt.date(2023, 1, 1))
    f.delivery(store, p, TODAY - dt.timedelta(days=3))
    f.delivery(store, p, TODAY - dt.timedelta(days=1))
    meta = DocumentMeta("SEKRETESS", "Test", dt.datetime(2026, 1, 1, 12), "RP-2026-000001")
    with store.read_session() as s:
        data = group_overview(s, g, meta, TODAY)
    assert [(m.name, m.deliveries, m.last_delivery) for m in data.members] == [
        ("Ali Hassan", 2, TODAY - dt.timedelta(days=1))
    ]
    store.lock()
