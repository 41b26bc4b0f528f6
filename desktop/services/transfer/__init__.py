"""Import and export of mapping lists: the database side of ``services.importing``
and ``services.exporting``.

``TransferServices.build(store, reauth)`` is what ``desktop.services.bundle`` calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.services.security.reauth import Reauthentication
from desktop.services.transfer.export_service import ExportResult, ExportService
from desktop.services.transfer.import_service import ImportResult, ImportService, Progress
from desktop.services.transfer.lookup import DatabasePersonLookup
from desktop.services.transfer.presets import PresetStore, default_preset_folder
from desktop.store.interface import Store

__all__ = [
    "DatabasePersonLookup",
    "ExportResult",
    "ExportService",
    "ImportResult",
    "ImportService",
    "PresetStore",
    "Progress",
    "TransferServices",
    "default_preset_folder",
]


@dataclass(frozen=True)
class TransferServices:
    """``imports`` (preview and import), ``exports``, and the saved column ``presets``."""

    imports: ImportService
    exports: ExportService
    presets: PresetStore

    @classmethod
    def build(
        cls, store: Store, reauth: Reauthentication, preset_folder: Path | None = None
    ) -> TransferServices:
        return cls(ImportService(store), ExportService(store, reauth), PresetStore(preset_folder))
