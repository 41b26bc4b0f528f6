"""Importing a police list from the Händelser page (issue 20): a check first, each row's
problem in words, then all rows or none; the register is told once."""

from __future__ import annotations

from desktop.views.incidents.import_dialog import IncidentImportDialog

HEADER = "Diarienummer;Typ;Säkerhet;Datum;Tid;Område;Skadade;Döda;Misstänkt grupp;Drabbad grupp\n"
GOOD = (
    "5000-K80-26;Skottlossning;bekräftad;2026-05-02;21:40;Rosengård;1;0;Grupp A;Grupp B\n"
    "5000-K81-26;sprängning;trolig;2026-05-20;03:10;Fosie;0;0;;Grupp A\n"
)


def test_check_then_import_and_a_bad_row_in_words(qtbot, world, as_user, tmp_path):
    session = as_user("officer_police")
    dialog = IncidentImportDialog(session.incidents.importer, session.hub)
    qtbot.addWidget(dialog)
    bad = tmp_path / "fel.csv"
    bad.write_text(HEADER + GOOD + "5000-K82-26;Bråk;bekräftad;2026-05-21;12:00;;0;0;;\n")
    dialog.path.setText(str(bad))
    dialog.run(dry_run=True)
    assert dialog.summary.text().startswith("3 rader, 1 med problem: inget importerades.")
    assert dialog.problems.item(0).text().startswith("Rad ")
    assert "Okänd typ av händelse" in dialog.problems.item(0).text()
    assert not dialog.import_button.isEnabled()
    good = tmp_path / "lista.csv"
    good.write_text(HEADER + GOOD)
    dialog.path.setText(str(good))
    dialog.run(dry_run=True)
    assert dialog.summary.text() == "2 rader utan problem. Tryck Importera för att spara alla."
    assert session.published == []  # a check saves nothing
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert dialog.summary.text() == "2 händelser importerades."
    assert [c.touches("incident") for c in session.published] == [True]  # once, on the hub
    references = {r.reference for r in session.incidents.register.rows()}
    assert {"5000-K80-26", "5000-K81-26"} <= references


def test_a_row_problem_names_the_column_as_the_file_heads_it(qtbot, world, as_user, tmp_path):
    """'Rad 4, Typ: …' (the list's own heading), not the field's code 'kind'."""
    session = as_user("officer_police")
    dialog = IncidentImportDialog(session.incidents.importer, session.hub)
    qtbot.addWidget(dialog)
    bad = tmp_path / "fel.csv"
    bad.write_text(HEADER + "5000-K83-26;Bråk;bekräftad;2026-05-21;12:00;;0;0;Okänd;\n")
    dialog.path.setText(str(bad))
    dialog.run(dry_run=True)
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert texts[0].startswith("Rad 2, Typ: Okänd typ av händelse")
    assert texts[1].startswith("Rad 2, Misstänkt grupp: ")
