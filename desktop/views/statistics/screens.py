"""Screens for ``rondplan screenshot``: the Statistik page computed in the foreground."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.views.statistics.statistics_page import StatisticsPage


def statistics(services: Services) -> QWidget:
    page = StatisticsPage(services.statistics, role=services.store.identity.role, background=False)
    page.resize(1400, 1000)
    page.reload()
    return page


def statistics_for(services: Services, today: dt.date) -> QWidget:
    """The page as of ``today`` (for tests and fixed screenshots)."""
    page = StatisticsPage(
        services.statistics, role=services.store.identity.role, background=False, today=today
    )
    page.resize(1400, 1000)
    page.reload()
    return page


SCREENS = {"statistics": statistics}
