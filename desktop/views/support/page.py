"""Entry point of the Stöd page for the composition root."""

from __future__ import annotations

from desktop.views.support.support_page import SupportPage
from desktop.views.wiring import PageContext


def create_page(context: PageContext) -> SupportPage:
    services = context.services
    page = SupportPage(
        services.engagement,
        services.store.identity,
        services.mapping.persons.page,
        hub=context.hub,
    )
    context.hub.changes_applied.connect(page.apply_changes)
    return page
