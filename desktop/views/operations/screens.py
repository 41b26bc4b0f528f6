"""Screens of the Insatser page for ``rondplan screenshot``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.views.changes_hub import ChangesHub
from desktop.views.settings import Settings
from desktop.views.wiring import PageContext

if TYPE_CHECKING:
    from desktop.views.operations.page import OperationsPage


def _page(services: Services) -> OperationsPage:
    from desktop.views.operations.page import create_page

    return create_page(PageContext(services, ChangesHub(), Settings()))


def operations(services: Services) -> QWidget:
    """The operation list with the newest operation's targets."""
    return _page(services)


def operation(services: Services) -> QWidget:
    """One operation's plan: its visits, outcomes and what could not be planned."""
    page = _page(services)
    page.tabs.setCurrentWidget(page.plan)
    return page


SCREENS = {"operations": operations, "operation": operation}
