"""The import wizard: choose a file, map its columns, review, import all rows or none."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard

from desktop.services.importing import ImportPreview, Table, auto_mapping
from desktop.services.transfer import DatabasePersonLookup, ImportResult, TransferServices
from desktop.views.importing.pages import FilePage, MappingPage
from desktop.views.importing.preview_page import PreviewPage
from desktop.views.runner import error_message, publish_done, run_query
from desktop.views.shell.crash import technical_report
from desktop.views.worker import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from desktop.services.bundle import Services
    from desktop.views.changes_hub import ChangesHub

log = logging.getLogger(__name__)


class _ProgressRelay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call across threads."""

    progressed = Signal(int, int)


class ImportWizard(QWizard):
    """Three pages; the last one's Importera button runs the import in the background.

    Signals:
        imported(object): the :class:`ImportResult` after a successful import.
    """

    imported = Signal(object)

    FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE = range(3)

    def __init__(
        self,
        transfer: TransferServices,
        hub: ChangesHub | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.transfer = transfer
        self._hub = hub
        self._today = today
        self.path: Path | None = None
        self.table: Table | None = None
        self.mapping: dict[str, str | None] = {}
        self.preview: ImportPreview | None = None
        self.import_result: ImportResult | None = None
        self._lookup: DatabasePersonLookup | None = None
        self._tasks: list[BackgroundTask] = []
        self._relay = _ProgressRelay(self)
        # Screens are grabbed right after they are built: no time for a background check.
        self.synchronous_preview = False
        self.setWindowTitle(self.tr("Importera kartläggningslista"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Importera"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Nästa >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Tillbaka"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Avbryt"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.setPage(self.FILE_PAGE, self.file_page)
        self.setPage(self.MAPPING_PAGE, self.mapping_page)
        self.setPage(self.PREVIEW_PAGE, self.preview_page)
        self._relay.progressed.connect(self.preview_page.show_progress)
        self.resize(1100, 720)

    # --- state --------------------------------------------------------------------------
    def show_preview_of(self, path: Path) -> None:
        """Load ``path`` and go straight to the checked preview (on this thread)."""
        self.synchronous_preview = True
        self.file_page.load(path)
        self.restart()
        self.next()
        self.next()

    def load_file(self, path: Path) -> None:
        """Read ``path`` and match its headers (DomainError if it cannot be used)."""
        table = self.transfer.imports.read(path)
        self.path, self.table, self.preview = path, table, None
        self.mapping = auto_mapping(table.headers)

    def reload_file(self) -> None:
        """Read the file again after it was corrected, keeping the hand mapping."""
        if self.path is None:
            return
        imports, path = self.transfer.imports, self.path
        table = run_query(
            self,
            self.tr("Importera"),
            lambda: imports.read(path),
            refused=lambda text, _error: self.preview_page.summary.setText(text),
        )
        if table is None:
            return
        mapping = auto_mapping(table.headers)
        mapping.update({h: f for h, f in self.mapping.items() if h in mapping})
        self.table, self.mapping, self.preview = table, mapping, None
        self.start_preview()

    def compute_preview(self) -> ImportPreview:
        """Validate and look up duplicates now, on this thread (for screens and tests)."""
        lookup, preview = self._previewed()
        self._lookup, self.preview = lookup, preview
        self.preview_page.show_preview(preview)
        return preview

    def _previewed(self) -> tuple[DatabasePersonLookup, ImportPreview]:
        assert self.table is not None
        lookup = self._lookup or self.transfer.imports.lookup()
        preview = self.transfer.imports.preview(self.table, self.mapping, self._today, lookup)
        return lookup, preview

    def start_preview(self) -> None:
        """Check the file off the GUI thread; the page fills when the answer comes."""
        self.preview = None
        if self.synchronous_preview:
            self.compute_preview()
            return
        self.preview_page.set_busy(True, self.tr("Kontrollerar raderna…"))

        def done(answer: tuple[DatabasePersonLookup, ImportPreview]) -> None:
            lookup, preview = answer
            self._lookup, self.preview = lookup, preview
            self.preview_page.set_busy(False)
            self.preview_page.show_preview(preview)

        self._run(self._previewed, done)

    def start_import(self) -> None:
        """Save the previewed rows in one transaction, off the GUI thread."""
        preview = self.preview
        if preview is None or preview.has_blocking_errors or self.import_result is not None:
            return
        name = self.path.name if self.path else preview.source_name
        self.preview_page.set_busy(True, self.tr("Importerar…"))
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        emit = self._relay.progressed.emit

        def work() -> ImportResult:
            return self.transfer.imports.import_rows(
                preview, name, self._today, progress=lambda d, t: emit(d, t)
            )

        self._run(work, self._imported)

    def _imported(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self.import_result = result
        self.preview_page.set_busy(False)
        self.preview_page.summary.setText(
            self.tr(
                "Importen är klar: {created} nya personer, {merged} sammanslagna, "
                "{skipped} överhoppade rader, {groups} nya grupperingar."
            ).format(
                created=result.created,
                merged=result.merged,
                skipped=result.skipped,
                groups=result.groups_created,
            )
        )
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        cancel = self.button(QWizard.WizardButton.CancelButton)
        cancel.setEnabled(True)
        cancel.setText(self.tr("&Stäng"))
        cancel.setFocus()
        publish_done(self._hub, result)
        self.imported.emit(result)

    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        task = run_in_background(fn, on_done, self._failed, self)
        self._tasks.append(task)
        task.finished.connect(lambda _r, t=task: self._forget(t))
        task.failed.connect(lambda _e, t=task: self._forget(t))

    def _forget(self, task: BackgroundTask) -> None:
        if task in self._tasks:
            self._tasks.remove(task)

    def _failed(self, error: BaseException) -> None:
        self.preview_page.set_busy(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        message = error_message(error)
        if message is None:
            log.error("Import failed\n%s", technical_report(error))
            message = self.tr("Något gick fel. Felet är loggat.")
        self.preview_page.summary.setText(
            self.tr("Ingenting importerades. {message}").format(message=message)
        )

    @property
    def busy(self) -> bool:
        return bool(self._tasks)


def open_import_wizard(
    services: Services, hub: ChangesHub | None, parent: QWidget | None = None
) -> ImportWizard:
    """Open the import wizard as a window (what the persons page's menu action calls)."""
    wizard = ImportWizard(services.transfer, hub, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard
