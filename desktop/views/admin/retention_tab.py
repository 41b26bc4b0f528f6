"""Retention rules per category and agency, a run now, and persons listed for review."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models import RetentionCategory
from desktop.services.security import SecurityServices
from desktop.services.security.retention import RuleRow
from desktop.views.admin.models import ReviewTableModel, RulesTableModel, category_label
from desktop.views.changes_hub import ChangesHub
from desktop.views.labels import AGENCY_LABELS, agency_label
from desktop.views.runner import run_change, run_query
from desktop.views.widgets.tables import compact_table


class RuleDialog(QDialog):
    def __init__(self, rule: RuleRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gallringsregel"))
        form = QFormLayout()
        self.category = QComboBox()
        for category in RetentionCategory:
            self.category.addItem(category_label(category), category)
        self.agency = QComboBox()
        self.agency.addItem(self.tr("Alla myndigheter"), None)
        for code in AGENCY_LABELS:
            self.agency.addItem(agency_label(code, code), code)
        self.days = QSpinBox()
        self.days.setRange(1, 36_500)
        self.days.setSuffix(self.tr(" dagar"))
        self.legal = QLineEdit()
        self.legal.setPlaceholderText(self.tr("t.ex. 2 kap. 12 § PDL, 3 år"))
        self.active = QCheckBox(self.tr("Gäller"))
        self.active.setChecked(True)
        if rule is not None:
            self.category.setCurrentIndex(self.category.findData(rule.category))
            self.agency.setCurrentIndex(self.agency.findData(rule.agency_code))
            self.days.setValue(rule.keep_days)
            self.legal.setText(rule.legal_text)
            self.active.setChecked(rule.active)
        else:
            self.days.setValue(365)
        form.addRow(self.tr("&Uppgifter"), self.category)
        form.addRow(self.tr("&Myndighet"), self.agency)
        form.addRow(self.tr("&Sparas"), self.days)
        form.addRow(self.tr("&Lagstöd och frist"), self.legal)
        form.addRow("", self.active)
        self.error = QLabel()
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)


class RetentionTab(QWidget):
    def __init__(
        self,
        security: SecurityServices,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        super().__init__(parent)
        self._security = security
        self._hub = hub  # the runner publishes each change there, once
        self.rules_model = RulesTableModel(self)
        self.review_model = ReviewTableModel(self)
        self.rules = compact_table(self.rules_model, self.tr("Gallringsregler"))
        self.review = compact_table(self.review_model, self.tr("Personer att granska"))
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&Ny regel…"))
        self.edit_button = QPushButton(self.tr("&Ändra…"))
        self.run_button = QPushButton(self.tr("Gallra n&u"))
        for button in (self.new_button, self.edit_button, self.run_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.new_button.clicked.connect(lambda: self.edit_rule(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.run_button.clicked.connect(self.run_now)
        self.delete_button = QPushButton(self.tr("&Radera markerade personer…"))
        self.delete_button.clicked.connect(self.delete_reviewed)
        self.status = QLabel()
        self.status.setWordWrap(True)
        review_head = QHBoxLayout()
        review_head.addWidget(
            QLabel(self.tr("Personer utan aktivitet under regelns tid – granska innan radering"))
        )
        review_head.addStretch(1)
        review_head.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.rules, 2)
        layout.addWidget(self.status)
        layout.addLayout(review_head)
        layout.addWidget(self.review, 1)

    def _say(self, text: str, _error: BaseException) -> None:
        self.status.setText(text)

    def reload(self) -> None:
        retention = self._security.retention
        title = self.tr("Gallring")
        rules = run_query(self, title, retention.rules, refused=self._say)
        review = run_query(self, title, retention.persons_for_review, refused=self._say)
        if rules is not None and review is not None:
            self.rules_model.set_rows(rules)
            self.review_model.set_rows(review)

    def _edit_selected(self) -> None:
        index = self.rules.currentIndex()
        if index.isValid():
            self.edit_rule(self.rules_model.row_at(index.row()))

    def edit_rule(self, rule: RuleRow | None) -> None:
        dialog = RuleDialog(rule, self)
        retention = self._security.retention
        while dialog.exec() == QDialog.DialogCode.Accepted:
            save = partial(
                retention.save_rule,
                dialog.category.currentData(),
                dialog.agency.currentData(),
                dialog.days.value(),
                dialog.legal.text(),
                rule.id if rule else None,
                dialog.active.isChecked(),
            )
            saved = run_change(
                self,
                self.tr("Gallringsregel"),
                save,
                hub=self._hub,
                refused=lambda text, _error: dialog.error.setText(text),
            )
            if saved is not None:
                self.reload()
                return

    def run_now(self) -> None:
        result = run_change(
            self,
            self.tr("Gallra"),
            self._security.retention.run,
            hub=self._hub,
            refused=self._say,
        )
        if result is None:
            return
        self.status.setText(
            self.tr("Gallringen raderade %n poster.", "", result.total)
            + " "
            + self.tr("%n personer väntar på granskning.", "", result.for_review)
        )
        self.reload()

    def delete_reviewed(self) -> None:
        rows = {i.row() for i in self.review.selectionModel().selectedRows()}
        ids = [r.person_id for r in (self.review_model.row_at(i) for i in rows) if r]
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Radera personer"),
            self.tr(
                "Radera %n personer och allt som hör till dem? Det går inte att ångra.",
                "",
                len(ids),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        deleted = run_change(
            self,
            self.tr("Radera personer"),
            lambda: self._security.retention.delete_reviewed_persons(ids),
            hub=self._hub,
            reauth=self._security.reauth,
        )
        if deleted is not None:
            self.reload()
