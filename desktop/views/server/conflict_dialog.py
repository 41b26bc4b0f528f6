"""Two users saved the same record: show both versions and let the user choose.

Only the fields that differ are listed, each with the user's value, the stored value
and a choice between them. "Behåll mina" and "Behåll deras" choose every field at
once. The result is saved again with the stored version, so a third save in between
starts the dialog anew instead of overwriting silently.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Changes
from desktop.services.conflicts import (
    ConflictRecord,
    differing_fields,
    merge_input,
    reload_for_conflict,
)
from desktop.services.errors import ConflictError
from desktop.services.vocabulary import OUTCOME_FIELD_WORDS, QT_TRANSLATE_NOOP, VISIT_WORDS_CONTEXT
from desktop.store.interface import Store

T = TypeVar("T")
MAX_ROUNDS = 5


def shown(value: Any) -> str:
    """A value as text for the comparison (enums by value, sets sorted, bools ja/nej)."""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, frozenset | set):
        return ", ".join(sorted(shown(v) for v in value)) or "–"
    return str(value) if value not in (None, "") else "–"


class ConflictDialog(QDialog):
    """Field by field: mine or theirs. ``take_theirs()`` gives the fields chosen theirs."""

    def __init__(
        self,
        mine: object,
        theirs: ConflictRecord,
        labels: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Någon annan har ändrat samma post"))
        self.fields = differing_fields(mine, theirs)
        self.choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Medan du arbetade sparade någon annan en ändring. Välj för varje fält "
                "vilket värde som ska gälla."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        for column, title in enumerate(
            (self.tr("Fält"), self.tr("Din ändring"), self.tr("Sparat av någon annan"))
        ):
            heading = QLabel(f"<b>{title}</b>")
            grid.addWidget(heading, 0, column)
        for row, name in enumerate(self.fields, start=1):
            label = labels.get(name, name)
            grid.addWidget(QLabel(QCoreApplication.translate(VISIT_WORDS_CONTEXT, label)), row, 0)
            mine_button = QRadioButton(shown(getattr(mine, name)))
            theirs_button = QRadioButton(shown(theirs.values[name]))
            mine_button.setChecked(True)
            group = QButtonGroup(self)
            group.addButton(mine_button)
            group.addButton(theirs_button)
            grid.addWidget(mine_button, row, 1)
            grid.addWidget(theirs_button, row, 2)
            self.choices[name] = (mine_button, theirs_button)
        layout.addLayout(grid)
        buttons = QDialogButtonBox()
        self.keep_mine_button = QPushButton(self.tr("Behåll mina"))
        self.keep_theirs_button = QPushButton(self.tr("Behåll deras"))
        self.save_button = QPushButton(self.tr("Spara valen"))
        self.save_button.setDefault(True)
        buttons.addButton(self.keep_mine_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.keep_theirs_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.keep_mine_button.clicked.connect(lambda: self._choose_all(theirs_side=False))
        self.keep_theirs_button.clicked.connect(lambda: self._choose_all(theirs_side=True))
        self.save_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose_all(self, theirs_side: bool) -> None:
        for mine_button, theirs_button in self.choices.values():
            (theirs_button if theirs_side else mine_button).setChecked(True)
        self.accept()

    def choose(self, name: str, theirs_side: bool) -> None:
        """Pick one field's side (as a click on its button would)."""
        mine_button, theirs_button = self.choices[name]
        (theirs_button if theirs_side else mine_button).setChecked(True)

    def take_theirs(self) -> list[str]:
        return [name for name, (_, theirs) in self.choices.items() if theirs.isChecked()]

    def keeps_theirs_entirely(self) -> bool:
        return len(self.take_theirs()) == len(self.fields)


def resolve_conflict(
    parent: QWidget | None,
    store: Store,
    kind: str,
    entity_id: int,
    mine: T,
    save: Callable[[T, int], Changes],
    labels: Mapping[str, str],
    ask: Callable[[ConflictDialog], bool] | None = None,
) -> Changes | None:
    """Show the dialog until the merged input saves; None if the user cancels.

    ``save(input, version)`` is the service call; ``ask`` shows the dialog (modal
    ``exec`` by default, replaceable in tests).
    """
    ask = ask or (lambda dialog: dialog.exec() == QDialog.DialogCode.Accepted)
    for _ in range(MAX_ROUNDS):
        theirs = reload_for_conflict(store, kind, entity_id)
        dialog = ConflictDialog(mine, theirs, labels, parent)
        if not ask(dialog):
            return None
        if dialog.keeps_theirs_entirely():
            # Nothing of the user's remains: the stored record stands as it is.
            return Changes(
                "Behöll den sparade versionen", frozenset({kind}), frozenset({(kind, entity_id)})
            )
        merged = merge_input(mine, theirs, dialog.take_theirs())
        try:
            return save(merged, theirs.version)
        except ConflictError:
            mine = merged  # yet another save came first: compare again
    raise ConflictError()


# Translated in the vocabulary's context, like the outcome's fields below.
PERSON_LABELS = {
    "first_name": QT_TRANSLATE_NOOP("Insatsord", "Förnamn"),
    "last_name": QT_TRANSLATE_NOOP("Insatsord", "Efternamn"),
    "aliases": QT_TRANSLATE_NOOP("Insatsord", "Alias"),
    "birth_date": QT_TRANSLATE_NOOP("Insatsord", "Födelsedatum"),
    "language": QT_TRANSLATE_NOOP("Insatsord", "Språk"),
    "interpreter_need": QT_TRANSLATE_NOOP("Insatsord", "Behöver tolk"),
    "status": QT_TRANSLATE_NOOP("Insatsord", "Status"),
    "category": QT_TRANSLATE_NOOP("Insatsord", "Kategori"),
    "protected_identity": QT_TRANSLATE_NOOP("Insatsord", "Skyddad identitet"),
    "at_risk_victim": QT_TRANSLATE_NOOP("Insatsord", "Risk att utsättas"),
    "at_risk_shooter": QT_TRANSLATE_NOOP("Insatsord", "Risk att utöva våld"),
    "priority": QT_TRANSLATE_NOOP("Insatsord", "Prioritet"),
    "phone": QT_TRANSLATE_NOOP("Insatsord", "Telefon"),
    "source": QT_TRANSLATE_NOOP("Insatsord", "Källa"),
    "review_date": QT_TRANSLATE_NOOP("Insatsord", "Omprövas"),
}

# The outcome's fields in the one vocabulary the dialog, the paper form and the
# statistics use (issue 17); shown through the vocabulary's translation context.
OUTCOME_LABELS = {
    "status": "Status",
    "parts": "Budskapets delar",
    **{
        name: OUTCOME_FIELD_WORDS[name]
        for name in (
            "family_present",
            "response",
            "support_asked",
            "support_offered",
            "support_accepted",
            "leave_behind",
            "cancel_reason",
        )
    },
}
