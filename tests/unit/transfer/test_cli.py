"""``rondplan import`` and ``rondplan export``: exit codes and ``rad N, Kolumn: …`` lines."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.models import Person
from desktop.services.importing import TEMPLATE_HEADERS, read_path
from tests.factories import PASSWORD, database_args, login
from tests.unit.transfer.helpers import count, csv_file, person, write

HEADERS = list(TEMPLATE_HEADERS)
ANNA = person(Förnamn="Anna", Efternamn="Åström", Personnummer="811218-9876")
BO = person(Förnamn="Bo", Efternamn="Öberg", Gruppering="Syd")
BAD = person(Förnamn="Dan", Efternamn="Berg", Personnummer="811218-9875", Postnummer="12")


@pytest.fixture
def cli(fresh, monkeypatch, tmp_path):
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))

    def run(*args: str) -> int:
        where = database_args(fresh.path)
        return main([*args[:1], *where, "--user", "coordinator_social", *args[1:]])

    return run


def persons(fresh) -> int:
    store = login(fresh.path, "coordinator_social")
    try:
        return count(store, Person)
    finally:
        store.lock()


def test_error_rows_are_printed_and_nothing_is_imported(cli, fresh, tmp_path, capsys):
    path = write(tmp_path, "lista.csv", csv_file([HEADERS, ANNA, BAD, BO]))
    assert cli("import", str(path)) == 1
    err = capsys.readouterr().err.splitlines()
    assert any(line.startswith("rad 3, Personnummer: ") for line in err), err
    assert any(line.startswith("rad 3, Postnummer: ") for line in err), err
    assert err[-1].startswith("Ingenting importerades")
    assert persons(fresh) == 0


def test_dry_run_counts_and_imports_nothing(cli, fresh, tmp_path, capsys):
    path = write(tmp_path, "lista.csv", csv_file([HEADERS, ANNA, BO]))
    assert cli("import", str(path), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "2 rader, 2 nya personer" in out and "Ingenting importerades" in out
    assert persons(fresh) == 0


def test_import_then_duplicates_need_a_choice(cli, fresh, tmp_path, capsys):
    path = write(tmp_path, "lista.csv", csv_file([HEADERS, ANNA, BO]))
    assert cli("import", str(path)) == 0
    assert "2 nya personer" in capsys.readouterr().out
    assert cli("import", str(path)) == 1
    err = capsys.readouterr().err
    assert "rad 2: Liknar en befintlig person (Anna Åström, född 1981, samma personnummer)" in err
    english = ["--lang", "en", "import", *database_args(fresh.path), "--user", "coordinator_social"]
    assert main([*english, str(path)]) == 1
    assert (
        "row 2: Resembles an existing person (Anna Åström, born 1981, "
        "the same personal identity number). Give --on-duplicate merge, skip or create."
    ) in capsys.readouterr().err
    assert persons(fresh) == 2
    assert cli("import", str(path), "--on-duplicate", "skip") == 0
    assert persons(fresh) == 2
    assert cli("import", str(path), "--on-duplicate", "merge") == 0
    assert "2 sammanslagningar" in capsys.readouterr().out
    assert persons(fresh) == 2
    assert cli("import", str(path), "--on-duplicate", "create") == 0
    assert persons(fresh) == 4


def test_preset_maps_unknown_headers(cli, fresh, tmp_path, capsys):
    from desktop.services.importing import MappingPreset
    from desktop.services.transfer import PresetStore

    PresetStore().save(
        MappingPreset("Polisens lista", {"Namnet": "first_name", "Släkt": "last_name"})
    )
    path = write(tmp_path, "p.csv", csv_file([["Namnet", "Släkt"], ["Eva", "Dahl"]]))
    assert cli("import", str(path)) == 1
    assert "Kolumnen Förnamn saknas." in capsys.readouterr().err
    assert cli("import", str(path), "--preset", "Polisens lista") == 0
    assert persons(fresh) == 1
    assert cli("import", str(path), "--preset", "Finns inte") == 1
    assert "ingen kolumnmall" in capsys.readouterr().err


def test_template_is_written(tmp_path, capsys):
    target = tmp_path / "mall.xlsx"
    assert main(["import", "--template", str(target)]) == 0
    assert read_path(target).headers == TEMPLATE_HEADERS


def test_unreadable_file_is_one_line(cli, tmp_path, capsys):
    path = write(tmp_path, "x.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert cli("import", str(path)) == 1
    assert capsys.readouterr().err.strip() == (
        "rondplan: Filen är en äldre Excel-fil (.xls). Spara den som .xlsx eller CSV."
    )


def test_export_persons_and_groups(cli, tmp_path, capsys):
    path = write(tmp_path, "lista.csv", csv_file([HEADERS, ANNA, BO]))
    assert cli("import", str(path)) == 0
    out = tmp_path / "ut.csv"
    assert cli("export", "persons", "-o", str(out)) == 0
    assert "Exporterade 2 personer" in capsys.readouterr().out
    assert "Personnummer" not in out.read_text("utf-8-sig")
    assert cli("export", "persons", "-o", str(out), "--with-personal-numbers") == 0
    assert "19811218-9876" in out.read_text("utf-8-sig")
    assert cli("export", "groups", "-o", str(tmp_path / "g.xlsx")) == 0
    assert "Exporterade 1 gruppering till" in capsys.readouterr().out


def test_export_refused_for_officer(fresh, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("RONDPLAN_PASSWORD", PASSWORD)
    out = tmp_path / "x.csv"
    where = database_args(fresh.path)
    code = main(["export", "persons", *where, "--user", "officer_police", "-o", str(out)])
    assert code == 1
    assert "behörighet" in capsys.readouterr().err
    assert not out.exists()
