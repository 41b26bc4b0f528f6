"""Screens of the Uppföljning page for ``rondplan screenshot``."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.views.changes_hub import ChangesHub
from desktop.views.settings import Settings
from desktop.views.wiring import PageContext


def followup(services: Services) -> QWidget:
    from desktop.views.followup.page import create_page

    return create_page(PageContext(services, ChangesHub(), Settings()))


SCREENS = {"followup": followup}
