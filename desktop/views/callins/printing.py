"""Letters and attendee lists go through the print workflow (serials, audit, preview).

The print service is issue 6's; until it is in the tree the page's print buttons stay
disabled (``print_action`` returns None).
"""

from __future__ import annotations

from desktop.services.bundle import Services
from desktop.views.callins.detail import PrintAction


def print_action(services: Services) -> PrintAction | None:
    return None
