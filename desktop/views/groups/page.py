"""Entry point the main window calls: ``create_page(context)``."""

from __future__ import annotations

from desktop.views.groups.workspace import GroupsWorkspace
from desktop.views.wiring import PageContext


def create_page(context: PageContext) -> GroupsWorkspace:
    services = context.services
    page = GroupsWorkspace(
        services.mapping,
        services.engagement.sanctions,
        incidents=services.incidents.register,
        hub=context.hub,
    )
    context.hub.changes_applied.connect(page.apply_changes)
    return page
