"""All services for one unlocked store, built once by the composition root.

``desktop.app`` (GUI) and the subcommands both call ``build_services``; nothing else
constructs services, and there is no module-level "current" instance.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.store.database import Store


@dataclass(frozen=True)
class Services:
    store: Store


def build_services(store: Store) -> Services:
    return Services(store=store)
