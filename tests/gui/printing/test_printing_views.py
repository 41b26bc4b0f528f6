"""Preview, briefing dialog and template editor; no PDF ever lands on disk unasked."""

from __future__ import annotations

import io
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from platformdirs import user_cache_path
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services.briefing import BriefingRequest, TemplateService
from desktop.services.briefing import templates as tpl
from desktop.services.changes import Changes
from desktop.services.errors import ValidationError
from desktop.views.changes_hub import ChangesHub
from desktop.views.printing.briefing_dialog import BriefingDialog
from desktop.views.printing.preview import PrintPreviewDialog, build_in_memory
from desktop.views.printing.template_editor import TemplateEditorDialog
from tests.unit.briefing.seed import DAY


def output_actions(fresh, serial: str) -> list[str]:
    with fresh.admin.read_session() as session:
        return [
            e.action
            for e in session.scalars(
                select(AuditEntry).where(AuditEntry.detail == f"serial={serial}")
            )
        ]


def pdfs_under(folder: Path, since: float) -> list[Path]:
    """PDFs (and partial PDFs) below ``folder`` written at or after ``since``."""
    if not folder.is_dir():
        return []
    return [
        p
        for p in folder.rglob("*")
        if p.is_file() and ".pdf" in p.name.lower() and p.stat().st_mtime >= since
    ]


@pytest.fixture
def scratch(tmp_path, monkeypatch) -> Iterator[Path]:
    """Send every temporary and cache file of the test to one folder, then check it.

    TMPDIR (Python and Qt), Python's cached temp dir and the user cache folder all
    point into ``scratch``; after the test no PDF may be there, nor in the real cache.
    """
    since = time.time() - 1
    real_cache = user_cache_path("Rondplan", appauthor=False)
    sandbox = tmp_path / "scratch"
    for sub in ("tmp", "cache"):
        (sandbox / sub).mkdir(parents=True)
    monkeypatch.setenv("TMPDIR", str(sandbox / "tmp"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(sandbox / "cache"))
    monkeypatch.setattr(tempfile, "tempdir", str(sandbox / "tmp"))
    yield sandbox
    assert pdfs_under(sandbox, since) == []
    assert pdfs_under(real_cache, since) == []


def test_preview_builds_in_memory_shows_pages_saves_and_prints(
    qtbot, world, services, tmp_path, scratch
):
    fresh, seeded = world
    request = BriefingRequest(seeded.operation_id, seeded.team_id, DAY)
    built = build_in_memory(lambda out: services.printing.print_briefing(request, out))
    assert built.result.path is None
    serial = built.result.serial
    dialog = PrintPreviewDialog(built.pdf, serial, services.printing.record_output)
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() == len(PdfReader(io.BytesIO(built.pdf)).pages) > 1
    assert serial in dialog.info.text()
    assert f"{dialog.document.pageCount()} sidor" in dialog.info.text()
    assert pdfs_under(scratch, 0) == []

    saved = tmp_path / "kopia"
    dialog.save_to(saved)
    assert saved.with_suffix(".pdf").read_bytes() == built.pdf

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "skrivare.pdf"
    printer.setOutputFileName(str(printed))
    dialog.print_to(printer)
    assert len(PdfReader(printed).pages) == dialog.document.pageCount()

    assert output_actions(fresh, serial) == ["print.save", "print.printer"]
    dialog.reject()


def test_briefing_dialog_builds_in_background_and_opens_preview(qtbot, world, services, scratch):
    _, seeded = world
    hub = ChangesHub()
    published: list[Changes] = []
    hub.changes_applied.connect(published.append)
    dialog = BriefingDialog(services, hub=hub)
    qtbot.addWidget(dialog)
    assert dialog.team.count() == 2
    assert dialog.day.currentData() == DAY
    assert dialog.build_button.isEnabled()
    dialog.protected.setChecked(True)
    assert not dialog.warning.isHidden()
    dialog.protected.setChecked(False)
    dialog.whole.setChecked(True)
    request = dialog.request()
    assert request == BriefingRequest(seeded.operation_id, seeded.team_id, None, False)
    with qtbot.waitSignal(hub.changes_applied, timeout=20_000):
        dialog.start(request)
    assert dialog.preview is not None
    # The print wrote its serial and audit: the hub heard it once, as a print.
    qtbot.wait(100)  # let any queued second publish arrive before counting
    assert len(published) == 1
    assert published[0].touches("print_record")
    assert dialog.preview.document.pageCount() > 1
    assert not dialog.busy.isVisible()
    assert f"{dialog.preview.document.pageCount()} sidor" in dialog.preview.info.text()
    assert pdfs_under(scratch, 0) == []  # not even while the preview is open
    dialog.preview.reject()


def test_failed_build_leaves_nothing_behind(qtbot, world, services, scratch, monkeypatch):
    _, seeded = world

    def half_then_fail(request, out):
        out.write(b"%PDF-1.4 half a briefing")
        raise ValidationError("Underlaget kunde inte skapas.")

    monkeypatch.setattr(services.printing, "print_briefing", half_then_fail)
    dialog = BriefingDialog(services)
    qtbot.addWidget(dialog)
    dialog.start(BriefingRequest(seeded.operation_id, seeded.team_id, DAY))
    qtbot.waitUntil(lambda: dialog._task is None, timeout=20_000)
    assert dialog.status.text() == "Underlaget kunde inte skapas."
    assert dialog.preview is None
    assert dialog.build_button.isEnabled()


def test_a_day_without_visits_is_refused_with_a_message(qtbot, world, services, scratch):
    import datetime as dt

    _, seeded = world
    dialog = BriefingDialog(services)
    qtbot.addWidget(dialog)
    # The day's visits went away after the dialog listed the day (or a stale choice).
    empty = BriefingRequest(seeded.operation_id, seeded.team_id, DAY + dt.timedelta(days=1))
    dialog.start(empty)
    qtbot.waitUntil(lambda: dialog._task is None, timeout=20_000)
    assert dialog.status.text() == (
        "Teamet har inga besök den dagen, så det finns inget att skriva ut. Välj en dag med besök."
    )
    assert dialog.preview is None
    assert pdfs_under(scratch, 0) == []
    # The choices were read again and still offer the days that have visits.
    assert dialog.day.currentData() == DAY
    assert dialog.build_button.isEnabled()


def test_team_without_visits_cannot_build(qtbot, services):
    dialog = BriefingDialog(services)
    qtbot.addWidget(dialog)
    dialog.team.setCurrentIndex(1)
    assert not dialog.build_button.isEnabled()
    assert dialog.status.text()


def test_template_editor_saves_a_new_version(qtbot, world):
    fresh, _ = world
    templates = TemplateService(fresh.admin)
    hub = ChangesHub()
    heard: list = []
    hub.changes_applied.connect(heard.append)
    dialog = TemplateEditorDialog(templates, hub=hub)
    qtbot.addWidget(dialog)
    keys = [r.key for r in templates.current()]
    dialog.keys.setCurrentRow(keys.index(tpl.CONTACTS))
    dialog.body.setPlainText("Ring samordnaren: 070-000 00 00")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert len(heard) == 1  # published once, by the runner
    assert templates.history(tpl.CONTACTS)[0].body == "Ring samordnaren: 070-000 00 00"
    assert "Version" in dialog.version.text()
    dialog.body.setPlainText("   ")
    dialog.save()
    assert dialog.message.text() == "Mallens text får inte vara tom."


def test_template_editor_offers_the_letters_contact_line(qtbot, world):
    """Issue 18: the letter's contact line is a template the administrator edits; the
    editor says which fields are filled in from the programme's coordinator."""
    fresh, _ = world
    templates = TemplateService(fresh.admin)
    dialog = TemplateEditorDialog(templates)
    qtbot.addWidget(dialog)
    titles = [dialog.keys.item(i).text() for i in range(dialog.keys.count())]
    dialog.keys.setCurrentRow(titles.index("Kontaktrad i inbjudningsbrevet"))
    assert "{telefon}" in dialog.body.toPlainText()
    assert "{telefon}" in dialog.message.text() and "samordnare" in dialog.message.text()
    dialog.keys.setCurrentRow(titles.index("Budskapet"))
    assert dialog.message.text() == ""
