"""Entry point the main window calls: ``create_page(context)``."""

from __future__ import annotations

from desktop.views.statistics.statistics_page import StatisticsPage
from desktop.views.wiring import PageContext


def create_page(context: PageContext) -> StatisticsPage:
    services = context.services
    page = StatisticsPage(
        services.statistics,
        role=services.store.identity.role,
        reauth=services.security.reauth,
        incidents=services.incidents.register,
        hub=context.hub,
    )
    context.hub.changes_applied.connect(page.apply_changes)
    page.reload()
    return page
