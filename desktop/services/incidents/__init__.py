"""Violence and the response to it (issue 20): the incident register, the proposed
response (urgent round, sanction period, follow-up tasks) and the incident import.

The services are imported when built: the briefing builder reads
``desktop.services.incidents.briefing`` while the operations package (which the
response uses) imports the briefing builder.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.services.clock import LocalClock

if TYPE_CHECKING:
    from desktop.services.incidents.importer import IncidentImporter
    from desktop.services.incidents.register import IncidentService
    from desktop.services.incidents.response import ResponseService
    from desktop.store.interface import Store


@dataclass(frozen=True)
class IncidentServices:
    """The use cases of issue 20 for one store."""

    register: IncidentService
    responses: ResponseService
    importer: IncidentImporter


def build_incidents(store: Store, clock: LocalClock | None = None) -> IncidentServices:
    """``clock``: local wall-clock now (default ``desktop.services.clock.local_now``);
    incidents are never in the future and a response round never starts before tomorrow."""
    from desktop.services.incidents.importer import IncidentImporter
    from desktop.services.incidents.register import IncidentService
    from desktop.services.incidents.response import ResponseService

    return IncidentServices(
        IncidentService(store, clock),
        ResponseService(store, clock),
        IncidentImporter(store, clock),
    )
