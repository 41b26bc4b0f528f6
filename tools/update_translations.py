"""Refresh the translation sources and build the .qm files.

Run ``python tools/update_translations.py`` after adding or changing a
``self.tr()`` string. It runs pyside6-lupdate over ``desktop/views/**/*.py``
and ``desktop/app.py`` into ``resources/translations/rondplan_sv.ts`` and
``rondplan_en.ts`` (existing translations are kept), then pyside6-lrelease to
``.qm``. Source strings are Swedish, so the Swedish file stays mostly
untranslated (identity) and the English file holds the work; only the plural
(``%n``) messages get Swedish forms, so Qt shows "1 person" and "5 personer".

lupdate only sees ``self.tr("…")``, ``QCoreApplication.translate("Ctx", "…")``
and ``QT_TRANSLATE_NOOP``. Strings handed to small helpers such as
``def _tr(text): return QCoreApplication.translate("Ctx", text)``, or to
``QCoreApplication.translate(self.CONTEXT, "…")``, are collected first into
``resources/translations/helper_strings.py`` (generated, committed) so lupdate
files them under the context the helper uses at run time.

Options:
    --check  Exit 1 if an English message is unfinished or empty, or a Swedish
             plural message has no Swedish forms (for CI).
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
HELPER_STRINGS = TRANSLATIONS / "helper_strings.py"
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
    # The composition root and the choice of database it opens also speak to the user.
    for name in ("app.py", "opening.py"):
        if (ROOT / "desktop" / name).exists():
            files.append(ROOT / "desktop" / name)
    # The one vocabulary the views translate (issue 17) lives in the core, marked with its
    # own QT_TRANSLATE_NOOP.
    files.append(ROOT / "desktop" / "services" / "vocabulary.py")
    return [f for f in files if "__pycache__" not in f.parts]


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _literal(node: ast.AST | None, names: dict[str, str]) -> str | None:
    """Returns the string ``node`` stands for: a literal or a known constant."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in ("self", "cls")
    ):
        return names.get("self." + node.attr)
    return None


def _is_translate(call: ast.Call) -> bool:
    func = call.func
    return isinstance(func, ast.Attribute) and func.attr == "translate" and len(call.args) >= 2


def _constants(body: list[ast.stmt], prefix: str = "") -> dict[str, str]:
    """Returns ``NAME = "text"`` assignments (``CONTEXT: ClassVar[str] = …`` too)."""
    found: dict[str, str] = {}
    for stmt in body:
        target: ast.expr | None = None
        value: ast.expr | None = None
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AnnAssign):
            target, value = stmt.target, stmt.value
        is_text = isinstance(value, ast.Constant) and isinstance(value.value, str)
        if isinstance(target, ast.Name) and is_text:
            found[prefix + target.id] = value.value  # type: ignore[union-attr]
    return found


def _helper_context(func: ast.FunctionDef, names: dict[str, str]) -> str | None:
    """Returns the context when ``func`` just forwards its text to translate()."""
    params = [a.arg for a in func.args.args if a.arg not in ("self", "cls")]
    if len(params) != 1:
        return None
    for node in ast.walk(func):
        if isinstance(node, ast.Call) and _is_translate(node):
            text = node.args[1]
            if isinstance(text, ast.Name) and text.id == params[0]:
                return _literal(node.args[0], names)
    return None


class _Module:
    """What one source file offers: helper functions and its parsed tree."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        self.constants = _constants(self.tree.body)
        self.helpers = {
            stmt.name: ctx
            for stmt in self.tree.body
            if isinstance(stmt, ast.FunctionDef)
            and (ctx := _helper_context(stmt, self.constants)) is not None
        }


def _self_tr_calls(fstring: ast.JoinedStr, klass: str) -> list[tuple[str, str, int]]:
    """Returns the ``self.tr("…")`` calls inside an f-string, under the class's context."""
    found = []
    for node in ast.walk(fstring):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "tr"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "self"
            and node.args
            and (text := _literal(node.args[0], {}))
        ):
            found.append((klass, text, node.lineno))
    return found


def _calls(module: _Module, modules: dict[str, _Module]) -> list[tuple[str, str, int]]:
    """Returns (context, text, line) for the helper calls lupdate cannot follow."""
    helpers = dict(module.helpers)
    for stmt in module.tree.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module in modules:
            for alias in stmt.names:
                ctx = modules[stmt.module].helpers.get(alias.name)
                if ctx is not None:
                    helpers[alias.asname or alias.name] = ctx
    found: list[tuple[str, str, int]] = []

    def visit(
        nodes: list[ast.stmt], names: dict[str, str], methods: dict[str, str], klass: str = ""
    ) -> None:
        for stmt in nodes:
            if isinstance(stmt, ast.ClassDef):
                inner = {**names, **_constants(stmt.body, "self.")}
                own = {
                    f.name: method_ctx
                    for f in stmt.body
                    if isinstance(f, ast.FunctionDef)
                    and (method_ctx := _helper_context(f, inner)) is not None
                }
                visit(stmt.body, inner, own, stmt.name)
                continue
            for node in ast.walk(stmt):
                if isinstance(node, ast.JoinedStr) and klass:
                    # lupdate does not read inside f-strings: f"{self.tr('Krock')}".
                    found.extend(_self_tr_calls(node, klass))
                if not isinstance(node, ast.Call):
                    continue
                func, args = node.func, node.args
                text = _literal(args[0], {}) if args else None
                ctx: str | None = None
                if isinstance(func, ast.Name) and func.id in helpers:
                    ctx = helpers[func.id]
                elif (
                    isinstance(func, ast.Attribute)
                    and isinstance(func.value, ast.Name)
                    and func.value.id == "self"
                    and func.attr in methods
                ):
                    ctx = methods[func.attr]
                elif _is_translate(node) and not isinstance(args[0], ast.Constant):
                    # translate(self.CONTEXT, "…"): lupdate skips a computed context.
                    ctx, text = _literal(args[0], names), _literal(args[1], {})
                if ctx is not None and text:
                    found.append((ctx, text, node.lineno))

    visit(module.tree.body, module.constants, {})
    return found


def write_helper_strings() -> Path:
    """Writes ``helper_strings.py``: helper-call strings as QT_TRANSLATE_NOOP."""
    modules = {_module_name(p): _Module(p) for p in sources()}
    lines = [
        '"""Strings that reach Qt through helpers lupdate cannot follow.',
        "",
        "Generated by tools/update_translations.py; do not edit. Each line names",
        "the calling file; the context is the one the helper passes at run time.",
        '"""',
        "",
        "# ruff: noqa: E501",
        "# fmt: off",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
    ]
    seen: set[tuple[str, str]] = set()
    for module in modules.values():
        rel = module.path.relative_to(ROOT)
        # No line numbers: the file changes only when the strings do.
        for ctx, text, _line in _calls(module, modules):
            if (ctx, text) in seen:
                continue
            seen.add((ctx, text))
            # JSON quoting is valid Python and keeps ruff's double-quote style.
            quoted = ", ".join(json.dumps(t, ensure_ascii=False) for t in (ctx, text))
            lines.append(f"QT_TRANSLATE_NOOP({quoted})  # {rel.as_posix()}")
    HELPER_STRINGS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return HELPER_STRINGS


def unfinished(ts_file: Path, plural_only: bool = False) -> list[str]:
    """Returns the source texts without a finished, non-empty translation.

    Args:
        ts_file: The .ts file to read.
        plural_only: Look only at ``%n`` messages (the Swedish file's work).
    """
    missing = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        numerus = message.get("numerus") == "yes"
        if plural_only and not numerus:
            continue
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            missing.append(message.findtext("source") or "")
            continue
        forms = [f.text for f in translation.iter("numerusform")] if numerus else []
        texts = forms if numerus else [translation.text]
        if not texts or not all(t and t.strip() for t in texts):
            missing.append(message.findtext("source") or "")
    return missing


def update() -> None:
    """Runs lupdate and lrelease for every language."""
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    helper = write_helper_strings()
    files = [str(f.relative_to(ROOT)) for f in [*sources(), helper]]
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
    """Updates the translations; with ``--check`` fails on missing work."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on unfinished translations")
    args = parser.parse_args(argv)
    update()
    missing = unfinished(TRANSLATIONS / "rondplan_en.ts")
    for text in missing:
        print(f"untranslated (en): {text!r}")
    plurals = unfinished(TRANSLATIONS / "rondplan_sv.ts", plural_only=True)
    for text in plurals:
        print(f"no Swedish plural forms (sv): {text!r}")
    return 1 if args.check and (missing or plurals) else 0


if __name__ == "__main__":
    sys.exit(main())
