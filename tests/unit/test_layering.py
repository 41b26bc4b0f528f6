"""The core never imports Qt or the views (STYLE.md principle 1)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import desktop

ROOT = Path(desktop.__file__).parent
CORE = ("models", "store", "services", "reports")
FORBIDDEN = ("PySide6", "qt_material", "desktop.views", "desktop.app")


def _core_files() -> list[Path]:
    return [path for layer in CORE for path in sorted((ROOT / layer).rglob("*.py"))]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_core_sources_import_no_qt_even_lazily():
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _core_files()
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert not offenders, offenders
    assert len(_core_files()) > 10  # the walk really found the core


def test_importing_the_whole_core_loads_no_qt():
    modules = [
        ".".join(path.relative_to(ROOT.parent).with_suffix("").parts)
        for path in _core_files()
        if path.name != "__init__.py" and "migrations" not in path.parts
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'qt_material', "
        "'shiboken6') or m.startswith('desktop.views')]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == ""


def test_views_never_import_sqlalchemy():
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "views").rglob("*.py"))
        for name in _imports(path)
        if name == "sqlalchemy" or name.startswith("sqlalchemy.")
    ]
    assert not offenders, offenders
