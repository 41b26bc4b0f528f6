"""Drill-down, the figures workbook, the printed report and permissions."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from desktop.models import AuditEntry, PrintRecord
from desktop.services.bundle import build_services
from desktop.services.errors import PermissionDenied
from desktop.services.statistics import StatsFilter
from tests.factories import login
from tests.unit.statistics.dataset import PERIOD


def services(programme, username):
    fresh, _built = programme
    return build_services(login(fresh.path, username))


def last_audit(store):
    with store.read_session() as session:
        return session.execute(
            select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)
        ).scalar_one()


def test_persons_behind_a_figure_match_its_count_and_are_logged(programme):
    _fresh, built = programme
    stats = services(programme, "coordinator_social").statistics
    p = built.persons
    behind = stats.persons_behind("reached_more_than_once", None, PERIOD)
    assert {r.id for r in behind.persons} == {p["p1"], p["p2"]} and behind.total == 2
    entry = last_audit(stats._store)
    assert entry.action == "stats.drilldown"
    assert set(entry.object_ids.split(",")) == {str(p["p1"]), str(p["p2"])}
    assert "Zyxbertil" not in entry.detail
    met = stats.persons_behind("visits_by_outcome", "met", PERIOD)
    assert {r.id for r in met.persons} == {p["p1"], p["p2"], p["p4"]}
    cover_b = stats.persons_behind("coverage", str(built.groups["B"]), PERIOD)
    assert [r.id for r in cover_b.persons] == [p["p4"]]
    first = stats.persons_behind("days_to_first_delivery_median", None, PERIOD)
    assert {r.id for r in first.persons} == {p["p1"], p["p3"], p["p4"]}
    own = stats.persons_behind("self_initiated_contacts", None, PERIOD)
    assert [r.id for r in own.persons] == [p["p4"]]
    police = stats.persons_behind(
        "persons_reached", None, PERIOD, StatsFilter(agency_id=built.agencies["police"])
    )
    assert {r.id for r in police.persons} == {p["p1"], p["p4"]}


def test_auditor_reads_figures_but_not_the_persons_behind_them(programme):
    stats = services(programme, "auditor_social").statistics
    assert stats.figures(PERIOD).total.persons_reached == 4
    with pytest.raises(PermissionDenied):
        stats.persons_behind("persons_reached", None, PERIOD)
    with pytest.raises(PermissionDenied):
        services(programme, "officer_police").statistics.figures(PERIOD)


def test_figures_workbook(programme, tmp_path):
    stats = services(programme, "coordinator_social").statistics
    out = stats.write_figures(tmp_path / "f.xlsx", PERIOD)
    book = load_workbook(out.paths[0], read_only=True)
    assert book.sheetnames == [
        "Nyckeltal",
        "Per månad",
        "Täckning",
        "Våld per månad",
        "Våld per grupp",
        "Definitioner",
    ]
    keyrows = {(r[0], r[2]): r[3] for r in book["Nyckeltal"].iter_rows(min_row=2, values_only=True)}
    assert keyrows[("persons_reached", None)] == 4
    assert keyrows[("deliveries_by_channel", "home_visit")] == 3
    months = list(book["Per månad"].iter_rows(min_row=2, values_only=True))
    book.close()
    assert [m[0] for m in months] == [f"2026-0{i}" for i in range(1, 7)]
    assert last_audit(stats._store).action == "stats.export"
    csvs = stats.write_figures(tmp_path / "f.csv", PERIOD).paths
    assert len(csvs) == 6 and all(p.exists() for p in csvs)


def test_report_pdf_is_numbered_and_logged(programme, tmp_path):
    stats = services(programme, "auditor_social").statistics
    out = stats.print_report(tmp_path / "r.pdf", PERIOD, now=dt.datetime(2026, 7, 2, 9, 0))
    text = "".join(page.extract_text() for page in PdfReader(out.paths[0]).pages)
    assert out.serial.startswith("RP-2026-")
    assert out.serial in text
    assert "Nådda personer" in text and "Täckning per grupp" in text
    entry = last_audit(stats._store)
    assert entry.action == "print" and entry.object_type == "statistics_report"
    with stats._store.read_session() as session:
        kinds = session.scalars(select(PrintRecord.kind).where(PrintRecord.serial == out.serial))
        assert list(kinds) == ["statistics_report"]
