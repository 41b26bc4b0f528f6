"""Screens for ``rondplan screenshot``: the briefing preview and the template editor."""

from __future__ import annotations

import time

from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services.briefing import BriefingRequest
from desktop.services.bundle import Services
from desktop.views.errors_text import interface_language
from desktop.views.printing.briefing_dialog import BriefingDialog
from desktop.views.printing.preview import PrintPreviewDialog, build_in_memory
from desktop.views.printing.template_editor import TemplateEditorDialog

RENDER_WAIT_S = 1.5


def first_request(services: Services) -> BriefingRequest | None:
    """The first operation's first team with visits, on its first day."""
    for operation in services.briefing.choices.operations():
        for team in operation.teams:
            if team.days:
                return BriefingRequest(
                    operation.id, team.id, team.days[0], lang=interface_language()
                )
    return None


def briefing(services: Services) -> QWidget:
    """The preview of a real briefing packet (built on the spot, not in the background)."""
    request = first_request(services)
    if request is None:
        return BriefingDialog(services.briefing)
    printing = services.briefing.printing
    built = build_in_memory(lambda out: printing.print_briefing(request, out))
    serial = built.result.serial
    dialog = PrintPreviewDialog(built.pdf, serial, printing.record_output, serial)
    # QPdfView renders pages on worker threads: show the whole first page at the
    # screenshot's size and give the renderer time before the grab.
    dialog.view.setZoomMode(QPdfView.ZoomMode.FitInView)
    dialog.resize(1280, 800)
    dialog.show()
    deadline = time.monotonic() + RENDER_WAIT_S
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    return dialog


def briefing_dialog(services: Services) -> QWidget:
    return BriefingDialog(services.briefing)


def print_templates(services: Services) -> QWidget:
    return TemplateEditorDialog(services.briefing.templates)


SCREENS = {
    "briefing": briefing,
    "briefing_dialog": briefing_dialog,
    "print_templates": print_templates,
}
