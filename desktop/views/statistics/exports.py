"""The export actions of the Statistik page: report PDF, figures XLSX, research export.

A mixin so the page module stays about one concern; it uses the page's ``_stats``,
``filters``, ``_run``, ``_ask_path``, ``_reauth`` and ``_hub`` (where an export's audit
Changes are published once, through ``publish_done``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.services.statistics.research import ResearchRequest
from desktop.views.errors_text import interface_language
from desktop.views.runner import done, publish_done, run_query
from desktop.views.statistics.dialogs import ResearchExportDialog


class ExportActions(QWidget):
    """The base of StatisticsPage: its export buttons' actions."""

    _stats: Any
    filters: Any
    _hub: Any
    _reauth: Any
    _ask_path: Any
    _run: Any
    _exported: Any

    def _ask_save_path(self, title: str, name: str, pattern: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, title, name, pattern)
        return path

    def export_pdf(self) -> None:
        path = self._ask_path(self.tr("Spara statistikrapport"), "statistik.pdf", "PDF (*.pdf)")
        period = self.filters.period()
        if not path or period is None:
            return
        filters, scope = self.filters.filters(), self.filters.scope_text()
        # The report's words follow the printing user's interface language (issue 18).
        lang = interface_language()
        self._run(
            lambda: self._stats.print_report(Path(path), period, filters, scope, lang=lang),
            lambda r: self._exported(
                r.changes, self.tr("Rapport %1 sparad.").replace("%1", r.serial)
            ),
        )

    def export_xlsx(self) -> None:
        path = self._ask_path(
            self.tr("Spara nyckeltal"), "nyckeltal.xlsx", self.tr("Excel (*.xlsx);;CSV (*.csv)")
        )
        period = self.filters.period()
        if not path or period is None:
            return
        filters, lang = self.filters.filters(), interface_language()
        self._run(
            lambda: self._stats.write_figures(Path(path), period, filters, lang),
            lambda r: self._exported(r.changes, self.tr("Nyckeltalen är sparade.")),
        )

    def export_research(self) -> None:
        # The password is asked before the dialog, not inside the job; the check itself
        # runs off the GUI thread (ReauthDialog).
        allowed = run_query(
            self,
            self.tr("Forskningsuttag"),
            done(self._stats.check_research_export),
            reauth=self._reauth,
        )
        if allowed is None:
            return
        dialog = ResearchExportDialog(self)
        if dialog.exec() != ResearchExportDialog.DialogCode.Accepted:
            return
        purpose, reason, text, key = dialog.values()
        period = self.filters.period()
        path = self._ask_path(
            self.tr("Spara forskningsuttag"),
            "forskningsuttag.xlsx",
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if not path or period is None:
            return
        request = ResearchRequest(period, purpose, reason, self.filters.filters(), text)
        self._research(Path(path), request, key or None)

    def _research(self, path: Path, request: ResearchRequest, key: str | None) -> None:
        def done(result: Any) -> None:
            publish_done(self._hub, result)
            box = QMessageBox(self)
            box.setWindowTitle(self.tr("Forskningsuttag"))
            box.setText(
                self.tr(
                    "Uttaget är sparat (%n personer). Spara nyckeln nedan säkert om samma "
                    "pseudonymer ska användas i ett senare uttag; den finns inte i filen.",
                    "",
                    result.persons,
                )
            )
            box.setDetailedText(result.key)
            box.open()

        lang = interface_language()  # the workbook's words are the user's (issue 18)
        self._run(lambda: self._stats.research_export(path, request, key, lang), done)
