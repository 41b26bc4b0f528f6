"""Preview, briefing dialog, template editor and the temporary print folder."""

from __future__ import annotations

import os
import stat

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services.briefing import BriefingRequest, TemplateService
from desktop.services.briefing import templates as tpl
from desktop.views.printing.briefing_dialog import BriefingDialog
from desktop.views.printing.preview import PrintPreviewDialog
from desktop.views.printing.tempfiles import PrintFolder
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


def test_print_folder_is_owner_only_and_clears_stale_files(tmp_path):
    base = tmp_path / "print"
    base.mkdir()
    stale = base / "gammal.pdf"
    stale.write_bytes(b"%PDF old")
    folder = PrintFolder(base)
    path = folder.new_path()
    assert not stale.exists()
    if os.name == "posix":  # Windows has no mode bits; the folder is in the user's profile
        assert stat.S_IMODE(base.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    folder.remove(path)
    assert not path.exists()


def test_preview_shows_pages_saves_prints_and_removes_its_file(
    qtbot, world, services, folder, tmp_path
):
    fresh, seeded = world
    path = folder.new_path()
    result = services.printing.print_briefing(
        BriefingRequest(seeded.operation_id, seeded.team_id, DAY), path
    )
    dialog = PrintPreviewDialog(path, result.serial, services.printing.record_output, folder)
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() == len(PdfReader(path).pages) > 1
    assert result.serial in dialog.info.text()

    saved = tmp_path / "kopia"
    dialog.save_to(saved)
    assert saved.with_suffix(".pdf").read_bytes() == path.read_bytes()

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "skrivare.pdf"
    printer.setOutputFileName(str(printed))
    dialog.print_to(printer)
    assert len(PdfReader(printed).pages) == dialog.document.pageCount()

    assert output_actions(fresh, result.serial) == ["print.save", "print.printer"]
    dialog.reject()
    assert not path.exists()


def test_briefing_dialog_builds_in_background_and_opens_preview(qtbot, world, services, folder):
    _, seeded = world
    dialog = BriefingDialog(services, folder)
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
    with qtbot.waitSignal(dialog.printed, timeout=20_000):
        dialog.start(request)
    assert dialog.preview is not None
    assert dialog.preview.document.pageCount() > 1
    assert not dialog.busy.isVisible()
    dialog.preview.reject()
    assert list(folder.folder.iterdir()) == []


def test_team_without_visits_cannot_build(qtbot, services, folder):
    dialog = BriefingDialog(services, folder)
    qtbot.addWidget(dialog)
    dialog.team.setCurrentIndex(1)
    assert not dialog.build_button.isEnabled()
    assert dialog.status.text()


def test_template_editor_saves_a_new_version(qtbot, world):
    fresh, _ = world
    templates = TemplateService(fresh.admin)
    dialog = TemplateEditorDialog(templates)
    qtbot.addWidget(dialog)
    keys = [r.key for r in templates.current()]
    dialog.keys.setCurrentRow(keys.index(tpl.CONTACTS))
    dialog.body.setPlainText("Ring samordnaren: 070-000 00 00")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert templates.history(tpl.CONTACTS)[0].body == "Ring samordnaren: 070-000 00 00"
    assert "Version" in dialog.version.text()
    dialog.body.setPlainText("   ")
    dialog.save()
    assert dialog.message.text() == "Mallens text får inte vara tom."
