"""Saved column mappings (presets), one JSON file each in the user's config folder.

They hold file headers and field names only, never data from a file; still they are
written atomically and owner-only, like everything Rondplan writes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from platformdirs import user_config_path

from desktop.services.errors import NotFound, ValidationError
from desktop.services.exporting import atomic_write
from desktop.services.importing import MappingPreset

__all__ = ["PresetStore", "default_preset_folder"]

_UNSAFE = re.compile(r"[^\w\- ]+")
_MAX_NAME = 60


def default_preset_folder() -> Path:
    """``<user config>/Rondplan/import-presets``."""
    return user_config_path("Rondplan", appauthor=False) / "import-presets"


def _file_name(name: str) -> str:
    cleaned = " ".join(_UNSAFE.sub("_", name).split())[:_MAX_NAME]
    if not cleaned.strip("_ "):
        raise ValidationError("preset.name_missing", field="preset")
    return cleaned + ".json"


class PresetStore:
    """Save, list, load and delete presets in one folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_preset_folder()

    def names(self) -> list[str]:
        """The saved presets' names, sorted; damaged files are left out."""
        if not self.folder.is_dir():
            return []
        names = []
        for path in sorted(self.folder.glob("*.json")):
            try:
                names.append(MappingPreset.from_json(path.read_text("utf-8")).name)
            except (OSError, UnicodeDecodeError, ValidationError):
                continue
        return sorted(names, key=str.casefold)

    def load(self, name: str) -> MappingPreset:
        """The preset called ``name``.

        Raises:
            NotFound: No such preset.
            ValidationError: The file is damaged.
        """
        path = self.folder / _file_name(name)
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            raise NotFound("preset.unknown", name=name) from None
        except (OSError, UnicodeDecodeError):
            raise ValidationError("preset.unreadable", field="preset") from None
        return MappingPreset.from_json(text)

    def save(self, preset: MappingPreset) -> Path:
        """Write ``preset`` (replacing one with the same name); returns its path."""
        path = self.folder / _file_name(preset.name)
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(self.folder, 0o700)
        atomic_write(path, preset.to_json().encode("utf-8"))
        return path

    def delete(self, name: str) -> None:
        """Remove a preset; a missing one is no error."""
        (self.folder / _file_name(name)).unlink(missing_ok=True)
