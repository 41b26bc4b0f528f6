"""Views that ``rondplan screenshot --view NAME`` can render offscreen.

Each page package has a ``screens`` module with ``SCREENS: dict[str, ScreenFactory]``;
list the module here. A factory gets the unlocked services and returns a widget.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services

ScreenFactory = Callable[[Services], QWidget]

SCREEN_MODULES: tuple[str, ...] = (
    "desktop.views.app_screens",
    "desktop.views.persons.screens",
    "desktop.views.groups.screens",
    "desktop.views.admin.screens",
    "desktop.views.operations.screens",
    "desktop.views.calendar.screens",
    "desktop.views.followup.screens",
    "desktop.views.printing.screens",
    "desktop.views.callins.screens",
    "desktop.views.support.screens",
    "desktop.views.importing.screens",
    "desktop.views.statistics.screens",
    "desktop.views.incidents.screens",
)


def all_screens() -> dict[str, ScreenFactory]:
    screens: dict[str, ScreenFactory] = {}
    for name in SCREEN_MODULES:
        module = importlib.import_module(name)
        for key, factory in module.SCREENS.items():
            if key in screens:
                raise ValueError(f"screen {key!r} is defined twice")
            screens[key] = factory
    return screens
