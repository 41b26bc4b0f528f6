"""All services for one unlocked store, built once by the composition root.

``desktop.app`` (GUI) and the subcommands both call ``build_services``; nothing else
constructs services, and there is no module-level "current" instance.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.briefing import BriefingServices, build_briefing_services
from desktop.services.engagement import EngagementServices, build_engagement
from desktop.services.incidents import IncidentServices, build_incidents
from desktop.services.mapping import MappingServices, build_mapping
from desktop.services.operations import OperationsServices, build_operations
from desktop.services.security import SecurityServices
from desktop.services.security.notes import ProfileNotes
from desktop.services.statistics.service import StatisticsService
from desktop.services.transfer import TransferServices
from desktop.store.interface import Store


@dataclass(frozen=True)
class Services:
    store: Store
    mapping: MappingServices
    security: SecurityServices
    operations: OperationsServices
    engagement: EngagementServices
    briefing: BriefingServices
    statistics: StatisticsService
    transfer: TransferServices
    incidents: IncidentServices


def build_services(store: Store) -> Services:
    security = SecurityServices.build(store)
    mapping = build_mapping(store, notes=ProfileNotes(security.notes), reauth=security.reauth)
    return Services(
        store=store,
        mapping=mapping,
        security=security,
        operations=build_operations(store, security.reauth),
        engagement=build_engagement(store),
        briefing=build_briefing_services(store, security.reauth),
        statistics=StatisticsService(store, security.reauth),
        transfer=TransferServices.build(store, security.reauth),
        incidents=build_incidents(store),
    )
