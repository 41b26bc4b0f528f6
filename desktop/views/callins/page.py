"""Entry point of the Stormöten page for the composition root."""

from __future__ import annotations

from desktop.views.callins.callins_page import CallInsPage
from desktop.views.callins.printing import call_in_printer
from desktop.views.wiring import PageContext


def create_page(context: PageContext) -> CallInsPage:
    services = context.services
    page = CallInsPage(
        services.engagement,
        services.store.identity,
        services.mapping.persons.page,
        call_in_printer(services, hub=context.hub),
        hub=context.hub,
    )
    context.hub.changes_applied.connect(page.apply_changes)
    return page
