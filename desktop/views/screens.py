"""Views that ``rondplan screenshot --view NAME`` can render offscreen.

Each page package has a ``screens`` module with ``SCREENS: dict[str, ScreenFactory]``;
list the module here. A factory gets the unlocked services and returns a widget.
"""

from __future__ import annotations

SCREEN_MODULES: tuple[str, ...] = ()
