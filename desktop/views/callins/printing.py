"""Letters and attendee lists go through the print workflow (serials, audit, preview).

``PrintService`` (issue 6) takes the serial, logs the print and renders the PDF, off
the GUI thread, into memory (never onto disk); the preview dialog then logs whether it
went to a printer or a file.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.messages import Language
from desktop.services.briefing.printing import PrintService
from desktop.services.bundle import Services
from desktop.services.permissions import Action, allowed
from desktop.views.changes_hub import ChangesHub
from desktop.views.printing.preview import BuiltPdf, PrintPreviewDialog, build_in_memory
from desktop.views.runner import publish_done, report_failure
from desktop.views.worker import BackgroundTask, run_in_background

LETTERS = "letters"
ATTENDEES = "attendees"


class CallInPrinter(QObject):
    """Prints a call-in's letters or attendee list; the print's Changes reach the hub once
    (``publish_done``); ``printed`` only tells the detail to show the printed dates."""

    printed = Signal()

    def __init__(
        self, service: PrintService, parent: QObject | None = None, *, hub: ChangesHub | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._hub = hub
        self._task: BackgroundTask | None = None
        self._parent: QWidget | None = None
        self.preview: PrintPreviewDialog | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, parent: QWidget, kind: str, call_in_id: int, lang: Language = "sv") -> None:
        """Print ``kind`` for the call-in, its words in ``lang`` (the letters' language
        is the one chosen for them; the attendance list's the interface's)."""
        if self._task is not None:
            return
        self._parent = parent
        service = self._service
        if kind == LETTERS:
            job = lambda: build_in_memory(  # noqa: E731
                lambda out: service.print_invitation_letters(call_in_id, out, lang=lang)
            )
        else:
            job = lambda: build_in_memory(  # noqa: E731
                lambda out: service.print_callin_attendees(call_in_id, out, lang=lang)
            )
        self._task = run_in_background(job, self._built, self._failed, self)

    def _built(self, result: object) -> None:
        self._task = None
        assert isinstance(result, BuiltPdf)
        serial = result.result.serial
        publish_done(self._hub, result.result)
        self.printed.emit()
        self.preview = PrintPreviewDialog(
            result.pdf,
            serial,
            self._service.record_output,
            self.tr("Stormöte %1").replace("%1", serial),
            self._parent,
        )
        self.preview.open()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        report_failure(self._parent, self.tr("Utskrift"), error)


def call_in_printer(
    services: Services, parent: QObject | None = None, *, hub: ChangesHub | None = None
) -> CallInPrinter | None:
    """A printer for the page, or None when the user's role may not print."""
    if not allowed(services.store.identity.role, Action.PRINT):
        return None
    return CallInPrinter(services.briefing.printing, parent, hub=hub)
