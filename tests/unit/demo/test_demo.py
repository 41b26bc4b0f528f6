"""Demo data: counts, determinism, accounts, the ledger, the operation, fictitious names."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop.cli import main
from desktop.models import (
    AuditEntry,
    Delivery,
    Group,
    Operation,
    Person,
    Relative,
    Setting,
    StaffMember,
    Team,
    Template,
    Visit,
    VisitStatus,
)
from desktop.services.demo import DEMO_PASSWORD, DEMO_SETTING, demo_accounts, generate_demo
from desktop.services.demo.identity import FICTION_PHONES
from desktop.services.demo.names import all_family_names, all_given_names
from desktop.services.security.notes import note_context
from desktop.services.validation import parse_identity_number
from desktop.store.audit_chain import FIELDS, GENESIS
from desktop.store.database import LockedDatabase
from desktop.store.interface import Store

TODAY = dt.date(2026, 11, 18)  # a Wednesday in the operation's second week


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    summary = generate_demo(path, seed=7, today=TODAY)
    return summary


def _login(summary, username: str = "samordnare.soc") -> Store:
    return LockedDatabase(summary.path).unlock(username, DEMO_PASSWORD)


def _count(session, model) -> int:
    return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_counts_at_malmo_scale(demo):
    store = _login(demo)
    with store.read_session() as s:
        assert _count(s, Person) == 200
        assert _count(s, Group) == 15
        assert _count(s, StaffMember) == 30
        # The main operation; the urgent rounds after incidents (issue 20) come beside it.
        regular = select(Operation.id).where(~Operation.name.startswith("Akut:"))
        assert len(s.scalars(regular).all()) == 1
        assert _count(s, select(Team).where(Team.operation_id.in_(regular)).subquery()) == 8
        assert _count(s, select(Visit).where(Visit.incident_id.is_(None)).subquery()) == 36
        assert s.execute(text("SELECT count(*) FROM incident")).scalar_one() == 40
        urgent = s.execute(
            text("SELECT count(*) FROM visit WHERE incident_id IS NOT NULL")
        ).scalar_one()
        assert urgent > 40
        responses = s.execute(
            text("SELECT count(*) FROM incident_response WHERE status = 'accepted'")
        ).scalar_one()
        assert 10 <= responses <= 40
        assert {t for t in s.scalars(select(Template.key))} >= {
            "message",
            "opening_line",
            "contacts",
            "confidentiality",
        }
        opening = s.scalars(select(Template.body).where(Template.key == "opening_line")).one()
        assert opening == "Du är inte misstänkt för något brott."
        setting = s.get(Setting, DEMO_SETTING)
        assert setting is not None and setting.value["fictitious"] is True
        kinds = set(s.execute(text("SELECT kind FROM group_relation")).scalars())
        assert kinds == {"rivalry", "alliance", "active_conflict"}
        assert s.execute(text("SELECT count(*) FROM sanction_period")).scalar_one() >= 3
        assert s.execute(text("SELECT count(*) FROM invitation")).scalar_one() >= 20
        statuses = set(s.execute(text("SELECT status FROM referral_event")).scalars())
        assert {"offered", "accepted", "completed", "declined"} <= statuses
        assert demo.counts["person"] == 200
    store.lock()


def _digest(path: Path) -> str:
    store = LockedDatabase(path).unlock("samordnare.soc", DEMO_PASSWORD)
    digest = hashlib.sha256()
    with store.read_session() as s:
        for query in (
            "SELECT id, first_name, last_name, aliases, identity_number, birth_date FROM person",
            "SELECT person_id, street, postcode, area FROM address",
            "SELECT name, area FROM group_",
            "SELECT person_id, team_id, starts_at, status FROM visit",
            "SELECT person_id, delivered_on, channel FROM delivery",
            "SELECT person_id, service_id, status FROM referral",
        ):
            for row in s.execute(text(query + " ORDER BY 1, 2")):
                digest.update(repr(tuple(row)).encode())
    store.lock()
    return digest.hexdigest()


def test_same_seed_same_data_and_another_seed_differs(demo, tmp_path):
    again = generate_demo(tmp_path / "again.db", seed=7, today=TODAY)
    other = generate_demo(tmp_path / "other.db", seed=8, today=TODAY)
    assert _digest(again.path) == _digest(demo.path)
    assert _digest(other.path) != _digest(demo.path)


def test_every_role_of_every_agency_logs_in_with_the_demo_password(demo):
    roles = {(a.role.value, a.agency_code) for a in demo_accounts()}
    for role in ("coordinator", "team_lead", "officer"):
        for agency in ("police", "social", "probation"):
            assert (role, agency) in roles
    assert {"administrator", "auditor"} <= {r for r, _ in roles}
    assert len(DEMO_PASSWORD) >= 12
    for account in demo_accounts():
        store = LockedDatabase(demo.path).unlock(account.username, DEMO_PASSWORD)
        assert store.identity.role is account.role
        assert store.identity.agency_code == account.agency_code
        expected = set() if account.role.value == "auditor" else {account.agency_code}
        if account.role.value in ("coordinator", "team_lead"):
            expected.add("__skyddad_adress__")  # issue 15: they hold protected addresses
        assert store.held_compartments() == expected
        store.lock()


def test_about_one_in_ten_reached_more_than_once(demo):
    store = _login(demo)
    with store.read_session() as s:
        per_person = s.execute(
            select(Delivery.person_id, func.count()).group_by(Delivery.person_id)
        ).all()
    store.lock()
    reached = len(per_person)
    repeats = sum(1 for _, n in per_person if n > 1)
    assert 140 <= reached <= 190
    assert 0.07 <= repeats / reached <= 0.13


def test_the_36_visits_lie_on_weekdays_within_the_two_week_operation(demo):
    store = _login(demo)
    with store.read_session() as s:
        op = s.scalars(select(Operation).where(~Operation.name.startswith("Akut:"))).one()
        visits = s.scalars(select(Visit).where(Visit.operation_id == op.id)).all()
        met = [v.id for v in visits if v.status is VisitStatus.MET]
        delivered = set(s.scalars(select(Delivery.visit_id).where(Delivery.visit_id.is_not(None))))
    store.lock()
    assert (op.end_date - op.start_date).days < 14 and op.start_date.weekday() == 0
    assert op.start_date <= TODAY <= op.end_date
    assert len(visits) == 36
    hours = set()
    for v in visits:
        assert op.start_date <= v.starts_at.date() <= op.end_date
        assert v.starts_at.weekday() < 5
        hours.add(
            "morning"
            if v.starts_at.hour < 12
            else "evening"
            if v.starts_at.hour >= 17
            else "afternoon"
        )
        past = v.starts_at.date() < TODAY
        assert (v.status is not VisitStatus.PLANNED) == past, v.starts_at
        assert (v.outcome_recorded_at is not None) == past
    assert hours == {"morning", "afternoon", "evening"}
    assert set(met) == delivered & {v.id for v in visits}
    assert met and any(v.status is VisitStatus.NOT_HOME for v in visits)


def test_every_name_comes_from_the_lists_and_numbers_are_fictitious(demo):
    given, family = all_given_names(), all_family_names()
    store = _login(demo)
    with store.read_session() as s:
        persons = s.execute(
            select(Person.first_name, Person.last_name, Person.identity_number, Person.phone)
        ).all()
        staff = s.scalars(select(StaffMember.name)).all()
        relatives = s.scalars(select(Relative.name)).all()
    store.lock()
    for first, last, number, phone in persons:
        assert first in given and last in family
        if number is not None:
            parsed = parse_identity_number(number, today=TODAY)
            assert not parsed.is_coordination
        assert phone is None or phone in FICTION_PHONES
    for name in [*staff, *relatives]:
        first, last = name.split(" ", 1)
        assert first in given and last in family, name
    assert any(re.search("[ŁłŞşğễ]", f"{a} {b}") for a, b, _, _ in persons)


def test_notes_are_sealed_per_agency_and_the_audit_chain_holds(demo):
    police = _login(demo, "handlaggare.polis")
    with police.read_session() as s:
        rows = s.execute(
            text(
                "SELECT n.id, a.code, n.ciphertext FROM note n JOIN agency a ON a.id = n.agency_id"
            )
        ).all()
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
    codes = {code for _, code, _ in rows}
    assert codes == {"police", "social", "probation"}
    nid, _, blob = next(r for r in rows if r[1] == "police")
    assert police.compartment("police").decrypt(blob, note_context(nid))
    assert police.compartment("social") is None
    prev = GENESIS
    for entry in entries:
        fields = {name: getattr(entry, name) for name in FIELDS}
        assert entry.prev_hash == prev
        assert police.audit_signer.entry_hash(prev, fields) == entry.entry_hash
        prev = entry.entry_hash
    assert [e.action for e in entries].count("demo.generate") == 1
    police.lock()


def test_command_prints_the_accounts_and_refuses_a_filled_database(tmp_path, capsys, monkeypatch):
    path = tmp_path / "cli.db"
    assert main(["demo-data", "--db", str(path), "--persons", "60", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out
    for account in demo_accounts():
        assert account.username in out
    code = re.search(r"([A-Z0-9]{4}(?:-[A-Z0-9]{4}){5})", out)
    assert code is not None
    monkeypatch.setenv("RONDPLAN_RECOVERY_CODE", code.group(1))
    monkeypatch.setenv("RONDPLAN_PASSWORD", DEMO_PASSWORD)
    args = ["demo-data", "--db", str(path), "--user", "admin"]
    assert main(args) == 1
    assert "redan personer" in capsys.readouterr().err


def test_the_demo_prints_invitation_letters_with_a_coordinator_to_call(demo, tmp_path):
    """The demo's coordinators have a work phone (their staff row), so the letters of a
    call-in print; without one the letter was refused (briefing.no_letter_contact)."""
    from desktop.models import CallIn
    from desktop.services.bundle import build_services

    store = _login(demo)
    try:
        with store.read_session() as s:
            call_in_id = s.scalars(select(CallIn.id).order_by(CallIn.id)).first()
        printing = build_services(store).briefing.printing
        for lang in ("sv", "en"):
            out = tmp_path / f"brev-{lang}.pdf"
            printing.print_invitation_letters(call_in_id, out, lang=lang)
            assert out.read_bytes().startswith(b"%PDF")
    finally:
        store.lock()
