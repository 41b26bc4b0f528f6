"""The pseudonymised research export: no identifying text, small counts hidden, logged."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services.bundle import build_services
from desktop.services.errors import PermissionDenied
from desktop.services.statistics.research import (
    SUPPRESSED,
    ReasonCategory,
    ResearchPurpose,
    ResearchRequest,
    pseudonym,
    suppress,
)
from tests.factories import login
from tests.unit.statistics.dataset import CANARIES, PERIOD

REQUEST = ResearchRequest(
    PERIOD,
    ResearchPurpose.EVALUATION,
    ReasonCategory.COMMISSIONED_EVALUATION,
    reason_text="Avtal med Malmö universitet 2026",
)


def stats(programme, username="coordinator_social"):
    fresh, _built = programme
    return build_services(login(fresh.path, username)).statistics


def sheet(path, name):
    book = load_workbook(path, read_only=True)
    try:
        return list(book[name].iter_rows(values_only=True))
    finally:
        book.close()  # read-only workbooks keep the file open until closed


def all_text(path):
    """Every byte of every part of the XLSX, unzipped, as text."""
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


def test_suppression_rule():
    assert suppress(4) == SUPPRESSED == "<5"
    assert suppress(0) == "<5"
    assert suppress(5) == 5
    assert suppress(120) == 120


def test_no_name_personal_number_address_or_free_text_leaves(programme, tmp_path):
    out = stats(programme).research_export(tmp_path / "r.xlsx", REQUEST)
    text = all_text(out.paths[0]) + out.paths[0].read_bytes().decode("latin-1")
    for canary in CANARIES:
        assert canary not in text
    assert "Grupp A" not in text  # groups appear only as pseudonyms
    csv_out = stats(programme).research_export(tmp_path / "r.csv", REQUEST)
    for path in csv_out.paths:
        body = path.read_text(encoding="utf-8-sig")
        for canary in CANARIES:
            assert canary not in body


def test_aggregates_are_suppressed_and_rows_are_coded(programme, tmp_path):
    _fresh, built = programme
    out = stats(programme).research_export(tmp_path / "r.xlsx", REQUEST)
    path = out.paths[0]
    agg = {(r[0], r[1] or ""): r[2] for r in sheet(path, "Sammanställning")[1:]}
    assert agg[("persons_mapped", "")] == 6  # 6 ≥ 5 stays
    assert agg[("deliveries", "")] == 5  # exactly 5 stays
    assert agg[("persons_reached", "")] == "<5"  # 4 becomes "<5"
    assert agg[("deliveries_by_channel", "home_visit")] == "<5"
    assert agg[("reached_more_than_once_share", "")] == "–"  # built on counts under 5
    persons = sheet(path, "Personer")
    assert persons[0] == ("person", "födelseår", "kategori")
    assert len(persons) - 1 == out.persons == 6
    assert {row[1] for row in persons[1:]} == {2000, 2001, 2002, 2003, 2004, 2005}
    p1 = pseudonym(bytes.fromhex(out.key), "person", built.persons["p1"])
    deliveries = [r for r in sheet(path, "Delgivningar")[1:] if r[0] == p1]
    assert sorted(deliveries) == [(p1, "2026-01", "home_visit"), (p1, "2026-03", "call_in")]
    referrals = [r for r in sheet(path, "Remisser")[1:] if r[0] == p1]
    assert [r[4] for r in sorted(referrals, key=lambda r: (r[5], r[4]))][:2] == [
        "accepted",
        "offered",
    ]
    readme = dict(sheet(path, "README")[1:])
    assert readme["Motivering"] == "Avtal med Malmö universitet 2026"
    assert "<5" in readme["Röjandeskydd"]


def test_pseudonyms_are_stable_under_one_key_and_differ_under_another(programme, tmp_path):
    service = stats(programme)
    first = service.research_export(tmp_path / "a.xlsx", REQUEST)
    again = service.research_export(tmp_path / "b.xlsx", REQUEST, key=first.key)
    other = service.research_export(tmp_path / "c.xlsx", REQUEST)
    ids = [sorted(r[0] for r in sheet(o.paths[0], "Personer")[1:]) for o in (first, again, other)]
    assert ids[0] == ids[1]
    assert not set(ids[0]) & set(ids[2])
    assert first.key != other.key and len(first.key) == 64


def test_export_is_audited_with_codes_only(programme, tmp_path):
    service = stats(programme)
    service.research_export(tmp_path / "r.xlsx", REQUEST)
    with service._store.read_session() as session:
        entry = session.execute(
            select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)
        ).scalar_one()
    assert entry.action == "stats.research_export"
    assert entry.purpose == "evaluation"
    assert "reason=commissioned_evaluation" in entry.detail
    assert "persons=6" in entry.detail and "from=2026-01-01" in entry.detail
    assert entry.user_id == service._store.identity.user_id
    assert "Malmö" not in entry.detail  # the reason text stays in the export's README


def test_only_coordinators_may_export(programme, tmp_path):
    for user in ("auditor_social", "team_lead_police", "officer_social"):
        with pytest.raises(PermissionDenied):
            stats(programme, user).research_export(tmp_path / "x.xlsx", REQUEST)


def test_a_stale_password_is_asked_again(programme, tmp_path):
    from desktop.services.errors import ReauthenticationRequired
    from tests.factories import PASSWORD

    fresh, _built = programme
    services = build_services(login(fresh.path, "coordinator_social"))
    services.security.reauth.forget()
    with pytest.raises(ReauthenticationRequired):
        services.statistics.research_export(tmp_path / "r.xlsx", REQUEST)
    assert not (tmp_path / "r.xlsx").exists()
    services.security.reauth.confirm(PASSWORD)
    assert services.statistics.research_export(tmp_path / "r.xlsx", REQUEST).persons == 6
