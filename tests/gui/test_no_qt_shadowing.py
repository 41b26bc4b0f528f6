"""No view hides a member of its Qt base class (issue 18).

``self.accepted = QCheckBox()`` in a QDialog hid the ``accepted`` signal, ``cursor()``
returning a date hid ``QWidget.cursor``, ``self.result = ...`` hid ``QDialog.result()``:
code (Qt's own included) that reached the Qt member got the view's instead. Every
QObject subclass under ``desktop/views`` is read: no instance or class attribute may
take a Qt member's name, and a method may only do so to override a Qt virtual (Qt's
overrides keep camelCase, STYLE §15; the few lower-case virtuals are listed).
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

from PySide6.QtCore import QObject

VIEWS = Path(__file__).resolve().parents[2] / "desktop" / "views"

#: Lower-case Qt virtuals the views override on purpose.
VIRTUALS = {"accept", "reject", "done", "event", "data", "sort", "paint"}


def _qt_members(cls: type) -> set[str]:
    return {
        name
        for base in cls.__mro__
        if base.__module__.startswith(("PySide6", "Shiboken"))
        for name in vars(base)
    }


def _own_names(node: ast.ClassDef) -> list[tuple[str, str, int]]:
    names: list[tuple[str, str, int]] = []
    for sub in ast.walk(node):
        targets: list[ast.expr] = []
        if isinstance(sub, ast.Assign):
            targets = list(sub.targets)
        elif isinstance(sub, ast.AnnAssign):
            targets = [sub.target]
        for target in targets:
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
            ):
                names.append(("attribute", target.attr, sub.lineno))
    for item in node.body:
        if isinstance(item, ast.FunctionDef):
            names.append(("method", item.name, item.lineno))
        elif isinstance(item, ast.Assign | ast.AnnAssign):
            targets = item.targets if isinstance(item, ast.Assign) else [item.target]
            names += [
                ("class attribute", t.id, item.lineno) for t in targets if isinstance(t, ast.Name)
            ]
    return names


def _hidden() -> list[str]:
    hidden = []
    for path in sorted(VIEWS.rglob("*.py")):
        module = importlib.import_module(
            "desktop." + path.relative_to(VIEWS.parent).with_suffix("").as_posix().replace("/", ".")
        )
        for node in ast.parse(path.read_text("utf-8")).body:
            cls = getattr(module, node.name, None) if isinstance(node, ast.ClassDef) else None
            if not (inspect.isclass(cls) and issubclass(cls, QObject)):
                continue
            qt = _qt_members(cls)
            for kind, name, line in _own_names(node):
                if name.startswith("__") or name not in qt:
                    continue
                overrides = kind == "method" and (name in VIRTUALS or name != name.lower())
                if not overrides:
                    hidden.append(f"{path.relative_to(VIEWS)}:{line} {node.name}.{name} ({kind})")
    return hidden


def test_no_view_hides_a_qt_member() -> None:
    assert _hidden() == []
