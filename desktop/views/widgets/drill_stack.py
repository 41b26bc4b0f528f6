"""A stack of pages for drilling down (list → profile → linked profile) and back."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget


class DrillStack(QStackedWidget):
    """The first widget is the root; ``push`` shows a detail page, ``pop`` returns."""

    def push(self, page: QWidget) -> None:
        self.addWidget(page)
        self.setCurrentWidget(page)
        page.setFocus()

    def pop(self) -> None:
        if self.count() <= 1:
            return
        page = self.widget(self.count() - 1)
        if page is None:
            return
        self.removeWidget(page)
        page.deleteLater()
        self.setCurrentIndex(self.count() - 1)

    def pages(self) -> list[QWidget]:
        return [page for i in range(self.count()) if (page := self.widget(i)) is not None]
