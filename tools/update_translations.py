"""Refresh the translation sources and build the .qm files.

Run ``python tools/update_translations.py`` after adding or changing a
``self.tr()`` string. It runs pyside6-lupdate over ``desktop/views/**/*.py``
and ``desktop/app.py`` into ``resources/translations/rondplan_sv.ts`` and
``rondplan_en.ts`` (existing translations are kept), then pyside6-lrelease to
``.qm``. Source strings are Swedish, so the Swedish file stays mostly
untranslated (identity) and the English file holds the work.

Options:
    --check  Exit 1 if an English message is unfinished (for CI).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"sv": "sv_SE", "en": "en_GB"}


def _tool(name: str) -> str:
    # Prefer the tool next to the running interpreter (the project's venv).
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return found


def sources() -> list[Path]:
    """Returns the Python files that hold translatable strings."""
    files = sorted((ROOT / "desktop" / "views").rglob("*.py"))
    app = ROOT / "desktop" / "app.py"
    if app.exists():
        files.append(app)
    return [f for f in files if "__pycache__" not in f.parts]


def unfinished(ts_file: Path) -> list[str]:
    """Returns the source texts without a finished translation in ``ts_file``."""
    missing = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            missing.append(message.findtext("source") or "")
    return missing


def update() -> None:
    """Runs lupdate and lrelease for every language."""
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    files = [str(f.relative_to(ROOT)) for f in sources()]
    for lang, locale in LANGUAGES.items():
        ts = TRANSLATIONS / f"rondplan_{lang}.ts"
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "relative",
                "-source-language",
                "sv_SE",
                "-target-language",
                locale,
                *files,
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            cwd=ROOT,
            check=True,
        )


def main(argv: list[str] | None = None) -> int:
    """Updates the translations; with ``--check`` reports unfinished English."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on unfinished English")
    args = parser.parse_args(argv)
    update()
    missing = unfinished(TRANSLATIONS / "rondplan_en.ts")
    for text in missing:
        print(f"untranslated (en): {text!r}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
