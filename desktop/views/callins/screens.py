"""Screens for ``rondplan screenshot``: the call-ins page and one held call-in."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.models import CallInStatus
from desktop.services.bundle import Services
from desktop.views.callins.callins_page import CallInsPage
from desktop.views.callins.printing import call_in_printer


def _page(services: Services) -> CallInsPage:
    page = CallInsPage(
        services.engagement,
        services.store.identity,
        services.mapping.persons.page,
        call_in_printer(services),
    )
    page.resize(1280, 800)
    return page


def callins(services: Services) -> QWidget:
    return _page(services)


def callin(services: Services) -> QWidget:
    """The most recent held call-in, with its attendance."""
    page = _page(services)
    held = [r for r in services.engagement.callins.call_ins() if r.status is CallInStatus.HELD]
    if held:
        page.select(held[0].id)
    return page


def deliveries(services: Services) -> QWidget:
    page = _page(services)
    page.tabs.setCurrentIndex(1)
    return page


SCREENS = {"callins": callins, "callin": callin, "deliveries": deliveries}
