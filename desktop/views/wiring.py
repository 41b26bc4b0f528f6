"""Which pages the main window shows, and what each page is given.

The composition root calls ``build_page_specs``; each factory imports its page lazily
so that start-up pays only for the page shown first.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.models import Role
from desktop.services.bundle import Services
from desktop.services.permissions import Action, allowed
from desktop.views.changes_hub import ChangesHub
from desktop.views.settings import Settings
from desktop.views.shell import PageSpec, PlaceholderPage, page_title


@dataclass(frozen=True)
class PageContext:
    """Everything a page may be handed. Pages take what they need from it."""

    services: Services
    hub: ChangesHub
    settings: Settings


# key -> (module, factory function name, action needed to see the page, issue number)
PAGES: tuple[tuple[str, str, str, Action, int], ...] = (
    ("persons", "desktop.views.persons.page", "create_page", Action.PERSON_READ, 4),
    ("groups", "desktop.views.groups.page", "create_page", Action.GROUP_READ, 4),
    ("operations", "desktop.views.operations.page", "create_page", Action.OPERATION_READ, 5),
    ("calendar", "desktop.views.calendar.page", "create_page", Action.OPERATION_READ, 5),
    ("call_ins", "desktop.views.callins.page", "create_page", Action.CALLIN_READ, 7),
    ("support", "desktop.views.support.page", "create_page", Action.SUPPORT_READ, 7),
    ("follow_up", "desktop.views.followup.page", "create_page", Action.TASK_READ, 5),
    ("incidents", "desktop.views.incidents.page", "create_page", Action.INCIDENT_READ, 20),
    ("statistics", "desktop.views.statistics.page", "create_page", Action.STATS_READ, 9),
    ("administration", "desktop.views.admin.page", "create_page", Action.SETTINGS_ADMIN, 3),
)


def visible(role: Role, action: Action, key: str) -> bool:
    # The auditor reaches the audit view through Administration.
    if key == "administration":
        return allowed(role, Action.SETTINGS_ADMIN) or allowed(role, Action.AUDIT_READ)
    return allowed(role, action)


def page_factory(
    key: str, module: str, function: str, issue: int, context: PageContext
) -> Callable[[], QWidget]:
    def build() -> QWidget:
        try:
            factory = getattr(importlib.import_module(module), function)
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith(module.rsplit(".", 1)[0]):
                raise
            text = QCoreApplication.translate("Sidor", "Byggs i ärende %1.").replace(
                "%1", str(issue)
            )
            return PlaceholderPage(page_title(key), text)
        widget: QWidget = factory(context)
        return widget

    return build


def build_page_specs(context: PageContext) -> list[PageSpec]:
    role = context.services.store.identity.role
    specs: list[PageSpec] = []
    for key, module, function, action, issue in PAGES:
        if not visible(role, action, key):
            continue
        shortcut = f"Ctrl+{len(specs) + 1}" if len(specs) < 9 else ""
        specs.append(
            PageSpec(
                key=key,
                title=page_title(key),
                icon=None,
                factory=page_factory(key, module, function, issue, context),
                shortcut=shortcut,
            )
        )
    return specs
