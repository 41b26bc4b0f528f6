"""Screens for ``rondplan screenshot``: the support catalogue and the referrals."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.views.support.support_page import SupportPage


def _page(services: Services) -> SupportPage:
    page = SupportPage(services.engagement, services.store.identity, services.mapping.persons.page)
    page.resize(1280, 800)
    return page


def support(services: Services) -> QWidget:
    return _page(services)


def referrals(services: Services) -> QWidget:
    page = _page(services)
    page.tabs.setCurrentIndex(1)
    return page


SCREENS = {"support": support, "referrals": referrals}
