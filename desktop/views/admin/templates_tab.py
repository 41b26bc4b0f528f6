"""The templates list lives with the templates' owner; this tab only hosts it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

TemplatesFactory = Callable[[], QWidget]


class TemplatesTab(QWidget):
    """Hosts the widget ``factory`` builds, or says where templates are edited."""

    def __init__(self, factory: TemplatesFactory | None, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        if factory is not None:
            layout.addWidget(factory())
        else:
            note = QLabel(
                self.tr(
                    "Mallarna för budskapet, öppningsfrasen och kontaktuppgifterna redigeras "
                    "i utskriftsdelen. Varje ändring sparas som en ny version."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addStretch(1)
