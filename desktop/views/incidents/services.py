"""The incident services for the pages that show incidents (issue 20)."""

from __future__ import annotations

from desktop.services.bundle import Services
from desktop.services.incidents import IncidentServices, build_incidents

_BUILT: dict[int, IncidentServices] = {}


def incidents_of(services: Services) -> IncidentServices:
    """The bundle's incident services (issue 20); built once per store until the bundle
    carries them (``Services.incidents``, asked of the core)."""
    bundled = getattr(services, "incidents", None)
    if isinstance(bundled, IncidentServices):
        return bundled
    key = id(services.store)
    if key not in _BUILT:
        _BUILT.clear()  # one store at a time: a new login drops the old one's
        _BUILT[key] = build_incidents(services.store)
    return _BUILT[key]
