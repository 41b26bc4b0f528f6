"""Screens for ``rondplan screenshot``: the Statistik page computed in the foreground."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.views.statistics.statistics_page import VIOLENCE_TAB, StatisticsPage


def statistics(services: Services) -> StatisticsPage:
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


def statistics_violence(services: Services) -> QWidget:
    """The tab "Våld och respons" (issue 20), its figures computed when it is opened."""
    page = statistics(services)
    page.tabs.setCurrentIndex(VIOLENCE_TAB)
    return page


SCREENS = {"statistics": statistics, "statistics-violence": statistics_violence}
