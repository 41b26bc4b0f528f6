"""Call-ins, the delivery ledger, support and referrals, sanction periods (issue 7)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.engagement.attendance import AttendanceService
from desktop.services.engagement.callins import CallInService
from desktop.services.engagement.ledger import LedgerService
from desktop.services.engagement.referrals import ReferralService
from desktop.services.engagement.sanctions import SanctionService
from desktop.services.engagement.support import SupportCatalogue
from desktop.store.interface import Store


@dataclass(frozen=True)
class EngagementServices:
    """The use cases of issue 7 for one store."""

    callins: CallInService
    attendance: AttendanceService
    ledger: LedgerService
    support: SupportCatalogue
    referrals: ReferralService
    sanctions: SanctionService


def build_engagement(store: Store) -> EngagementServices:
    return EngagementServices(
        CallInService(store),
        AttendanceService(store),
        LedgerService(store),
        SupportCatalogue(store),
        ReferralService(store),
        SanctionService(store),
    )
