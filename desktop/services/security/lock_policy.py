"""The administrator's maximum idle time before Rondplan locks itself."""

from __future__ import annotations

from desktop.models import Setting
from desktop.services.changes import Changes
from desktop.services.errors import ValidationError
from desktop.services.permissions import Action, require
from desktop.services.uow import UnitOfWork
from desktop.store.interface import Store

SETTING = "lock_max_idle_minutes"
DEFAULT_IDLE_MINUTES = 5
LIMITS = (1, 60)


class LockPolicy:
    def __init__(self, store: Store) -> None:
        self._store = store

    def max_idle_minutes(self) -> int:
        """The longest idle time any user may choose (default 5 minutes)."""
        with self._store.read_session() as session:
            found = session.get(Setting, SETTING)
        try:
            return int(str(found.value)) if found is not None else DEFAULT_IDLE_MINUTES
        except ValueError:
            return DEFAULT_IDLE_MINUTES

    def set_max_idle_minutes(self, minutes: int) -> Changes:
        require(self._store.identity, Action.SETTINGS_ADMIN)
        if not LIMITS[0] <= minutes <= LIMITS[1]:
            raise ValidationError(
                "lock.idle_range",
                field="max_idle_minutes",
                low=LIMITS[0],
                high=LIMITS[1],
            )
        with UnitOfWork(self._store, "Ändra låstid") as uow:
            found = uow.session.get(Setting, SETTING)
            if found is None:
                uow.session.add(Setting(key=SETTING, value=minutes))
            else:
                found.value = minutes
            uow.audit("settings.lock", None, (), detail=f"minutes={minutes}")
            uow.touched("setting")
        return uow.changes
