"""Importing a police list of incidents: dry run, per-row codes, all or nothing, no
duplicate by reference; and ``rondplan import --kind incidents``."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.models import IncidentKind, IncidentSide
from tests.factories import PASSWORD, database_args
from tests.unit.incidents.factories import user

HEADER = "Diarienummer;Typ;Säkerhet;Datum;Tid;Område;Skadade;Döda;Misstänkt grupp;Drabbad grupp\n"
GOOD = (
    "5000-K10-26;Skottlossning;bekräftad;2026-05-02;21:40;Rosengård;1;0;Grupp A;Grupp B\n"
    "5000-K11-26;sprängning;trolig;2026-05-20;03:10;Fosie;0;0;;Grupp A\n"
)


def _write(tmp_path, body, name="lista.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_a_clean_list_is_imported_whole(world, tmp_path):
    path = _write(tmp_path, GOOD)
    with user(world, "officer_police") as (_, inc):
        dry = inc.importer.import_file(path, dry_run=True)
        assert (dry.rows, dry.created, dry.errors) == (2, 0, ())
        assert inc.register.rows() == []
        report = inc.importer.import_file(path, dry_run=False)
        assert (report.rows, report.created, report.errors) == (2, 2, ())
        rows = {r.reference: r for r in inc.register.rows()}
        first = rows["5000-K10-26"]
        assert (first.kind, first.injured, first.district) == (
            IncidentKind.SHOOTING,
            1,
            "Rosengård",
        )
        assert (first.suspected_groups, first.victim_groups) == (("Grupp A",), ("Grupp B",))
        detail = inc.register.get(rows["5000-K11-26"].id)
        assert [(g.group_name, g.side) for g in detail.groups] == [("Grupp A", IncidentSide.VICTIM)]


def test_any_bad_row_refuses_the_whole_file(world, tmp_path):
    body = GOOD + (
        "5000-K10-26;Skottlossning;;2026-05-03;;;0;0;;\n"  # the same reference again
        "5000-K12-26;Slagsmål;;2026-05-04;;;0;0;;\n"  # an unknown kind
        "5000-K13-26;Hot;;4 maj;;;0;0;;\n"  # a date not in ISO form
        "5000-K14-26;Hot;;2026-05-05;;;0;0;Okänd grupp;\n"  # a group not in the mapping
        "5000-K15-26;Hot;;2099-01-01;;;0;0;;\n"  # in the future
        "5000-K16-26;Hot;;2026-05-06;;;tre;0;;\n"  # not a number
    )
    path = _write(tmp_path, body)
    with user(world, "coordinator_police") as (_, inc):
        report = inc.importer.import_file(path, dry_run=False)
        assert report.created == 0
        assert [(e.row, e.field, e.code) for e in report.errors] == [
            (4, "reference", "incident_import.reference_twice"),
            (5, "kind", "incident_import.kind_unknown"),
            (6, "date", "incident_import.date_invalid"),
            (7, "suspected_groups", "incident_import.group_unknown"),
            (8, "occurred_at", "incident.in_future"),
            (9, "injured", "incident.count_invalid"),
        ]
        assert inc.register.rows() == []


def test_a_reference_already_registered_is_refused(world, tmp_path):
    path = _write(tmp_path, GOOD)
    with user(world, "officer_police") as (_, inc):
        inc.importer.import_file(path, dry_run=False)
        again = inc.importer.import_file(path, dry_run=False)
        assert {e.code for e in again.errors} == {"incident_import.reference_exists"}
        assert len(inc.register.rows()) == 2


def test_the_command_line_imports_and_refuses(world, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    args = ["import", *database_args(world.path), "--user", "officer_police", "--kind", "incidents"]
    bad = _write(tmp_path, "5000-K20-26;Slagsmål;;2026-05-04;;;0;0;;\n", "fel.csv")
    assert main([*args, str(bad)]) == 1
    err = capsys.readouterr().err
    assert "rad 2, Typ: Okänd typ av händelse" in err  # the file's heading, not the code
    assert "Ingenting importerades: 1 rad har fel." in err
    good = _write(tmp_path, GOOD)
    assert main([*args, "--dry-run", str(good)]) == 0
    assert "2 händelser utan fel. Ingenting importerades." in capsys.readouterr().out
    assert main([*args, str(good)]) == 0
    assert "Importerade lista.csv: 2 händelser." in capsys.readouterr().out


@pytest.mark.parametrize("username", ["officer_social", "team_lead_police"])
def test_only_those_who_enter_incidents_import_them(world, tmp_path, username):
    from desktop.services.errors import PermissionDenied

    path = _write(tmp_path, GOOD)
    with user(world, username) as (_, inc), pytest.raises(PermissionDenied):
        inc.importer.import_file(path, dry_run=False)


def test_no_template_is_written_for_an_incident_list(tmp_path, capsys):
    """`import --template F --kind incidents` wrote the mapping list's template instead."""
    target = tmp_path / "mall.csv"
    assert main(["import", "--template", str(target), "--kind", "incidents"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("rondplan: Det finns ingen mall för en händelselista")
    assert "(krävs: diarienummer, typ, datum)" in err[0]
    assert not target.exists()
