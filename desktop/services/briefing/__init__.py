"""Briefing packets and every other printout: data builders, templates, the print log."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.briefing.builder import BriefingRequest
from desktop.services.briefing.choices import BriefingChoices
from desktop.services.briefing.printing import PrintResult, PrintService
from desktop.services.briefing.templates import TemplateService
from desktop.services.security.reauth import Reauthentication
from desktop.store.interface import Store

__all__ = [
    "BriefingChoices",
    "BriefingRequest",
    "BriefingServices",
    "PrintResult",
    "PrintService",
    "TemplateService",
    "build_briefing_services",
]


@dataclass(frozen=True)
class BriefingServices:
    printing: PrintService
    templates: TemplateService
    choices: BriefingChoices


def build_briefing_services(
    store: Store, reauth: Reauthentication | None = None
) -> BriefingServices:
    return BriefingServices(
        PrintService(store, reauth), TemplateService(store), BriefingChoices(store)
    )
