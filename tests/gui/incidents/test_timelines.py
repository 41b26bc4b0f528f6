"""Where people look (issue 20): the incident timeline on a group's and a person's
profile, the network's incident badges, and roles that do not read incidents."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.views.groups.profile_page import GroupProfilePage
from desktop.views.groups.workspace import GroupsWorkspace
from desktop.views.incidents.models import TimelineColumn
from desktop.views.persons.profile_page import PersonProfilePage
from tests.unit.incidents.factories import SHOT_AT, shooting

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture(scope="session")
def recorded(world):
    from desktop.services.incidents import build_incidents
    from tests.factories import login
    from tests.unit.incidents.factories import clock

    store = login(world.path, "officer_police")
    try:
        incidents = build_incidents(store, clock)
        incident_id, _ = incidents.register.create(shooting(world, reference="5000-K50-26"))
    finally:
        store.lock()
    return incident_id


def _texts(model, column):
    return [
        model.data(model.index(r, column), Qt.ItemDataRole.DisplayRole)
        for r in range(model.rowCount())
    ]


def test_the_group_profile_shows_its_incidents(qtbot, world, as_user, recorded):
    session = as_user("coordinator_social")
    services = session.services
    page = GroupProfilePage(
        services.mapping,
        services.engagement.sanctions,
        world.groups["A"],
        incidents=session.incidents.register,
    )
    qtbot.addWidget(page)
    assert page.tabs.tabText(page.tabs.count() - 1) == "Vå&ldshändelser"
    timeline = page.incidents
    assert "5000-K50-26" in _texts(timeline.model, TimelineColumn.REFERENCE)
    at = _texts(timeline.model, TimelineColumn.REFERENCE).index("5000-K50-26")
    assert _texts(timeline.model, TimelineColumn.PART)[at] == "Misstänkt sida"
    assert _texts(timeline.model, TimelineColumn.WHEN)[at] == f"{SHOT_AT:%Y-%m-%d %H:%M}"
    assert _texts(timeline.model, TimelineColumn.KIND)[at] == "Skottlossning"
    assert "den senaste" in timeline.summary.text()
    victim = GroupProfilePage(
        services.mapping,
        services.engagement.sanctions,
        world.groups["B"],
        incidents=session.incidents.register,
    )
    qtbot.addWidget(victim)
    at = _texts(victim.incidents.model, TimelineColumn.REFERENCE).index("5000-K50-26")
    assert _texts(victim.incidents.model, TimelineColumn.PART)[at] == "Drabbad sida"


def test_the_person_profile_shows_his_incidents(qtbot, world, as_user, recorded):
    session = as_user("coordinator_police")
    page = PersonProfilePage(
        session.services.mapping, world.members["A"][0], incidents=session.incidents.register
    )
    qtbot.addWidget(page)
    timeline = page.incidents
    refs = _texts(timeline.model, TimelineColumn.REFERENCE)
    assert "5000-K50-26" in refs
    parts = {
        p
        for r, p in zip(refs, _texts(timeline.model, TimelineColumn.PART), strict=True)
        if r == "5000-K50-26"
    }
    assert "Misstänkt" in parts


def test_an_auditor_gets_no_incident_tab(qtbot, world, as_user):
    session = as_user("coordinator_social")
    # A role without incident.read: the page built for it has no tab (the auditor reads
    # no groups at all, so the check is made on the coordinator's page without the service).
    page = GroupProfilePage(
        session.services.mapping, session.services.engagement.sanctions, world.groups["A"]
    )
    qtbot.addWidget(page)
    assert page.incidents is None
    assert "Vå&ldshändelser" not in [page.tabs.tabText(i) for i in range(page.tabs.count())]


def test_the_network_badges_count_the_incidents_before_the_date(qtbot, world, as_user, recorded):
    session = as_user("coordinator_police")
    space = GroupsWorkspace(
        session.services.mapping,
        session.services.engagement.sanctions,
        incidents=session.incidents.register,
    )
    qtbot.addWidget(space)
    counts = space._incidents_near(SHOT_AT.date())
    assert counts.get(world.groups["A"], 0) >= 1 and counts.get(world.groups["B"], 0) >= 1
    assert world.groups["C"] not in counts
    assert space._incidents_near(dt.date(2025, 6, 1)) == {}  # before every test incident
    # The window is the 90 days up to the date: the shooting drops out on the 91st.
    assert space._incidents_near(SHOT_AT.date() + dt.timedelta(days=89))
    assert space._incidents_near(SHOT_AT.date() + dt.timedelta(days=90)) == {}
