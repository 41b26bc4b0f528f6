"""What goes into a briefing packet's data, and what stays out, per agency."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.reports.data import BriefingData
from desktop.services.briefing import templates as tpl
from desktop.services.briefing.builder import BriefingRequest, build_briefing, make_meta
from desktop.services.errors import NotFound, ValidationError
from desktop.store.interface import Store
from tests.factories import login
from tests.unit.briefing.seed import CANARY, DAY, OPEN_STREET, PROTECTED_STREET, SAFETY


def gather(store: Store, request: BriefingRequest) -> BriefingData:
    with store.read_session() as session:
        texts = tpl.current_templates(session, seed=False)
        meta = make_meta(
            session, store, "RP-TEST", texts, (tpl.MESSAGE,), dt.datetime(2026, 11, 24)
        )
        return build_briefing(session, store, request, meta, texts)


def all_text(data: BriefingData) -> str:
    return repr(data)


@pytest.mark.parametrize(
    ("user", "own"),
    [
        ("team_lead_police", "police"),
        ("team_lead_social", "social"),
        ("officer_probation", "probation"),
    ],
)
def test_agency_section_and_safety_notes_are_the_printing_agencys_only(world, user, own):
    fresh, seeded = world
    store = login(fresh.path, user)
    try:
        data = gather(store, BriefingRequest(seeded.operation_id, seeded.team_id, DAY))
    finally:
        store.lock()
    text = all_text(data)
    assert CANARY[own] in text and SAFETY[own] in text
    for other in set(CANARY) - {own}:
        assert CANARY[other] not in text
        assert SAFETY[other] not in text
    for sheet in data.visits:
        assert sheet.agency_section is not None
        assert all(CANARY[own] in p for p in sheet.agency_section.paragraphs)
        assert sheet.safety_notes == (SAFETY[own],)
    assert data.meta.agency_copy is not None


def test_cover_and_visit_facts(world):
    fresh, seeded = world
    store = login(fresh.path, "team_lead_social")
    try:
        data = gather(store, BriefingRequest(seeded.operation_id, seeded.team_id, DAY))
    finally:
        store.lock()
    assert data.operation_name == "Insats Höst"
    assert data.dates == (DAY,)
    assert data.team_name == "Team Öst"
    # The lead speaker first, each with agency, talk role and phone.
    assert [(m.name, m.agency, m.role) for m in data.team] == [
        ("Aisha Jama", "Socialtjänsten", "leder samtalet"),
        ("Erik Ström", "Polisen", "stöd och säkerhet"),
    ]
    assert data.coordinator.phone == "070-111 22 33"
    assert [v.reference for v in data.visits] == [str(i) for i in seeded.visit_ids]
    first = data.visits[0]
    assert first.person.name == "Łukasz Nowak"
    assert first.person.age == 22
    assert first.person.aliases == ("Lucky", "L")
    assert first.person.interpreter == "polska"
    assert first.person.photo is not None
    assert first.address_lines == (OPEN_STREET, "21212 Malmö")
    assert first.access_notes == ("Portkod 1234",)
    assert first.area == "Rosengård"
    assert (first.group_name, first.group_role) == ("Norra gänget", "kärnmedlem")
    assert first.conflicts and "Södra gänget" in first.conflicts[0]
    assert first.recent_events and "Skottlossning vid torget" in first.recent_events[0].text
    assert len(first.deliveries) == 1 and len(first.callin_attendance) == 1
    assert first.family_present == ("Maria Nowak (mamma)",)
    assert first.support is not None and first.support.title == "Avhopparprogrammet"
    assert first.opening_line == tpl.DEFAULTS[tpl.OPENING_LINE]
    assert first.message_paragraphs == tpl.paragraphs(tpl.DEFAULTS[tpl.MESSAGE])


def test_protected_address_is_left_out_unless_included_and_then_marked(world):
    fresh, seeded = world
    store = login(fresh.path, "team_lead_police")
    try:
        left_out = gather(store, BriefingRequest(seeded.operation_id, seeded.team_id, DAY))
        included = gather(store, BriefingRequest(seeded.operation_id, seeded.team_id, DAY, True))
    finally:
        store.lock()
    sheet = left_out.visits[1]
    assert sheet.protected_identity and not sheet.protected_address_included
    assert sheet.address_lines == () and sheet.access_notes == ()
    assert PROTECTED_STREET not in all_text(left_out)
    assert "Rosengård" not in sheet.area
    marked = included.visits[1]
    assert marked.protected_identity and marked.protected_address_included
    assert marked.address_lines[0] == PROTECTED_STREET
    # Unprotected persons are never marked.
    assert not included.visits[0].protected_address_included


def test_whole_operation_and_empty_day(world):
    fresh, seeded = world
    store = login(fresh.path, "team_lead_police")
    try:
        whole = gather(store, BriefingRequest(seeded.operation_id, seeded.team_id, None))
        empty = gather(
            store, BriefingRequest(seeded.operation_id, seeded.team_id, DAY + dt.timedelta(days=1))
        )
        other_team = gather(store, BriefingRequest(seeded.operation_id, seeded.other_team_id, DAY))
    finally:
        store.lock()
    assert len(whole.visits) == 3
    assert empty.visits == () and empty.dates == (DAY + dt.timedelta(days=1),)
    assert other_team.visits == ()


def test_unknown_team_operation_or_day_outside(world):
    fresh, seeded = world
    store = login(fresh.path, "team_lead_police")
    try:
        with pytest.raises(NotFound):
            gather(store, BriefingRequest(seeded.operation_id, 9999, DAY))
        with pytest.raises(NotFound):
            gather(store, BriefingRequest(9999, seeded.team_id, DAY))
        with pytest.raises(ValidationError):
            gather(
                store,
                BriefingRequest(seeded.operation_id, seeded.team_id, DAY - dt.timedelta(days=1)),
            )
    finally:
        store.lock()


def test_user_without_agency_key_gets_no_agency_text(world):
    fresh, seeded = world
    # The administrator holds the social key only: social text, nothing else.
    data = gather(fresh.admin, BriefingRequest(seeded.operation_id, seeded.team_id, DAY))
    text = all_text(data)
    assert CANARY["social"] in text
    assert CANARY["police"] not in text and CANARY["probation"] not in text
