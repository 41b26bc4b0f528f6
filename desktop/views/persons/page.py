"""Entry point the main window calls: ``create_page(context)``."""

from __future__ import annotations

from desktop.views.persons.workspace import PersonsWorkspace
from desktop.views.wiring import PageContext


def create_page(context: PageContext) -> PersonsWorkspace:
    page = PersonsWorkspace(
        context.services.mapping,
        context.services.engagement.sanctions,
        context.settings.backend,
        incidents=context.services.incidents.register,
        hub=context.hub,
    )
    context.hub.changes_applied.connect(page.apply_changes)
    return page
