"""Screen ``import``: the wizard's preview page with a small problem file loaded.

Only fictitious rows: the screenshot command may run against a real database, and
the file is plaintext on disk. It lives in a folder made by the factory and removed
as soon as the wizard has read it (the preview is built on this thread).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.services.exporting import write_csv
from desktop.services.importing import TEMPLATE_HEADERS
from desktop.views.importing.wizard import ImportWizard


def _row(**cells: str) -> list[str]:
    return [cells.get(header.replace(" ", "_"), "") for header in TEMPLATE_HEADERS]


def problem_file(folder: Path) -> Path:
    """A fictitious list with a few typical mistakes and a duplicate within the file."""
    rows = [
        _row(
            Förnamn="Linnea",
            Efternamn="Fiktiv",
            Födelsedatum="2005-03-14",
            Adress="Exempelgatan 3",
            Postnummer="214 32",
            Ort="Malmö",
            Område="Sofielund",
            Gruppering="Norra nätverket",
            Roll="medlem",
            Kategori="övrig",
        ),
        _row(
            Förnamn="Omar",
            Efternamn="Testsson",
            Personnummer="050314-1235",
            Postnummer="2143",
            Ort="Malmö",
            Gruppering="Norra nätverket",
        ),
        _row(Förnamn="Elias", Efternamn="", Födelsedatum="2006-02-30", Kategori="farlig"),
        _row(
            Förnamn="Sami",
            Efternamn="Prov",
            Födelsedatum="2004-11-02",
            Tolkbehov="kanske",
            Telefon="070-174 06 60",
            Språk="arabiska",
            Gruppering="Södra",
        ),
        _row(Förnamn="Leo", Efternamn="Demo", Födelsedatum="2007-06-01", Skyddad_identitet="ja"),
    ]
    # The same fictitious person twice: shows the duplicate warning without any real one.
    rows.append(
        _row(Förnamn="Linnea", Efternamn="Fiktiv", Födelsedatum="2005-03-14", Gruppering="Södra")
    )
    path = folder / "kartläggning-vecka-47.csv"
    write_csv(path, TEMPLATE_HEADERS, rows)
    return path


def import_wizard(services: Services) -> QWidget:
    wizard = ImportWizard(services.transfer)
    with tempfile.TemporaryDirectory(prefix="rondplan-import-screen-") as folder:
        wizard.show_preview_of(problem_file(Path(folder)))
    return wizard


SCREENS = {"import": import_wizard}
